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

    /// Links to the neighbouring pages of the list, when the archive needs more than one.
    struct Pager { let newer: String?; let older: String? }

    let chrome: Chrome
    let notices: [Entry]
    let pager: Pager?

    /// Rounds per page: the list is split so that each page stays within the byte budget however many
    /// rounds the archive holds (a round's entry is about 1 KB).
    static let perPage = 15

    /// `notices.html`, then `notices-2.html`, `notices-3.html`… (newest first).
    static func file(page number: Int) -> String { number == 1 ? "notices.html" : "notices-\(number).html" }

    /// How many pages the list takes.
    static func pageCount(_ book: RuleBook) -> Int { max(1, (book.notices.count + perPage - 1) / perPage) }

    /// Page `number` (from 1) of the list.
    init(book: RuleBook, map: SiteMap, page number: Int = 1, chrome: Chrome) {
        self.chrome = chrome
        let count = NoticeListPage.pageCount(book)
        pager = count == 1 ? nil : Pager(newer: number > 1 ? NoticeListPage.file(page: number - 1) : nil,
                                         older: number < count ? NoticeListPage.file(page: number + 1) : nil)
        let slice = book.notices.dropFirst((number - 1) * NoticeListPage.perPage).prefix(NoticeListPage.perPage)
        notices = slice.map { notice in
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
