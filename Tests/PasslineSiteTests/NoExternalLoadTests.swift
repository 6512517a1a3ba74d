import Foundation
import PasslineCore
import Testing
@testable import PasslineSite

/// "No page loads anything from elsewhere": every generated page is tokenised as a browser would
/// read its markup, and everything that makes a browser fetch (scripts, stylesheets, images, frames,
/// media, `url(…)` in styles, refreshes, a `<base>`) must be one of the site's own files. Links a
/// reader follows may go elsewhere, but only by `https:`, `http:`, `mailto:` or `tel:`
/// (`LinkPolicy`), and links inside the site must lead to a page that exists.
@Suite struct NoExternalLoadTests {
    @Test func theShippedSiteLoadsOnlyItsOwnFiles() throws {
        let site = try Fixture.generate().files
        let pages = site.paths.filter { $0.hasSuffix(".html") }
        #expect(pages.count > 20)
        for page in pages { try check(page, in: site) }
        for sheet in site.paths where sheet.hasSuffix(".css") { checkStyle(site.text(sheet) ?? "", in: sheet) }
    }

    /// Content with a link of every allowed kind: each becomes an `<a>`, and nothing is loaded.
    @Test func everyAllowedKindOfLinkIsALinkAndNotALoad() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixture.contentCopy(in: folder)
        let links =
            "见[官网](https://www.ruankao.org.cn/)、[旧址](http://www.ruankao.org.cn/)、[来信](mailto:someone@example.cn)、[电话](tel:010-68607734)、[条款](notice.html#c3-1-4)和<https://www.txks.org.cn/>。"
        for file in ["faq/hotline.md", "areas/xizang.md"] {
            let url = content.appendingPathComponent(file)
            try (String(contentsOf: url, encoding: .utf8) + "\n" + links + "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        let site = try Fixture.generate(content: content.path).files
        for page in site.paths where page.hasSuffix(".html") { try check(page, in: site) }
        for page in [try #require(site.faqPage(holding: "hotline")), "areas.html"] {
            let anchors = try HTMLTokens(site.html(page)).tags.filter { $0.name == "a" }.compactMap { $0.attributes["href"] }
            for href in [
                "https://www.ruankao.org.cn/", "http://www.ruankao.org.cn/", "mailto:someone@example.cn", "tel:010-68607734",
                "notice.html#c3-1-4", "https://www.txks.org.cn/"
            ] {
                #expect(anchors.contains(href), "\(href) in \(page)")
            }
        }
    }

    @Test func theCheckFindsALoadWhenThereIsOne() throws {
        // The checker itself, on markup that does load from elsewhere: it must not pass by construction.
        let html =
            #"<p><img src="https://evil.example/x.png"><a href="javascript:alert(1)">x</a><span style="background:url(//evil.example/y)">y</span></p>"#
        let problems = loadProblems(in: try HTMLTokens(html), page: "x.html", site: Set<String>())
        #expect(problems.count == 3, "\(problems)")
    }

    // MARK: checking

    private func check(_ page: String, in site: SiteFiles) throws {
        let tokens = try HTMLTokens(site.html(page))
        let problems = loadProblems(in: tokens, page: page, site: Set(site.paths))
        #expect(problems.isEmpty, "\(page): \(problems.joined(separator: "; "))")
        for style in tokens.styles { checkStyle(style, in: page) }
    }

    /// Every attribute that loads or links, judged; the problems found.
    private func loadProblems(in tokens: HTMLTokens, page: String, site: Set<String>) -> [String] {
        var problems: [String] = []
        for tag in tokens.tags {
            if ["base", "iframe", "frame", "embed", "object", "applet", "portal"].contains(tag.name) {
                problems.append("<\(tag.name)> element")
            }
            for (name, value) in tag.attributes {
                switch (tag.name, name) {
                case ("a", "href"), ("area", "href"):
                    if let problem = LinkPolicy.problem(link: value) {
                        problems.append("<a href=\"\(value)\">: \(problem)")
                    } else if LinkPolicy.scheme(of: value) == nil, !value.hasPrefix("#"), resolve(value, from: page, in: site) == nil {
                        problems.append("<a href=\"\(value)\"> leads to no page of the site")
                    }
                case (_, "src"), (_, "srcset"), (_, "poster"), (_, "data"), (_, "background"), ("link", "href"), (_, "action"),
                    (_, "formaction"), (_, "ping"):
                    let urls =
                        name == "srcset"
                        ? value.split(separator: ",").map {
                            String($0.trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
                        } : [value]
                    for url in urls where !isOwnFile(url, from: page, in: site) {
                        problems.append("<\(tag.name) \(name)=\"\(url)\"> is not one of the site's files")
                    }
                case ("meta", "content") where tag.attributes["http-equiv"]?.lowercased() == "refresh":
                    problems.append("<meta http-equiv=refresh>")
                case (_, "style"):
                    problems += styleProblems(value)
                default:
                    if name.hasPrefix("on") { problems.append("event handler \(name)") }
                }
            }
        }
        return problems
    }

    private func checkStyle(_ css: String, in page: String) {
        #expect(styleProblems(css).isEmpty, "\(page): \(styleProblems(css))")
    }

    /// `url(…)` and `@import` that reach outside the site.
    private func styleProblems(_ css: String) -> [String] {
        var problems: [String] = []
        for match in css.matches(of: #/url\(\s*['"]?([^'")]*)/#) where isExternal(String(match.1)) {
            problems.append("url(\(match.1))")
        }
        if css.contains("@import") { problems.append("@import") }
        return problems
    }

    private func isExternal(_ url: String) -> Bool {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        return LinkPolicy.scheme(of: trimmed) != nil || trimmed.hasPrefix("//") || trimmed.hasPrefix("\\")
    }

    private func isOwnFile(_ url: String, from page: String, in site: Set<String>) -> Bool {
        !isExternal(url) && resolve(url, from: page, in: site) != nil
    }

    /// The site path a relative URL on `page` names, if that file exists.
    private func resolve(_ url: String, from page: String, in site: Set<String>) -> String? {
        let path = String(url.prefix { $0 != "#" && $0 != "?" })
        guard !path.isEmpty else { return page }
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch part {
            case "", ".": continue
            case "..": if parts.popLast() == nil { return nil }
            default: parts.append(part.removingPercentEncoding ?? part)
            }
        }
        let resolved = parts.joined(separator: "/")
        let candidates = path.hasSuffix("/") || resolved.isEmpty ? [resolved + (resolved.isEmpty ? "" : "/") + "index.html"] : [resolved]
        return candidates.first { site.contains($0) }
    }
}

/// The start tags of an HTML page with their attributes, and the text of its `<style>` elements,
/// read the way the HTML tokenizer reads them: comments and doctypes skipped, `<script>` and `<style>`
/// bodies taken as raw text up to their end tag, attribute values quoted or not, entities in values
/// decoded (`&amp;`, `&#58;`). Markup it cannot read (an unterminated tag or comment) throws, so a page
/// that does not parse fails the test rather than hiding a tag.
struct HTMLTokens {
    struct Tag {
        var name: String
        var attributes: [String: String]
    }

