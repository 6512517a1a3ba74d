import Foundation
import PasslineCore

/// What each page lists that a reader counts on — a session's thresholds, a round's sessions — as
/// `RowListing` pages show it, so that `passline diff` can say when an edit makes a page lose one.
///
/// Adding a notice once shrank the home and thresholds pages to the new round's sessions, and nothing
/// said so. Rows are compared by what they name (exam, session, level), not by their round or their
/// page: a session that moves to a newer round, or to the next page of the thresholds, is not lost.
public enum SiteRows {
    public struct Loss: Sendable, Hashable {
        /// The page as readers know it: `合格标准(thresholds.html)`.
        public let page: String
        public let row: String
        public var line: String { "\(page)不再列出:\(row)" }
    }

    /// Every row each kind of page lists (zh-Hans; the zh-Hant copies say the same), in order.
    static func rows(of book: RuleBook) throws -> [String: [String]] {
        // Only the pages that list rows are laid out (the others may need content these do not).
        // The rows do not depend on the instant (only how a window's state is worded does).
        let pages = try SitePages(book: book, variant: .simplified, hasTwin: false, now: Date())
        let listings: [(page: String, content: any RowListing)] =
            [("index.html", pages.home())]
            + pages.thresholdsPages().compactMap { page in (page.content as? any RowListing).map { (page.page, $0) } }
        var rows: [String: [String]] = [:]
        for (page, listing) in listings { rows[SiteRows.kind(of: page), default: []] += listing.rows }
        return rows
    }

    /// The rows `old`'s pages list that `new`'s no longer do, page by page.
    public static func losses(from old: RuleBook, to new: RuleBook) throws -> [Loss] {
        let before = try rows(of: old), after = try rows(of: new)
        return before.keys.sorted().flatMap { page -> [Loss] in
            let kept = Set(after[page] ?? [])
            var seen: Set<String> = []
            let lost = (before[page] ?? []).filter { !kept.contains($0) && seen.insert($0).inserted }
            // Rows start with the exam's short name: an exam none of whose rows is left is said first.
            func exam(_ row: String) -> Substring { row.prefix { $0 != " " } }
            let examsLeft = Set(kept.map(exam))
            var examsGone: [Substring] = []
            for row in lost where !examsLeft.contains(exam(row)) && !examsGone.contains(exam(row)) { examsGone.append(exam(row)) }
            return examsGone.map { Loss(page: page, row: "\($0)的全部场次") } + lost.map { Loss(page: page, row: $0) }
        }
    }

    /// A page's name for readers; the thresholds' pages (`thresholds-2.html`…) count as one.
    static func kind(of page: String) -> String {
        if page.hasPrefix("thresholds") { return "合格标准(thresholds.html)" }
        if page == "index.html" { return "首页(index.html)" }
        return page
    }
}
