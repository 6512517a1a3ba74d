import Foundation

/// The checks of one notice against the rest of the book: windows in order, clauses cited that exist,
/// covered sessions that exist, and (for the official text) its prose against its data.
///
/// A value that only reads the book and the places, so notices can be checked on several threads;
/// each check collects its own diagnostics, which `Validator` logs in the notices' order.
struct NoticeCheck: Sendable {
    let book: RuleBook
    let locations: ContentLocations

    /// The diagnostics of one notice, in the order the checks find them.
    func run(_ notice: Notice) -> [Diagnostic] {
        let log = DiagnosticLog()
        func error(_ location: SourceLocation, _ message: String) {
            log.error(location.path, (location.line, location.column), message)
        }
        let clauses = "正文的条款有 \(notice.clauses.map(\.id).joined(separator: " "))"
        for (name, window) in [(ContentKey.WindowName.application, Optional(notice.application)), (.review, notice.review)] {
            guard let window else { continue }
            if window.end < window.start {
                error(
                    at(.noticeWindow(notice: notice.id, window: name, field: .end)),
                    "'\(name.rawValue)' 的结束时间 \(Instant.chinese(window.end)) 早于开始时间 \(Instant.chinese(window.start)):检查这两个时间")
            }
            if let clause = window.clause, notice.clause(clause) == nil, notice.kind == .full {
                error(at(.noticeWindow(notice: notice.id, window: name, field: .clause)), "条款 '\(clause.shown)' 不在通知正文里:\(clauses)")
            }
        }
        if let review = notice.review, review.end < notice.application.end {
            error(
                at(.noticeWindow(notice: notice.id, window: .review, field: .end)),
                "'review' 在 \(Instant.chinese(review.end)) 结束,早于 'application' 的结束时间 \(Instant.chinese(notice.application.end)):审核期不能比申请期先结束"
            )
        }
        for (role, clause) in notice.roles.sorted(by: { $0.key < $1.key }) where notice.kind == .full && notice.clause(clause) == nil {
            error(at(.noticeRole(notice: notice.id, role: role)), "角色 '\(role)' 指向的条款 '\(clause.shown)' 不在通知正文里:\(clauses)")
        }
        for cover in notice.covers {
            // Looked up only for an error: most covers have none.
            var place: SourceLocation { at(.noticeCover(notice: notice.id, exam: cover.exam, session: cover.session)) }
            guard let exam = book.exam(cover.exam) else {
                error(place, "不认识的考试 '\(cover.exam.shown)':考试有 \(book.exams.map(\.id).joined(separator: "、"))")
                continue
            }
            if !exam.sessionForm.accepts(cover.session) {
                error(
                    place,
                    "场次 '\(cover.session.shown)' 不是\(exam.shortName)场次的写法:写成 '\(SessionFormat.suggestion(for: cover.session, form: exam.sessionForm))'"
                )
            }
            if book.session(exam: cover.exam, id: cover.session) == nil {
                error(
                    place,
                    "通知涵盖\(exam.shortName) \(cover.session.shown),但没有它的合格标准:添加 sessions/\(cover.exam)-\(cover.session.shown).md(可以用 passline new session)"
                )
            }
            if let clause = cover.clause, notice.kind == .full, notice.clause(clause) == nil {
                error(place, "条款 '\(clause.shown)' 不在通知正文里:\(clauses)")
            }
        }
        if notice.kind == .full {
            ProseCheck(book: book, notice: notice, locations: locations, log: log).run()
        }
        return log.diagnostics
    }

    private func at(_ key: ContentKey) -> SourceLocation { locations.at(key) }
}
