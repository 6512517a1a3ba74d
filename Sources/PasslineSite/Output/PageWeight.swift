import Foundation
import PasslineCore

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

    /// `faq.html:共 12,345 字节(页面 9,000 + 加载 3,345)`: one line of `passline build --sizes`.
    public var description: String {
        "\(page):共 \(PageShares.number(total)) 字节(页面 \(PageShares.number(html)) + 加载 \(PageShares.number(loads)))"
            + (exempt > 0 ? ",不计通知原文为 \(PageShares.number(counted)) 字节" : "")
    }

    /// The build's closing line names the heaviest page this way, so editors see the room left.
    public var headroom: String {
        "最大的页面 \(page) 共 \(PageShares.number(counted)) 字节(上限 \(PageShares.number(PageWeight.budget)) 字节)"
    }

    public static func measure(_ site: SiteFiles) -> [PageWeight] {
        // Pages are measured on every core; results keep the pages' order.
        let paths = site.paths
        let pages = paths.filter { $0.hasSuffix(".html") }
        let sessionFiles = paths.filter { $0.contains(CalculatorSessionFile.folder) }
        return Parallel.map(pages) { path in
            let html = site.text(path) ?? ""
            var loads = HTMLScan.loads(in: html).reduce(0) { sum, href in
                sum + (LinkChecker.resolve(href, from: path).flatMap(site.size) ?? 0)
            }
            // The calculator loads one session's file when asked: count the largest.
            if path.hasSuffix("calculator.html") {
                let folder = String(path.dropLast("calculator.html".count)) + CalculatorSessionFile.folder
                loads += sessionFiles.filter { $0.hasPrefix(folder) }.compactMap(site.size).max() ?? 0
            }
            return PageWeight(page: path, html: site.size(path) ?? 0, loads: loads, exempt: noticeText(in: html))
        }
    }

    /// The size of the notice's own clauses on a notice page.
    /// Each `<div class="clause…" id="…">…</div>` up to the first `</div>`, by a scan of the bytes.
    static func noticeText(in html: String) -> Int {
        var text = html
        return text.withUTF8 { bytes in
            var total = 0
            var index = 0
            while let start = ByteScan.find(clauseOpen, in: bytes, from: index) {
                index = start + 1
                guard let classEnd = ByteScan.find(0x22, in: bytes, from: start + clauseOpen.count),
                    ByteScan.has(idOpen, in: bytes, at: classEnd + 1),
                    let idEnd = ByteScan.find(0x22, in: bytes, from: classEnd + 1 + idOpen.count),
                    idEnd + 1 < bytes.count, bytes[idEnd + 1] == 0x3E,
                    let close = ByteScan.find(divClose, in: bytes, from: idEnd + 2)
                else { continue }
                total += close + divClose.count - start
                index = close + divClose.count
            }
            return total
        }
    }

    private static let clauseOpen = Array("<div class=\"clause".utf8), idOpen = Array(" id=\"".utf8), divClose = Array("</div>".utf8)
}
