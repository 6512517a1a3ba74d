import PasslineCore

/// Each delineated threshold beside the national mark, per exam, session and level.
struct ThresholdTable {
    struct Row { let session: String; let clause: ClauseLink?; let level: String; let threshold: String; let national: String }
    struct ExamBlock { let id: String; let shortName: String; let name: String; let full: String; let pass: String; let rows: [Row] }

    /// Only the sessions `notice` covers: the page cites that notice's clauses for every line, and stays
    /// bounded as the archive grows (an older round's lines are on its own page).
    static func exams(book: RuleBook, notice: Notice, map: SiteMap) -> [ExamBlock] {
        book.exams.compactMap { exam in
            let sessions = book.sessions.filter { $0.exam == exam.id && notice.covers(exam: exam.id, session: $0.id) != nil }.sorted { $0.id > $1.id }
            guard !sessions.isEmpty else { return nil }
            var rows: [Row] = []
            for session in sessions {
                let clause = notice.covers(exam: exam.id, session: session.id)?.clause.map { map.clause($0, of: notice) }
                for standard in exam.levels {
                    guard let score = session.threshold(for: standard.level) else { continue }
                    rows.append(Row(session: session.label, clause: clause, level: standard.name,
                                    threshold: Score.text(score), national: Score.text(exam.passMark)))
                }
            }
            return ExamBlock(id: exam.id, shortName: exam.shortName, name: exam.name, full: Score.text(exam.fullMarks),
                             pass: Score.text(exam.passMark), rows: rows)
        }
    }
}

struct ThresholdsPage: SitePage {
    let chrome: Chrome
    let exams: [ThresholdTable.ExamBlock]
    /// The clauses of the current notice that state the thresholds, each once.
    let coverClauses: [ClauseLink]

    init(book: RuleBook, notice: Notice, map: SiteMap, chrome: Chrome) {
        self.chrome = chrome
        exams = ThresholdTable.exams(book: book, notice: notice, map: map)
        var seen: Set<String> = []
        coverClauses = notice.covers.compactMap(\.clause).filter { seen.insert($0).inserted }.map { map.clause($0, of: notice) }
    }

    var title: Markup { "合格标准" }

    func main(_ page: inout PageWriter) {
        page += """
            <h1>各次考试单独划线合格标准</h1>
            <p>表中的单独划线合格标准来自<a href="notice.html">通知</a>第
            """
        for (index, clause) in coverClauses.enumerated() {
            if index > 0 { page += "、" }
            page += #"<a href="\#(clause.href)">\#(clause.id)</a>"#
        }
        page += """
            项;全国合格标准见<a href="sources.html">资料来源</a>。</p>

            """
        for exam in exams {
            page += """
                <section class="exam" id="\(exam.id)">
                <h2>\(exam.shortName)<span class="small">(\(exam.name))</span></h2>
                <p>每科满分 \(exam.full) 分;全国合格标准 <strong>\(exam.pass)</strong> 分(含)。</p>
                <table class="marks">
                <caption>\(exam.shortName)单独划线地区合格标准(分,含本数)</caption>
                <thead><tr><th scope="col">场次</th><th scope="col">级别</th><th scope="col">单独划线</th><th scope="col">全国</th></tr></thead>
                <tbody>

                """
            for row in exam.rows {
                page += #"<tr><th scope="row">\#(row.session)"#
                if let clause = row.clause { page += #" <a class="cite" href="\#(clause.href)">\#(clause.id)</a>"# }
                page += "</th><td>\(row.level)</td><td><strong>\(row.threshold)</strong></td><td>\(row.national)</td></tr>\n"
            }
            page += "</tbody>\n</table>\n</section>\n"
        }
        page += """
            <p><a href="calculator.html">用自测工具对照你的成绩</a></p>

            """
    }
}