    struct Unreadable: Error, CustomStringConvertible { var description: String }

    private(set) var tags: [Tag] = []
    private(set) var styles: [String] = []

    init(_ html: String) throws {
        let text = Array(html.unicodeScalars)
        var i = 0
        func starts(_ prefix: String, at index: Int) -> Bool {
            let p = Array(prefix.unicodeScalars)
            guard index + p.count <= text.count else { return false }
            for k in 0..<p.count where Character(text[index + k]).lowercased() != Character(p[k]).lowercased() { return false }
            return true
        }
        func find(_ needle: String, from index: Int) -> Int? {
            var k = index
            while k < text.count {
                if starts(needle, at: k) { return k }
                k += 1
            }
            return nil
        }
        while i < text.count {
            guard text[i] == "<" else { i += 1; continue }
            if starts("<!--", at: i) {
                guard let end = find("-->", from: i + 4) else { throw Unreadable(description: "unterminated comment") }
                i = end + 3
                continue
            }
            if starts("<!", at: i) || starts("</", at: i) || starts("<?", at: i) {
                guard let end = find(">", from: i) else { throw Unreadable(description: "unterminated tag") }
                i = end + 1
                continue
            }
            guard i + 1 < text.count, text[i + 1].properties.isAlphabetic else { i += 1; continue }
            var k = i + 1
            var name = ""
            while k < text.count, !text[k].properties.isWhitespace, text[k] != ">", text[k] != "/" {
                name.unicodeScalars.append(text[k]); k += 1
            }
            var attributes: [String: String] = [:]
            while true {
                while k < text.count, text[k].properties.isWhitespace || text[k] == "/" { k += 1 }
                guard k < text.count else { throw Unreadable(description: "unterminated <\(name)>") }
                if text[k] == ">" { k += 1; break }
                var attribute = ""
                while k < text.count, !text[k].properties.isWhitespace, text[k] != "=", text[k] != ">", text[k] != "/" {
                    attribute.unicodeScalars.append(text[k]); k += 1
                }
                while k < text.count, text[k].properties.isWhitespace { k += 1 }
                var value = ""
                if k < text.count, text[k] == "=" {
                    k += 1
                    while k < text.count, text[k].properties.isWhitespace { k += 1 }
                    if k < text.count, text[k] == "\"" || text[k] == "'" {
                        let quote = text[k]
                        k += 1
                        while k < text.count, text[k] != quote { value.unicodeScalars.append(text[k]); k += 1 }
                        guard k < text.count else { throw Unreadable(description: "unterminated attribute of <\(name)>") }
                        k += 1
                    } else {
                        while k < text.count, !text[k].properties.isWhitespace, text[k] != ">" {
                            value.unicodeScalars.append(text[k]); k += 1
                        }
                    }
                }
                attributes[attribute.lowercased()] = Self.decodeEntities(value)
            }
            let lower = name.lowercased()
            tags.append(Tag(name: lower, attributes: attributes))
            if lower == "script" || lower == "style" {
                guard let end = find("</\(lower)", from: k) else { throw Unreadable(description: "unterminated <\(lower)>") }
                if lower == "style" { styles.append(String(String.UnicodeScalarView(text[k..<end]))) }
                k = end
            }
            i = k
        }
    }

