import Foundation
import PasslineCore
import Testing
@testable import PasslineSite

/// Content is text written by editors; nothing they write may run in a reader's browser.
@Suite struct SafetyTests {
    @Test func scriptJavascriptLinksAndEventHandlersInContentComeOutInert() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixture.contentCopy(in: folder)
        let faq = content.appendingPathComponent("faq/hotline.md")
        let clean = try String(contentsOf: faq, encoding: .utf8)
        // Script, links and loads in Markdown are refused where content is loaded, each at its line
        // (PasslineCore's BodyCheck), so they never reach a page.
        let poisoned =
            clean
            + "\n<script>alert('answer')</script>\n\n[点这里](javascript:alert('link'))\n\n<img src=x onerror=alert('img')>\n\n行内<span onmouseover=\"alert('inline')\">文字</span>\n"
        try poisoned.write(to: faq, atomically: true, encoding: .utf8)
        let refused = #expect(throws: BuildFailure.self) { try Fixture.generate(content: content.path) }
        #expect(refused?.step == "load content")
        #expect(refused?.lines.filter { $0.contains("faq/hotline.md:") && $0.contains(": error: ") }.count == 4, "\(refused?.lines ?? [])")
        try clean.write(to: faq, atomically: true, encoding: .utf8)

        // Front matter is text: it is escaped wherever it appears.
        try Fixture.edit(
            content.appendingPathComponent("areas/xizang.md"), replacing: "region: ", with: "region: <script>alert('region')</script>")
        try Fixture.edit(
            content.appendingPathComponent("messages.md"), replacing: "  not-in-area: \"",
            with: "  not-in-area: \"</script><script>alert('message')</script>")

        // The poisoned message makes the calculator heavier, so generate without the page budget here.
        let steps = SiteBuilder.generationSteps.filter { $0.name != BuildStep.measurePages.name }
        let site = try Fixture.generate(content: content.path, steps: steps).files
        for path in site.paths where path.hasSuffix(".html") {
            let html = site.html(path)
            // The only script elements are the site's own files and its JSON data; the words survive as text.
            for tag in html.matches(of: #/<script[^>]*>/#) {
                #expect(
                    tag.0.contains(#" src="../assets/"#) || tag.0.contains(#" src="assets/"#)
                        || tag.0.contains(#"type="application/json""#), "\(tag.0) in \(path)")
            }
            #expect(!html.contains("<img"), "raw <img> in \(path)")
            #expect(!html.contains("javascript:"), "javascript: link in \(path)")
            #expect(html.matches(of: #/<[^>]*\son[a-z]+=/#).isEmpty, "event handler in \(path)")
        }
        #expect(
            site.html("areas.html").contains("&lt;script&gt;alert(&#39;region&#39;)&lt;/script&gt;"),
            "front matter is escaped, shown as text")
        let calculator = site.html("calculator.html")
        #expect(calculator.contains(#"\u003c/script>\u003cscript>"#), "a message cannot close the rules' script element")
    }

    @Test func theTraditionalCopyKeepsAddressesAndMarkedTextByteExact() throws {
        let converter = try TraditionalConverter()
        let html = #"<p><a href="https://example.cn/简体/汉字.html">简体汉字</a> 见 https://example.cn/guo?q=1 <span translate="no">简体</span></p>"#
        let out = converter.convertMarkup(html)
        #expect(
            out == #"<p><a href="https://example.cn/简体/汉字.html">簡體漢字</a> 見 https://example.cn/guo?q=1 <span translate="no">简体</span></p>"#)
    }

    /// Chinese prose runs straight on after an address, with no space: the text after it is converted
    /// like any other (it used to be shielded up to the next space, so the rest of the paragraph stayed
    /// Simplified on the zh-Hant page).
    @Test func textAfterAnAddressInProseIsConverted() throws {
        let converter = try TraditionalConverter()
        let html = "<p>软考考生登录中国计算机技术职业资格网(https://www.ruankao.org.cn/),通信考试考生登录全国通信专业技术人员职业水平考试网</p>"
        #expect(converter.convertMarkup(html) == "<p>軟考考生登錄中國計算機技術職業資格網(https://www.ruankao.org.cn/),通信考試考生登錄全國通信專業技術人員職業水平考試網</p>")
    }

