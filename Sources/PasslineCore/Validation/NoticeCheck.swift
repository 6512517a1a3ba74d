import Foundation

/// The checks of one notice against the rest of the book: windows in order, clauses cited that exist,
/// covered sessions that exist, and (for the official text) its prose against its data.
///
/// A value that only reads the book and the places, so notices can be checked on several threads;
/// each check collects its own diagnostics, which `Validator` logs in the notices' order.
struct NoticeCheck: Sendable {
    let book: RuleBook
    let locations: [String: SourceLocation]

    /// The diagnostics of one notice, in the order the checks find them.
    func run(_ notice: Notice) -> [Diagnostic] {
        let log = DiagnosticLog()
        func error(_ location: SourceLocation, _ message: String) {
            log.error(location.path, (location.line, location.column), message)
        }
        let key = "notice:\(notice.id)"
        for (name, window) in [("application", Optional(notice.application)), ("review", notice.review)] {
            guard let window else { continue }
            if window.end < window.start {
                error(at("\(key):\(name).end"), "\(name) window ends (\(Instant.chinese(window.end))) before it starts (\(Instant.chinese(window.start)))")
            }
            if let clause = window.clause, notice.clause(clause) == nil, notice.kind == .full {
                error(at("\(key):\(name).clause", fallback: key), "clause '\(clause)' is not in the notice's text; clauses are \(notice.clauses.map(\.id).joined(separator: " "))")
            }
        }
        if let review = notice.review, review.end < notice.application.end {
            error(at("\(key):review.end"), "review window closes (\(Instant.chinese(review.end))) before the application window (\(Instant.chinese(notice.application.end)))")
        }
        for (role, clause) in notice.roles.sorted(by: { $0.key < $1.key }) where notice.kind == .full && notice.clause(clause) == nil {
            error(at("\(key):role:\(role)", fallback: key), "role '\(role)' names clause '\(clause)', which is not in the notice's text; clauses are \(notice.clauses.map(\.id).joined(separator: " "))")
        }
        for cover in notice.covers {
            // Looked up only for an error: most covers have none.
            var place: SourceLocation { at("\(key):covers:\(cover.exam)/\(cover.session)", fallback: key) }
            guard let exam = book.exam(cover.exam) else {
                error(place, "unknown exam '\(cover.exam)'; exams are \(book.exams.map(\.id).joined(separator: ", "))")
                continue
            }
            if !exam.sessionForm.accepts(cover.session) {
                error(place, "session '\(cover.session)' is not in the form \(exam.id) uses: write it like '\(SessionFormat.suggestion(for: cover.session, form: exam.sessionForm))'")
            }
            if book.session(exam: cover.exam, id: cover.session) == nil {
                error(place, "the notice covers \(exam.shortName) \(cover.session) but there are no thresholds for it: add sessions/\(cover.exam)-\(cover.session).md")
            }
            if let clause = cover.clause, notice.kind == .full, notice.clause(clause) == nil {
                error(place, "clause '\(clause)' is not in the notice's text; clauses are \(notice.clauses.map(\.id).joined(separator: " "))")
            }
        }
        if notice.kind == .full {
            ProseCheck(book: book, notice: notice, locations: locations, log: log).run()
        }
        return log.diagnostics
    }

    private func at(_ key: String, fallback: String? = nil) -> SourceLocation {
        locations[key] ?? fallback.flatMap { locations[$0] } ?? SourceLocation(path: "Content", line: 1)
    }
}
