/// A short account of what Content/ holds, for `passline check` and `make site`.
public struct ContentSummary: Sendable {
    public let book: RuleBook
    public init(book: RuleBook) { self.book = book }

    public var line: String {
        "\(book.notices.count) notice(s), \(book.sessions.count) session(s), \(book.areas.count) area(s), \(book.faq.count) FAQ entries, \(book.sources.count) sources"
    }

    public var details: String {
        var lines: [String] = []
        for notice in book.notices {
            lines.append("通知 \(notice.id) \(notice.title)")
            lines.append("  申请 \(Instant.chinese(notice.application.start)) 至 \(Instant.chinese(notice.application.end))")
            for cover in notice.covers {
                guard let session = book.session(exam: cover.exam, id: cover.session), let exam = book.exam(cover.exam) else { continue }
                let marks = session.thresholds.map { t in "\(exam.standard(for: t.level)?.name ?? t.level.rawValue) \(Score.text(t.score))"
                }
                lines.append("  \(exam.shortName) \(session.label): \(marks.joined(separator: ", ")) (全国 \(Score.text(exam.passMark)))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