    /// The entities a URL attribute may use to hide a scheme: named basics and numeric references.
    static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var out = value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&Tab;", with: "\t").replacingOccurrences(of: "&colon;", with: ":").replacingOccurrences(
                of: "&NewLine;", with: "\n")
        while let match = out.firstMatch(of: #/&#(x?)([0-9a-fA-F]+);?/#) {
            let number = UInt32(match.2, radix: match.1.isEmpty ? 10 : 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? ""
            out.replaceSubrange(match.range, with: number)
        }
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// `passline check` and `passline build` refuse exactly the same content: both load it through
/// `ContentLoader`, so a limit met in one is met in the other (a 10 MB title passed `check` and then
/// failed `build`).
@Suite struct CheckAndBuildAgreeTests {
    @Test(arguments: ["title", "body", "nul"])
    func contentOverALimitFailsTheBuildWithTheCheckSErrors(_ what: String) throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixture.contentCopy(in: folder)
        switch what {
        case "title":
            try Fixture.edit(
                content.appendingPathComponent("notices/2025-01-15.md"), replacing: "title: 关于",
                with: "title: " + String(repeating: "长", count: 10_000) + "关于")
        case "body":
            let faq = content.appendingPathComponent("faq/hotline.md")
            try (String(contentsOf: faq, encoding: .utf8) + String(repeating: "很长的答案。", count: 100_000)).write(
                to: faq, atomically: true, encoding: .utf8)
        default:
            try Fixture.edit(content.appendingPathComponent("faq/hotline.md"), replacing: "question: ", with: "question: \u{0}")
        }
        let checked = #expect(throws: ContentErrors.self) { try ContentLoader(directory: content.path).load() }
        let built = #expect(throws: BuildFailure.self) { try Fixture.generate(content: content.path) }
        #expect(built?.step == "load content")
        let errors = (checked?.diagnostics ?? []).filter { $0.severity == .error }.map(\.description)
        #expect(!errors.isEmpty)
        for error in errors { #expect(built?.lines.contains(error) == true, "\(error) not in \(built?.lines ?? [])") }
    }
}
