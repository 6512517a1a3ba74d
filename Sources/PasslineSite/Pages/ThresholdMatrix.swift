import PasslineCore

/// One exam's thresholds as a compact grid (sessions × levels), for comparing by hand on a phone.
struct ThresholdMatrix {
    struct Row { let session: String; let scores: [String] }
    let shortName: String
    let full: String
    /// The full marks' confidence mark (`RuleBook.mark`), empty when their sources are strong.
    let fullMark: String
    let pass: String
    /// The levels' names, the grid's columns.
    let levels: [String]
    let rows: [Row]

    /// The sessions `notice` covers (the current round's), so the grid stays the same size however
    /// long the archive grows; older rounds show theirs on their own pages.
    static func all(book: RuleBook, notice: Notice) -> [ThresholdMatrix] {
        book.exams.compactMap { exam in
            let sessions = book.sessions.filter { $0.exam == exam.id && notice.covers(exam: exam.id, session: $0.id) != nil }.sorted {
                $0.id > $1.id
            }
            guard !sessions.isEmpty else { return nil }
            let levels = exam.levels.filter { standard in sessions.contains { $0.threshold(for: standard.level) != nil } }
            return ThresholdMatrix(
                shortName: exam.shortName, full: Score.text(exam.fullMarks), fullMark: book.mark(book.fullMarksConfidence(exam)),
                pass: Score.text(exam.passMark),
                levels: levels.map(\.name),
                rows: sessions.map { session in
                    Row(session: session.label, scores: levels.map { session.threshold(for: $0.level).map(Score.text) ?? "—" })
                })
        }
    }
}
