import Foundation

/// Proves that every internal link of a site leads somewhere: the file exists and, for `#anchor`
/// links, the target page has an element with that id. External links (`https:`, `tel:`…) are not
/// followed — the site must never depend on them being reachable.
public struct LinkChecker: Sendable {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public let page: String
        public let href: String
        public let reason: String
        public var description: String { "\(page): broken link \"\(href)\": \(reason)" }
    }

    public init() {}

    public func check(_ site: SiteFiles) -> [Problem] {
        var ids: [String: Set<String>] = [:]
        for path in site.paths where path.hasSuffix(".html") {
            ids[path] = HTMLScan.ids(in: site.text(path) ?? "")
        }
        var problems: [Problem] = []
        for path in site.paths where path.hasSuffix(".html") {
            for href in HTMLScan.links(in: site.text(path) ?? "") {
                if let reason = problem(with: href, on: path, site: site, ids: ids) {
                    problems.append(Problem(page: path, href: href, reason: reason))
                }
            }
        }
        return problems
    }

    private func problem(with href: String, on page: String, site: SiteFiles, ids: [String: Set<String>]) -> String? {
        if href.isEmpty { return "empty link (cmark empties links it refuses, such as javascript:)" }
        if href.firstMatch(of: #/^[A-Za-z][A-Za-z0-9+.\-]*:/#) != nil || href.hasPrefix("//") { return nil }
        var target = href
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        let decoded = target.removingPercentEncoding ?? target
        let resolved: String
        if decoded.isEmpty {
            resolved = page
        } else if decoded.hasPrefix("/") {
            return "root-relative links break when the site is opened from disk; link relatively"
        } else if decoded.hasSuffix("/") {
            return "links to a folder; name the file (index.html) so the link works from disk"
        } else {
            guard let path = Self.resolve(decoded, from: page) else { return "leads outside the site" }
            resolved = path
        }
        guard site[resolved] != nil else { return "no file \(resolved)" }
        if let fragment, !fragment.isEmpty, resolved.hasSuffix(".html") {
            let id = fragment.removingPercentEncoding ?? fragment
            if ids[resolved]?.contains(id) != true { return "\(resolved) has no element with id \"\(id)\"" }
        }
        return nil
    }

    /// `../notice.html` seen from `zh-Hant/faq.html` is `notice.html`; `nil` if it climbs above the root.
    static func resolve(_ relative: String, from page: String) -> String? {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}

/// Reads the few things the checks need from generated HTML. The site's markup comes from our own
/// templates and cmark, which always quote attributes with `"`, so a scan is exact enough.
enum HTMLScan {
    static func ids(in html: String) -> Set<String> {
        Set(html.matches(of: #/\sid="([^"]*)"/#).map { decode(String($0.1)) })
    }

    /// Every `href` and `src` value, entities decoded.
    static func links(in html: String) -> [String] {
        html.matches(of: #/\s(?:href|src)="([^"]*)"/#).map { decode(String($0.1)) }
    }

    /// Files a page loads: stylesheets and scripts.
    static func loads(in html: String) -> [String] {
        let sheets = html.matches(of: #/<link rel="stylesheet" href="([^"]*)"/#).map { decode(String($0.1)) }
        let scripts = html.matches(of: #/<script src="([^"]*)"/#).map { decode(String($0.1)) }
        return sheets + scripts
    }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
