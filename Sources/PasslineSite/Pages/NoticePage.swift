import PasslineCore

/// A notice as the official text: each clause wrapped in an element whose id is the clause's anchor.
struct NoticePage {
    struct ClauseBlock { let anchor: String; let depth: Int; let html: String }

    let chrome: Chrome
    let title: String
    let issuer: String
    let dateText: String
    let addressee: String?
    let sourceURL: String
    let summary: Bool
    let clauses: [ClauseBlock]

    init(notice: Notice, chrome: Chrome) {
        self.chrome = chrome
        title = notice.title
        issuer = notice.issuer
        dateText = SiteMap.chineseDay(notice.date)
        addressee = notice.addressee
        sourceURL = notice.sourceURL
        summary = notice.kind == .summary
        clauses = notice.clauses.map { ClauseBlock(anchor: $0.anchor, depth: $0.depth, html: $0.html) }
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
