import Foundation
import PasslineCore

/// Every round's notice, newest first: when its window ran (dates in the page, so they show without
/// JavaScript), which sessions it opened, and — computed by window.js from the reader's clock — whether
/// that window is before, open or closed now.
struct NoticeListPage: SitePage {
    struct Entry {
        let id: String
        let name: String
        let title: String
        let issuer: String
        let href: String
        let summary: Bool
        let current: Bool
        let facts: NoticeFacts
        let status: WindowStatus
    }

    /// Links to the neighbouring pages of the list, when the archive needs more than one.
    struct Pager { let newer: String?; let older: String? }

    let chrome: Chrome
    let notices: [Entry]
    let pager: Pager?

    var title: Markup { "全部通知" }
    var needsWindowScript: Bool { notices.contains { $0.status.final == nil } }

    func main(_ page: inout PageWriter) {
        page += """
            <h1>全部通知</h1>
            <p>每一轮补申领都有自己的通知和申请时间,最新的在前;本站的首页、合格标准和地区名单依据“当前通知”。某一场次该看哪一轮,取决于你申请的时间:<a href="calculator.html">自测工具</a>会自动选择。</p>

            """
        for notice in notices {
            page += """
                <section class="round" id="\(notice.id)">
                <h2><a href="\(notice.href)">\(notice.name)</a>
                """
            // What the label says is what it is: the round the site is about, not merely the newest.
            if notice.current { page += #" <span class="tag">当前通知</span>"# }
            if notice.summary { page += #" <span class="tag">摘要</span>"# }
            let facts = notice.facts
            page += """
                </h2>
                <p class="small">\(notice.issuer)《\(notice.title)》</p>
                <p><span class="label">申请时间:</span>\(facts.application)(北京时间)</p>

                """
            notice.status.write(&page, lead: notice.current ? "当前通知:" : "", live: true)
            page += "\n"
            if let review = facts.review { page += #"<p><span class="label">审核时间:</span>\#(review)</p>"# }
            page += "\n"
            for exam in facts.exams { page += #"<p class="small">\#(exam.shortName):\#(exam.sessions)</p>"# }
            page += "\n</section>\n"
        }
        if let pager {
            page += #"<nav class="pager">"#
            if let newer = pager.newer { page += #"<a href="\#(newer)">← 较新的通知</a>"# }
            page += " "
            if let older = pager.older { page += #"<a href="\#(older)">较早的通知 →</a>"# }
            page += "</nav>\n"
        }
    }

    /// Rounds per page: the list is split so that each page stays within the byte budget however many
    /// rounds the archive holds (a round's entry is about 1 KB).
    static let perPage = 15

    /// `notices.html`, then `notices-2.html`, `notices-3.html`… (newest first).
    static func file(page number: Int) -> String { number == 1 ? "notices.html" : "notices-\(number).html" }

    /// How many pages the list takes.
    static func pageCount(_ book: RuleBook) -> Int { max(1, (book.notices.count + perPage - 1) / perPage) }

    /// Page `number` (from 1) of the list.
    init(book: RuleBook, map: SiteMap, page number: Int = 1, now: Date, chrome: Chrome) throws {
        self.chrome = chrome
        let count = NoticeListPage.pageCount(book)
        pager =
            count == 1
            ? nil
            : Pager(
                newer: number > 1 ? NoticeListPage.file(page: number - 1) : nil,
                older: number < count ? NoticeListPage.file(page: number + 1) : nil)
        let slice = book.notices.dropFirst((number - 1) * NoticeListPage.perPage).prefix(NoticeListPage.perPage)
        let current = book.currentNotice?.id
        notices = try slice.map { notice in
            let facts = NoticeFacts(notice: notice, book: book, thresholds: false)
            return Entry(
                id: notice.id, name: SiteMap.name(of: notice), title: notice.title, issuer: notice.issuer,
                href: map.permanentPage(ofNotice: notice.id), summary: notice.kind == .summary,
                current: notice.id == current, facts: facts,
                status: try WindowStatus(notice: notice, book: book, now: now))
        }
    }
}
