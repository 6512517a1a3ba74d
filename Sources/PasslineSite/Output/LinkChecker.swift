import Foundation
import PasslineCore

/// Proves that every internal link of a site leads somewhere: the file exists and, for `#anchor`
/// links, the target page has an element with that id. External links (`https:`, `tel:`…) are not
/// followed — the site must never depend on them being reachable.
public struct LinkChecker: Sendable {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public let page: String
        public let href: String
        public let reason: String
        public var description: String { "error: 页面 \(page) 有一个打不开的链接「\(href)」:\(reason)" }
    }

    public init() {}

    public func check(_ site: SiteFiles) -> [Problem] {
        // One scan of each page's bytes, on every core: its ids and its links together.
        let pages = site.paths.filter { $0.hasSuffix(".html") }
        let scans = Parallel.map(pages) { path in HTMLScan.idsAndLinks(in: site[path] ?? Data()) }
        var ids: [String: Set<String>] = [:]
        ids.reserveCapacity(pages.count)
        for (path, scan) in zip(pages, scans) { ids[path] = scan.ids }
        let idsByPage = ids
        // A link that leaves its page leads to the same place from every page of its folder, and the
        // site's pages share most of their links (the navigation, the footer, the notice list): each
        // distinct (folder, link) is checked once, from the first page of that folder that has it.
        var distinct: [FolderLink: Int] = [:]
        var checks: [(href: String, page: String)] = []
        for (page, scan) in zip(pages, scans) {
            let folder = Self.folder(of: page)
            for href in scan.links where !Self.staysOnPage(href) {
                let key = FolderLink(folder: folder, href: href)
                if distinct[key] == nil {
                    distinct[key] = checks.count
                    checks.append((href, page))
                }
            }
        }
        let verdicts = Parallel.map(checks) { check in problem(with: check.href, on: check.page, site: site, ids: idsByPage) }
        var found: [Problem] = []
        for (page, scan) in zip(pages, scans) {
            let folder = Self.folder(of: page)
            for href in scan.links {
                let reason =
                    Self.staysOnPage(href)
                    ? problem(with: href, on: page, site: site, ids: idsByPage)
                    : verdicts[distinct[FolderLink(folder: folder, href: href)]!]
                if let reason { found.append(Problem(page: page, href: href, reason: reason)) }
            }
        }
        return found
    }

    private struct FolderLink: Hashable {
        let folder: Substring
        let href: String
    }

    /// The page's folder, with its slash (`zh-Hant/`), or nothing at the root.
    private static func folder(of page: String) -> Substring {
        guard let slash = page.utf8.lastIndex(of: 0x2F) else { return "" }
        return page[...slash]
    }

    /// `#anchor` or `?query`: a link whose target is the page it is on.
    private static func staysOnPage(_ href: String) -> Bool {
        let first = href.utf8.first
        return first == 0x23 || first == 0x3F
    }

    private func problem(with href: String, on page: String, site: SiteFiles, ids: [String: Set<String>]) -> String? {
        if href.isEmpty { return "链接地址是空的(Markdown 会清空它不接受的地址,例如 javascript:),请写一个完整的地址" }
        if Self.hasScheme(href) || href.utf8.starts(with: [0x2F, 0x2F]) { return nil }
        let (target, fragment) = Self.split(href)
        let decoded = Self.percentDecoded(target)
        let resolved: String
        if decoded.isEmpty {
            resolved = page
        } else if decoded.utf8.first == 0x2F {
            return "以 / 开头的地址在从本地磁盘打开网站时会失效,请改用相对地址(例如 faq.html)"
        } else if decoded.utf8.last == 0x2F {
            return "地址指向一个文件夹,请写出文件名(例如 index.html),这样从本地磁盘打开也能用"
        } else {
            guard let path = Self.resolve(decoded, from: page) else { return "地址指向网站以外的位置,请改为网站内的页面" }
            resolved = path
        }
        guard site.size(resolved) != nil else { return "网站里没有 \(resolved) 这个文件,请检查文件名" }
        if let fragment, !fragment.isEmpty, resolved.utf8.suffix(Self.html.count).elementsEqual(Self.html) {
            let id = Self.percentDecoded(fragment)
            if ids[resolved]?.contains(id) != true { return "\(resolved) 上没有「\(id)」这个位置(#\(id)),请检查 # 后面的名字" }
        }
        return nil
    }

    private static let html = Array(".html".utf8)

    /// `page.html?query#fragment` → (`page.html`, `fragment`), by bytes.
    static func split(_ href: String) -> (target: String, fragment: String?) {
        let utf8 = href.utf8
        var end = utf8.endIndex
        var fragment: String?
        if let hash = utf8.firstIndex(of: 0x23) {
            fragment = String(Substring(utf8[utf8.index(after: hash)...]))
            end = hash
        }
        if let query = utf8[..<end].firstIndex(of: 0x3F) { end = query }
        return (end == utf8.endIndex ? href : String(Substring(utf8[..<end])), fragment)
    }

    /// `%XX` escapes decoded; Foundation is asked only when there is one (it is slow, and almost no
    /// link of the site has one).
    static func percentDecoded(_ text: String) -> String {
        ByteScan.contains(0x25, in: text) ? (text.removingPercentEncoding ?? text) : text
    }

    /// `^[A-Za-z][A-Za-z0-9+.-]*:`: an absolute URL (`https:`, `tel:`…), which is not followed.
    static func hasScheme(_ href: String) -> Bool {
        for (index, byte) in href.utf8.enumerated() {
            let letter = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
            if index == 0 { if !letter { return false }; continue }
            if byte == 0x3A { return true }
            if !(letter || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2E || byte == 0x2D) { return false }
        }
        return false
    }

    /// `../notice.html` seen from `zh-Hant/faq.html` is `notice.html`; `nil` if it climbs above the root.
    /// Worked out on the bytes: the page's folders, then each part of the link (`.` skipped, `..` one
    /// folder up), empty parts ignored.
    static func resolve(_ relative: String, from page: String) -> String? {
        var path: [UInt8] = []
        path.reserveCapacity(page.utf8.count + relative.utf8.count)
        // Where each part of `path` starts, so that `..` can take the last one off.
        var starts: [Int] = []
        func append(_ part: ArraySlice<UInt8>) {
            if !path.isEmpty { path.append(0x2F) }
            starts.append(path.count)
            path.append(contentsOf: part)
        }
        let pageBytes = Array(page.utf8)
        // The page's folders: every part but the last.
        for part in parts(pageBytes[..<(pageBytes.lastIndex(of: 0x2F) ?? 0)]) { append(part) }
        for part in parts(Array(relative.utf8)[...]) {
            if part.count == 1, part.first == 0x2E { continue }
            if part.count == 2, part.first == 0x2E, part.last == 0x2E {
                guard let start = starts.popLast() else { return nil }
                path.removeSubrange(max(0, start - 1)...)
                continue
            }
            append(part)
        }
        return String(decoding: path, as: UTF8.self)
    }

    /// The non-empty parts between slashes.
    private static func parts(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x2F {
            if index > start { parts.append(bytes[start..<index]) }
            start = index + 1
        }
        if start < bytes.endIndex { parts.append(bytes[start...]) }
        return parts
    }
}

