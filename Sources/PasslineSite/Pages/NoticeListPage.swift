import PasslineCore

/// Every round's notice, newest first: when its window ran (dates in the page, so they show without
/// JavaScript), which sessions it opened, and — computed by window.js from the reader's clock — whether
/// that window is before, open or closed now.
struct NoticeListPage {
    struct Entry {
        let id: String
        let name: String
        let title: String
        let issuer: String
        let href: String
        let summary: Bool
        let current: Bool
        let facts: NoticeFacts
        let windowBefore: String
        let windowOpen: String
        let windowClosed: String
    }

    let chrome: Chrome
    let notices: [Entry]

    init(book: RuleBook, map: SiteMap, chrome: Chrome) {
        self.chrome = chrome
        notices = book.notices.map { notice in
            let facts = NoticeFacts(notice: notice, book: book)
            let slots = ["start": facts.applicationStart, "end": facts.applicationEnd]
            return Entry(id: notice.id, name: SiteMap.name(of: notice), title: notice.title, issuer: notice.issuer,
                         href: map.permanentPage(ofNotice: notice.id), summary: notice.kind == .summary,
                         current: notice.id == book.currentNotice?.id, facts: facts,
                         windowBefore: Messages.fill(book.messages["window.before"], slots),
                         windowOpen: Messages.fill(book.messages["window.open"], slots),
                         windowClosed: Messages.fill(book.messages["window.closed"], slots))
        }
    }
}
