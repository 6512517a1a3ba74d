import Foundation
import PasslineCore

/// Every page of one script: which file each page is, with its chrome. The build writes what this
/// lists; tests render the same list to compare the scripts.
///
/// Adding a page to the site is adding a `SitePage` type and one line to `singles` (or, for a page per
/// item, a function like `noticePages`).
struct SitePages {
    let book: RuleBook
    /// The current notice: the home page, thresholds and calculator are about it.
    let notice: Notice
    let map: SiteMap
    let variant: ScriptVariant
    /// Whether the other script is published too.
    let hasTwin: Bool
    /// The instant the site is built for (`BuildContext.now`): a window ended before it is closed for good.
    let now: Date
    /// The current round's window as every page states it.
    let status: WindowStatus
    /// The newest 更新记录 day, in Chinese.
    let updated: String?

    init(book: RuleBook, variant: ScriptVariant, hasTwin: Bool, now: Date) throws {
        guard let notice = book.currentNotice else { throw StepProblem(["Content has no notice"]) }
        self.book = book
        self.notice = notice
        map = SiteMap(book: book)
        self.variant = variant
        self.hasTwin = hasTwin
        self.now = now
        status = try WindowStatus(notice: notice, book: book, now: now)
        updated = book.changelog.map(\.date).max().map(SiteMap.chineseDay)
    }

    func chrome(_ page: String, _ place: Chrome.Place? = nil) -> Chrome {
        Chrome(
            variant: variant, page: page, hotline: notice.hotline, current: place, hasTwin: hasTwin,
            status: status, round: SiteMap.name(of: notice), updated: updated)
    }

    /// The pages there is one of, by file name.
    func singles() throws -> [(page: String, content: any SitePage)] {
        [
            ("index.html", home()),
            ("changelog.html", ChangelogPage(book: book, chrome: chrome("changelog.html", .changelog)))
        ] + thresholdsPages() + [
            ("areas.html", AreasPage(book: book, map: map, chrome: chrome("areas.html", .areas))),
            (
                "faq.html",
                map.faqTopics.isEmpty
                    ? FAQPage(book: book, map: map, chrome: chrome("faq.html", .faq)) as any SitePage
                    : FAQIndexPage(book: book, map: map, chrome: chrome("faq.html", .faq))
            ),
            ("calculator.html", try CalculatorPage(book: book, notice: notice, map: map, chrome: chrome("calculator.html", .calculator))),
            ("sources.html", SourcesPage(book: book, chrome: chrome("sources.html", .sources))),
            ("404.html", NotFoundPage(chrome: chrome("404.html")))
        ]
            + map.faqTopics.map { topic in
                let page = map.faqPage(ofTopic: topic.id)
                return (page, FAQPage(book: book, map: map, chrome: chrome(page, .faq), topic: topic) as any SitePage)
            }
    }

    /// The guided calculator's pages (`FlowStep`): one per question and answers so far.
    func flowPages() throws -> [(page: String, content: FlowPage)] {
        let rules = try EmbeddedJSON.script(CalculatorRules(book: book, notices: [], thresholds: false))
        return FlowStep.all(book: book).map { step in
            (
                step.page,
                FlowPage(
                    step: step, book: book, notice: notice, map: map, chrome: chrome(step.page, .calculator),
                    rules: step.question == .outcome ? rules : nil)
            )
        }
    }

    func home() -> HomePage { HomePage(book: book, notice: notice, map: map, chrome: chrome("index.html", .home)) }

    /// The thresholds of every round, newest first, over as many pages as the archive needs.
    func thresholdsPages() -> [(page: String, content: any SitePage)] {
        let pages = ThresholdRounds.pages(book: book, map: map)
        return pages.enumerated().map { index, rounds in
            let page = ThresholdRounds.file(page: index + 1)
            return (page, ThresholdsPage(rounds: rounds, number: index + 1, pageCount: pages.count, chrome: chrome(page, .thresholds)))
        }
    }

    /// A notice's pages: its permanent page, and `notice.html` too for the current one.
    func noticePages(_ each: Notice) -> [(page: String, content: NoticePage)] {
        let permanent = map.permanentPage(ofNotice: each.id)
        return Set([map.page(ofNotice: each.id), permanent]).sorted().map { page in
            let chrome = chrome(page, each.id == notice.id ? .notice : nil)
            return (page, NoticePage(notice: each, book: book, map: map, permanent: page == permanent, chrome: chrome))
        }
    }

    /// Page `number` (from 1) of the notice list.
    func listPage(_ number: Int) throws -> (page: String, content: NoticeListPage) {
        let page = NoticeListPage.file(page: number)
        return (page, try NoticeListPage(book: book, map: map, page: number, now: now, chrome: chrome(page, .notices)))
    }

    var listPageNumbers: [Int] { Array(1...NoticeListPage.pageCount(book)) }
}
