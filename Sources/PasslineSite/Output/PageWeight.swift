import Foundation

/// What one page costs a reader on a slow connection: its own bytes plus every file it loads.
public struct PageWeight: Sendable, Hashable, CustomStringConvertible {
    /// Each page with everything it loads must stay within this many bytes (uncompressed).
    public static let budget = 30_000
    /// Room the site keeps free on every page for content to grow (a new session, a longer answer);
    /// a page closer than this to the budget is reported when the site is built.
    public static let margin = 3_000

    public let page: String
    public let html: Int
    public let loads: Int
    /// Bytes that do not count: the official text on a notice page, whose length is not ours to choose.
    public let exempt: Int

    public var total: Int { html + loads }
    public var counted: Int { total - exempt }
    public var withinBudget: Bool { counted <= PageWeight.budget }
    public var withinMargin: Bool { counted <= PageWeight.budget - PageWeight.margin }

    public var description: String {
        "\(page): \(total) bytes (page \(html) + loads \(loads))" + (exempt > 0 ? ", \(counted) counted without the notice text" : "")
    }

    public static func measure(_ site: SiteFiles) -> [PageWeight] {
        site.paths.filter { $0.hasSuffix(".html") }.map { path in
            let html = site.text(path) ?? ""
            var loads = HTMLScan.loads(in: html).reduce(0) { sum, href in
                sum + (LinkChecker.resolve(href, from: path).flatMap { site[$0]?.count } ?? 0)
            }
            // The calculator loads one session's file when asked: count the largest.
            if path.hasSuffix("calculator.html") {
                let folder = String(path.dropLast("calculator.html".count)) + CalculatorSessionFile.folder
                loads += site.files.filter { $0.key.hasPrefix(folder) }.map(\.value.count).max() ?? 0
            }
            return PageWeight(page: path, html: site[path]?.count ?? 0, loads: loads, exempt: noticeText(in: html))
        }
    }

    /// The size of the notice's own clauses on a notice page.
    static func noticeText(in html: String) -> Int {
        html.matches(of: #/<div class="clause[^"]*" id="[^"]*">.*?</div>/#.dotMatchesNewlines()).reduce(0) { $0 + $1.0.utf8.count }
    }
}