/// Reads the few things the checks need from generated HTML. The site's markup comes from our own
/// templates and cmark, which always quote attributes with `"`, so a scan is exact enough.
enum HTMLScan {
    /// Every `id` value (after whitespace: `\sid="…"`), entities decoded.
    static func ids(in html: String) -> Set<String> { idsAndLinks(in: html).ids }

    /// Every `href` and `src` value (`\s(href|src)="…"`), entities decoded.
    static func links(in html: String) -> [String] { idsAndLinks(in: html).links }

    private static let id = Array("id=\"".utf8), href = Array("href=\"".utf8), src = Array("src=\"".utf8)

    /// Both in one pass over the bytes. Values are read up to the next `"`, and the scan goes on after
    /// it, so a value is never read twice.
    static func idsAndLinks(in html: String) -> (ids: Set<String>, links: [String]) {
        var text = html
        return text.withUTF8 { idsAndLinks(in: $0) }
    }

    /// The same, read straight from a page's bytes (no copy into a `String`).
    static func idsAndLinks(in page: Data) -> (ids: Set<String>, links: [String]) {
        page.withUnsafeBytes { idsAndLinks(in: $0.bindMemory(to: UInt8.self)) }
    }

    static func idsAndLinks(in bytes: UnsafeBufferPointer<UInt8>) -> (ids: Set<String>, links: [String]) {
        var ids: Set<String> = [], links: [String] = []
        var index = 0
        // From quote to quote: a value opens at a `"` right after `=`, with the attribute's name and a
        // space before it.
        while let quote = ByteScan.find(0x22, in: bytes, from: index) {
            index = quote + 1
            guard quote >= 4, bytes[quote - 1] == 0x3D else { continue }
            let isID = named(id, before: quote, in: bytes)
            guard isID || named(href, before: quote, in: bytes) || named(src, before: quote, in: bytes) else { continue }
            guard let close = ByteScan.find(0x22, in: bytes, from: quote + 1) else { break }
            let value = decode(ByteScan.string(bytes, (quote + 1)..<close))
            if isID { ids.insert(value) } else { links.append(value) }
            index = close + 1
        }
        return (ids, links)
    }

    /// `name` (`id="`) ends at `quote`, with whitespace before it.
    private static func named(_ name: [UInt8], before quote: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = quote + 1 - name.count
        return start >= 1 && ByteScan.isSpace(bytes[start - 1]) && ByteScan.has(name, in: bytes, at: start)
    }

    private static let sheet = Array("<link rel=\"stylesheet\" href=\"".utf8), script = Array("<script src=\"".utf8)

    /// Files a page loads: stylesheets, then scripts.
    static func loads(in html: String) -> [String] {
        values(after: sheet, in: html) + values(after: script, in: html)
    }

    /// The `"`-terminated value after each occurrence of `prefix`.
    static func values(after prefix: [UInt8], in html: String) -> [String] {
        var text = html
        return text.withUTF8 { bytes in
            var found: [String] = []
            var index = 0
            while let start = ByteScan.find(prefix, in: bytes, from: index) {
                guard let close = ByteScan.find(0x22, in: bytes, from: start + prefix.count) else { break }
                found.append(decode(ByteScan.string(bytes, (start + prefix.count)..<close)))
                index = close + 1
            }
            return found
        }
    }

    static func decode(_ text: String) -> String {
        guard ByteScan.contains(0x26, in: text) else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
