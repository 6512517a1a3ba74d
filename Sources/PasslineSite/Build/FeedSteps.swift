import Foundation
import PasslineCore

/// The Atom feed of notices. Times are the notices' own dates, never the build's, so the feed only
/// changes when a notice does.
struct NoticeFeed {
    struct Entry { let id: String; let title: String; let issuer: String; let published: String; let page: String; let summary: String }
    let base: String
    let updated: String
    let entries: [Entry]

    init(book: RuleBook, base: String) {
        let map = SiteMap(book: book)
        self.base = base
        entries = book.notices.map { notice in
            Entry(id: notice.id, title: notice.title, issuer: notice.issuer, published: NoticeFeed.instant(notice.date),
                  page: map.page(ofNotice: notice.id), summary: notice.clauses.first?.text ?? "")
        }
        updated = entries.map(\.published).max() ?? ""
    }

    /// A notice's signature day as an Atom instant (midnight, Beijing time).
    static func instant(_ day: String) -> String {
        Instant.parseDay(day).map(Instant.iso) ?? day + "T00:00:00+08:00"
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
    /// `feed.xml`: an Atom feed with one entry per notice.
    public static let publishFeed = BuildStep("feed.xml") { context in
        let book = try context.requireBook("feed.xml")
        let text = try TemplateSet.bundled().render("feed", NoticeFeed(book: book, base: context.options.baseURL ?? ""))
        context.files.put("feed.xml", text: text)
    }

    /// `sitemap.xml` and `robots.txt`. Sitemap entries are absolute only when `--base-url` is given;
    /// the site's address is not part of Content/.
    public static let publishSitemap = BuildStep("sitemap.xml, robots.txt") { context in
        let templates = try TemplateSet.bundled()
        let map = Sitemap(site: context.files, base: context.options.baseURL)
        context.files.put("sitemap.xml", text: try templates.render("sitemap", map))
        context.files.put("robots.txt", text: try templates.render("robots", map))
    }
}
