import Foundation
import PasslineCore

/// The Atom feed: one entry per notice and one per 更新记录 entry, newest first. Ids and times come from
/// the content (a notice's id and date, a changelog entry's id and day), never from the build, so the
/// feed only changes when the content does and a reader never sees an old entry as new.
///
/// Only the newest `limit` entries are kept: a feed reader wants what is new, and an archive of years
/// would otherwise make every poll download every notice ever published (megabytes on a slow line).
/// Older notices stay on the notice list and their own pages.
struct SiteFeed {
    static let limit = 50

    struct Entry {
        let id: String
        let title: String
        let author: String?
        let published: String
        let page: String
        let summary: String
        /// Escaped once more when written, as Atom's `type="html"` content wants.
        let contentHTML: String?
    }
    let base: String
    let updated: String
    let entries: [Entry]

    init(book: RuleBook, base: String) {
        let map = SiteMap(book: book)
        self.base = base
        let notices = book.notices.map { notice in
            Entry(
                id: "urn:passline:notice:\(notice.id)", title: "\(SiteMap.name(of: notice))《\(notice.title)》", author: notice.issuer,
                published: SiteFeed.instant(notice.date),
                page: map.permanentPage(ofNotice: notice.id), summary: SiteFeed.summary(of: notice), contentHTML: nil)
        }
        let changes = book.changelog.map { entry in
            let page = ChangelogPage.entry(entry)
            let html =
                "<ul>" + page.changes.map { "<li>\(SiteFeed.escaped($0))</li>" }.joined() + "</ul>"
                + page.note.map { "<p>\(SiteFeed.escaped($0))</p>" }.joined()
            return Entry(
                id: "urn:passline:changelog:\(entry.id)", title: "更新记录 \(page.day)" + (entry.title.map { " " + $0 } ?? ""),
                author: nil, published: SiteFeed.instant(entry.date), page: "changelog.html#\(entry.id)",
                summary: entry.changes.joined(separator: ";"), contentHTML: html)
        }
        // Newest first; on the same day notices before changes, each list in its own (content) order.
        let all = (notices + changes).enumerated()
        entries = Array(
            all.sorted { ($0.element.published, -$0.offset) > ($1.element.published, -$1.offset) }.prefix(SiteFeed.limit).map(\.element))
        updated = entries.map(\.published).max() ?? ""
    }

    /// A full notice by its opening words; a summary by what it decides, saying it is a summary.
    static func summary(of notice: Notice) -> String {
        guard notice.kind == .summary else { return notice.clauses.first?.text ?? "" }
        return "摘要,非原文。申请时间:\(NoticeFacts.span(notice.application))(北京时间)。"
    }

    /// A signature day as an Atom instant (midnight, Beijing time).
    static func instant(_ day: String) -> String {
        Instant.parseDay(day).map(Instant.iso) ?? day + "T00:00:00+08:00"
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }
}

/// The pages a search engine should know, in both scripts.
struct Sitemap {
    struct URLEntry { let loc: String }
    let urls: [URLEntry]
    /// For robots.txt: a sitemap is only announced when the site's address is known.
    let sitemap: String?

    init(site: SiteFiles, base: String?) {
        urls = site.paths.filter { $0.hasSuffix(".html") && !$0.hasSuffix("404.html") }.map { URLEntry(loc: (base ?? "") + $0) }
        sitemap = base.map { $0 + "sitemap.xml" }
    }
}

extension BuildStep {
    /// `feed.xml`: an Atom feed with one entry per notice and per 更新记录 entry.
    public static let publishFeed = BuildStep("feed.xml") { context in
        let book = try context.requireBook()
        context.files.put("feed.xml", Data(SiteFeed(book: book, base: context.options.baseURL ?? "").render()))
    }

    /// `sitemap.xml` and `robots.txt`. Sitemap entries are absolute only when `--base-url` is given;
    /// the site's address is not part of Content/.
    public static let publishSitemap = BuildStep("sitemap.xml, robots.txt") { context in
        let map = Sitemap(site: context.files, base: context.options.baseURL)
        context.files.put("sitemap.xml", Data(map.renderSitemap()))
        context.files.put("robots.txt", Data(map.renderRobots()))
    }
}
