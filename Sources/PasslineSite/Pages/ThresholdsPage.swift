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

struct ThresholdsPage {
    struct Cite { let id: String; let href: String; let last: Bool }
    let chrome: Chrome
    let nested = false
    let thresholdExams: [ThresholdTable.ExamBlock]
    let coverClauses: [Cite]

    init(book: RuleBook, notice: Notice, map: SiteMap, chrome: Chrome) {
        self.chrome = chrome
        thresholdExams = ThresholdTable.exams(book: book, notice: notice, map: map)
        var seen: Set<String> = []
        let links = notice.covers.compactMap(\.clause).filter { seen.insert($0).inserted }.map { map.clause($0, of: notice) }
        coverClauses = links.enumerated().map { Cite(id: $1.id, href: $1.href, last: $0 == links.count - 1) }
    }
}
