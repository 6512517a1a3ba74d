import PasslineCore

/// Each delineated threshold beside the national mark, per exam, session and level.
struct ThresholdTable {
    struct Row { let session: String; let clause: ClauseLink?; let level: String; let threshold: String; let national: String }
    struct ExamBlock {
        let id: String; let shortName: String; let name: String; let full: String; let fullMark: String; let pass: String; let rows: [Row]
    }

    /// The rows of `sessions` (`exam/session` keys), each citing the clause of `notice` that states it.
    static func exams(book: RuleBook, notice: Notice, sessions keys: Set<String>, map: SiteMap) -> [ExamBlock] {
        book.exams.compactMap { exam in
            let sessions = book.sessions.filter { $0.exam == exam.id && keys.contains("\(exam.id)/\($0.id)") }.sorted { $0.id > $1.id }
            guard !sessions.isEmpty else { return nil }
            var rows: [Row] = []
            for session in sessions {
                let clause = notice.covers(exam: exam.id, session: session.id)?.clause.map { map.clause($0, of: notice) }
                for standard in exam.levels {
                    guard let score = session.threshold(for: standard.level) else { continue }
                    rows.append(
                        Row(
                            session: session.label, clause: clause, level: standard.name,
                            threshold: Score.text(score), national: Score.text(exam.passMark)))
                }
            }
            return ExamBlock(
                id: exam.id, shortName: exam.shortName, name: exam.name, full: Score.text(exam.fullMarks),
                fullMark: book.mark(book.fullMarksConfidence(exam)),
                pass: Score.text(exam.passMark), rows: rows)
        }
    }
}

/// The archive's sessions grouped by the round (notice) that covers them, newest round first.
///
/// A new notice must not make earlier sessions disappear: a round that covers only new sessions is
/// added above the earlier ones. Each session is shown once, under the newest round that covers it
/// (the one whose clause now states its threshold); a round whose sessions all reappear in a newer
/// one has nothing left to show. The rounds are split over pages (`thresholds.html`,
/// `thresholds-2.html`…) so that a long archive stays within the page budget; the first page, with
/// the newest rounds, is what the home page summarises.
struct ThresholdRounds {
    struct Round {
        let id: String
        /// `2025年1月15日通知`, linked to the notice's page.
        let name: String
        let href: String
        /// The round's application window as the notice pages write it (`NoticeFacts.application`).
        let application: String
        let exams: [ThresholdTable.ExamBlock]
        /// Each exam's sessions in this round, by label, in the notice's order.
        let sessions: [(exam: Exam, labels: [String])]

        var rowCount: Int { exams.reduce(0) { $0 + $1.rows.count } }
    }

    /// Rows a page holds before the next round starts a new page (a round is never split). A row with
    /// its share of its round's heading and table is about 330 bytes (measured on a 300-notice synthetic
    /// archive: 60 rows made a 21 KB page), so a full page stays near 16 KB, well inside the budget.
    static let rowsPerPage = 48

    static func all(book: RuleBook, map: SiteMap) -> [Round] {
        var shown: Set<String> = []
        return book.notices.compactMap { notice in
            var keys: Set<String> = []
            for cover in notice.covers where book.session(exam: cover.exam, id: cover.session) != nil {
                let key = "\(cover.exam)/\(cover.session)"
                if shown.insert(key).inserted { keys.insert(key) }
            }
            guard !keys.isEmpty else { return nil }
            let exams = ThresholdTable.exams(book: book, notice: notice, sessions: keys, map: map)
            // In the notice's own order, as the home page has always listed them.
            let sessions = book.exams.compactMap { exam -> (exam: Exam, labels: [String])? in
                let labels = notice.covers.filter { $0.exam == exam.id && keys.contains("\(exam.id)/\($0.session)") }
                    .compactMap { book.session(exam: exam.id, id: $0.session)?.label }
                return labels.isEmpty ? nil : (exam, labels)
            }
            return Round(
                id: notice.id, name: SiteMap.name(of: notice), href: map.page(ofNotice: notice.id),
                application: NoticeFacts(notice: notice, book: book, thresholds: false).application,
                exams: exams, sessions: sessions)
        }
    }

