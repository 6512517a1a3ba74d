import PasslineCore

/// A notice's own page. A full notice is the official text, each clause wrapped in an element whose id is
/// the clause's anchor. A summary is our own words, so it says so first, shows the data its body leaves
/// to the data (windows, sessions and thresholds, hotline) and names the sources it was read from.
struct NoticePage {
    struct ClauseBlock { let anchor: String; let depth: Int; let html: String }
    struct Link { let name: String; let href: String }
    struct SourceLink { let id: String; let title: String; let url: String }

    let chrome: Chrome
    /// `2025年1月15日通知`: how the page and the notice list name it.
    let name: String
    let title: String
    let issuer: String
    let dateText: String
    let addressee: String?
    let sourceURL: String
    let summary: Bool
    let clauses: [ClauseBlock]
    /// A summary's body (our words), through cmark's safe mode.
    let bodyHTML: String
    /// Only a summary shows them (the full text states its own facts); not built for thousands of full notices.
    let facts: NoticeFacts?
    let sources: [SourceLink]
    /// The plain-text copy, for full notices.
    let textHref: String?
    /// Set on the pages of a round that is no longer the newest: where the newest one is.
    let newest: Link?

    init(notice: Notice, book: RuleBook, map: SiteMap, permanent: Bool, chrome: Chrome) {
        self.chrome = chrome
        name = SiteMap.name(of: notice)
        title = notice.title
        issuer = notice.issuer
        dateText = SiteMap.chineseDay(notice.date)
        addressee = notice.addressee
        sourceURL = notice.sourceURL
        summary = notice.kind == .summary
        clauses = notice.clauses.map { ClauseBlock(anchor: $0.anchor, depth: $0.depth, html: $0.html) }
        bodyHTML = notice.kind == .summary ? SafeMarkdown.html(notice.body) : ""
        facts = notice.kind == .summary ? NoticeFacts(notice: notice, book: book) : nil
        sources = notice.sources.compactMap(book.source).map { SourceLink(id: $0.id, title: $0.title, url: $0.url) }
        textHref = map.textPage(ofNotice: notice, permanent: permanent)
        newest = book.currentNotice.flatMap { current in
            current.id == notice.id ? nil : Link(name: SiteMap.name(of: current), href: map.page(ofNotice: current.id))
        }
    }
}

/// `notice.txt`: the notice as plain text, for pasting into a chat message.
struct NoticeTextPage {
    struct Block { let text: String }
    let title: String
    let addressee: String?
    let blocks: [Block]
    let issuer: String
    let dateText: String
    let sourceURL: String

    init(notice: Notice) {
        title = notice.title
        addressee = notice.addressee
        blocks = notice.clauses.map { Block(text: $0.text) }
        issuer = notice.issuer
        dateText = SiteMap.chineseDay(notice.date)
        sourceURL = notice.sourceURL
    }
}