    /// The converter keeps ASCII out of OpenCC and converts repeated runs once; that must give exactly
    /// OpenCC's own conversion of the whole text, page after page (the cache filling as it goes).
    @Test func runByRunConversionIsOpenCCsWholeTextConversion() throws {
        let converter = try TraditionalConverter()
        let site = try Fixture.generate().files
        let pages = site.paths.filter { !$0.hasPrefix("zh-Hant/") && ($0.hasSuffix(".html") || $0.hasSuffix(".txt")) }
        #expect(pages.count > 10)
        let whole = pages.map { converter.text.openCC(site.text($0) ?? "") }
        for (page, expected) in zip(pages + pages, whole + whole) {
            #expect(converter.text.convert(site.text(page) ?? "") == expected, "\(page)")
        }
        // Phrases across a line break or a tag, text already holding the separator, no CJK at all.
        for text in ["", "ascii only <p>", "头发\n发展", "<b>后</b>台 干预", "联系\u{E002}系统", "只有中文没有标记", "理发店里的头发"] {
            #expect(converter.text.convert(text) == converter.text.openCC(text), "\(text)")
        }
    }
}

/// The same content always gives the same bytes, and a failed build never damages the published site.
@Suite struct BuildPropertyTests {
    @Test func twoBuildsWriteIdenticalBytes() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("one"), second = folder.appendingPathComponent("two")
        try SiteBuilder(options: SiteOptions(content: Fixture.content, output: first.path)).build()
        try SiteBuilder(options: SiteOptions(content: Fixture.content, output: second.path)).build()
        let a = try SiteFiles.read(directory: first), b = try SiteFiles.read(directory: second)
        #expect(a.paths.count > 20)
        #expect(a.paths == b.paths)
        for path in a.paths { #expect(a[path] == b[path], "\(path) differs between two builds") }
    }

    @Test func brokenContentLeavesThePreviousSiteUntouched() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Site")
        try SiteBuilder(options: SiteOptions(content: Fixture.content, output: output.path)).build()
        let before = try SiteFiles.read(directory: output)

        let content = try Fixture.contentCopy(in: folder)
        // 三(一)4 says 40; the data saying 41 contradicts the notice and must stop the build.
        try Fixture.edit(content.appendingPathComponent("sessions/ruankao-2024-H2.md"), replacing: "senior: 40", with: "senior: 41")
        let failure = #expect(throws: BuildFailure.self) {
            try SiteBuilder(options: SiteOptions(content: content.path, output: output.path)).build()
        }
        #expect(failure?.step == "load content")
        #expect(failure?.lines.contains { $0.contains("ruankao-2024-H2.md") } == true, "the error names the file")
        #expect(try SiteFiles.read(directory: output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".Site.") }
        #expect(leftovers.isEmpty, "no staging folder left behind: \(leftovers)")
    }

    @Test func everyPageWithWhatItLoadsFitsTheBudget() throws {
        let context = try Fixture.generate()
        #expect(context.budget.count == context.files.paths.filter { $0.hasSuffix(".html") }.count)
        for weight in context.budget {
            #expect(weight.withinBudget, "\(weight)")
            #expect(weight.exempt == 0 || weight.page.contains("notice"), "only notice pages may leave text out of the count")
        }
        // The calculator counts the HTML, the stylesheet, both scripts and the largest session file it may load.
        let calculator = try #require(context.budget.first { $0.page == "calculator.html" })
        let expected = ["assets/site.css", "assets/eligibility.js", "assets/calculator.js"].compactMap { context.files[$0]?.count }.reduce(
            0, +)
        let largestSession = try #require(context.files.files.filter { $0.key.hasPrefix("calculator/") }.map(\.value.count).max())
        #expect(calculator.loads == expected + largestSession)
    }
}