    /// The rounds split into pages, newest first; at least one page.
    static func pages(book: RuleBook, map: SiteMap) -> [[Round]] {
        var pages: [[Round]] = [[]]
        var rows = 0
        for round in all(book: book, map: map) {
            if !pages[pages.count - 1].isEmpty && rows + round.rowCount > rowsPerPage {
                pages.append([])
                rows = 0
            }
            pages[pages.count - 1].append(round)
            rows += round.rowCount
        }
        return pages
    }

    /// `thresholds.html`, then `thresholds-2.html`…
    static func file(page number: Int) -> String { number == 1 ? "thresholds.html" : "thresholds-\(number).html" }
}

struct ThresholdsPage: SitePage, RowListing {
    let chrome: Chrome
    let rounds: [ThresholdRounds.Round]
    /// The exams these rounds show, each with its national standard once.
    let exams: [ThresholdTable.ExamBlock]
    let number: Int
    let pageCount: Int

    init(rounds: [ThresholdRounds.Round], number: Int, pageCount: Int, chrome: Chrome) {
        self.chrome = chrome
        self.rounds = rounds
        self.number = number
        self.pageCount = pageCount
        var seen: Set<String> = []
        exams = rounds.flatMap(\.exams).filter { seen.insert($0.id).inserted }
    }

    var title: Markup {
        if number > 1 { return "合格标准(第\(String(number))页)" }
        return "合格标准"
    }

    /// What `passline diff` compares: one line per table row, named by exam, session and level (not
    /// by round: a session a newer round covers again moves, it is not lost).
    var rows: [String] {
        rounds.flatMap { round in round.exams.flatMap { exam in exam.rows.map { "\(exam.shortName) \($0.session) \($0.level)" } } }
    }

    func main(_ page: inout PageWriter) {
        page += """
            <h1>各次考试单独划线合格标准</h1>
            <p>按开启补申领的通知分组,最新的一轮在前;每个场次列在最近一次涵盖它的通知下,并注明通知写明它的条款。全国合格标准见<a href="sources.html">资料来源</a>。</p>

            """
        for exam in exams {
            page +=
                "<p>\(exam.shortName)(\(exam.name)):每科满分 \(exam.full) 分\(exam.fullMark);全国合格标准 <strong>\(exam.pass)</strong> 分(含)。</p>\n"
        }
        for round in rounds {
            page += """
                <section class="round" id="\(round.id)">
                <h2><a href="\(round.href)">\(round.name)</a>涵盖的场次</h2>
                <p class="small"><span class="label">申请时间:</span>\(round.application)(北京时间)</p>

                """
            for exam in round.exams {
                page += """
                    <table class="marks" id="\(round.id)-\(exam.id)">
                    <caption>\(exam.shortName)单独划线地区合格标准(分,含本数)</caption>
                    <thead><tr><th scope="col">场次</th><th scope="col">级别</th><th scope="col">单独划线</th><th scope="col">全国</th></tr></thead>
                    <tbody>

                    """
                for row in exam.rows {
                    page += #"<tr><th scope="row">\#(row.session)"#
                    if let clause = row.clause { page += #" <a class="cite" href="\#(clause.href)">\#(clause.id)</a>"# }
                    page += "</th><td>\(row.level)</td><td><strong>\(row.threshold)</strong></td><td>\(row.national)</td></tr>\n"
                }
                page += "</tbody>\n</table>\n"
            }
            page += "</section>\n"
        }
        if pageCount > 1 {
            page += #"<nav class="pager">"#
            if number > 1 { page += #"<a href="\#(ThresholdRounds.file(page: number - 1))">← 较新的场次</a>"# }
            page += " "
            if number < pageCount { page += #"<a href="\#(ThresholdRounds.file(page: number + 1))">较早的场次 →</a>"# }
            page += "</nav>\n"
        }
        page += """
            <p><a href="calculator.html">用自测工具对照你的成绩</a></p>

            """
    }
}

/// A page whose content is a list of rows a reader counts on (a session's thresholds, a round's
/// sessions): `passline diff` reports any row that a change of content removes (`SiteRows`).
protocol RowListing {
    var rows: [String] { get }
}
