/// A value of the content whose place in its file is kept, so that a check finding it wrong can send
/// the editor to that line and column.
///
/// A case per kind of located value, rather than a hand-built string (`session:ruankao/2024-H2:senior`):
/// a key misspelt in Swift does not compile, and a lookup cannot quietly miss. Each key that belongs to
/// a larger value names it as its `owner`, whose place stands in when the value itself has none (an
/// optional field left out): the session for its thresholds, the notice for its windows and covers.
enum ContentKey: Hashable, Sendable {
    case source(String)
    case message(String)
    case exam(String)
    case examPassMark(exam: String)
    case examFullMarks(exam: String)
    /// A session's `session:` value; `exam:` is `sessionExam`.
    case session(exam: String, id: String)
    case sessionExam(exam: String, id: String)
    case threshold(exam: String, session: String, level: Level)
    /// A notice's `id:` value.
    case notice(String)
    case noticeHotline(String)
    /// The first line of a notice's body.
    case noticeBody(String)
    case noticeSources(String)
    case noticeClause(notice: String, clause: String)
    case noticeRole(notice: String, role: String)
    case noticeCover(notice: String, exam: String, session: String)
    case noticeWindow(notice: String, window: WindowName, field: WindowField)
    case area(String)
    case qualification(String)
    case qualificationsExam
    case faq(String)
    case faqCite(faq: String, cite: String)
    /// A FAQ entry's `topic:` value (Content/faq-topics.md names the topics).
    case faqTopic(String)

    /// A notice's two time windows, by their front-matter keys.
    enum WindowName: String, Sendable { case application, review }
    /// The fields of a window.
    enum WindowField: String, Sendable { case start, end, clause }

    /// The larger value this one is part of, if any.
    var owner: ContentKey? {
        switch self {
        case let .examPassMark(exam), let .examFullMarks(exam): .exam(exam)
        case let .sessionExam(exam, id): .session(exam: exam, id: id)
        case let .threshold(exam, session, _): .session(exam: exam, id: session)
        case let .noticeHotline(notice), let .noticeBody(notice), let .noticeSources(notice): .notice(notice)
        case let .noticeClause(notice, _), let .noticeRole(notice, _), let .noticeCover(notice, _, _), let .noticeWindow(notice, _, _):
            .notice(notice)
        case let .faqCite(faq, _), let .faqTopic(faq): .faq(faq)
        case .source, .message, .exam, .session, .notice, .area, .qualification, .qualificationsExam, .faq: nil
        }
    }
}

extension ContentKey {
    /// What the value is called in the error for a second one, for the values that must be unique (ids,
    /// clause numbers, covers); `nil` for the others, where a later place replaces an earlier one.
    var uniqueName: String? {
        switch self {
        case let .source(id): "来源 id '\(id)'"
        case let .exam(id): "考试 id '\(id)'"
        case let .session(exam, id): "场次 '\(exam) \(id)'"
        case let .noticeCover(_, exam, session): "对 \(exam) \(session) 的覆盖"
        case let .notice(id): "通知 id '\(id)'"
        case let .noticeClause(_, clause): "条款 \(clause)"
        case let .area(id): "地区 id '\(id)'"
        case let .qualification(name): "资格名称 '\(name)'"
        case let .faq(id): " FAQ id '\(id)'"
        case .message, .examPassMark, .examFullMarks, .sessionExam, .threshold, .noticeHotline, .noticeBody, .noticeSources,
            .noticeRole, .noticeWindow, .qualificationsExam, .faqCite, .faqTopic:
            nil
        }
    }

    /// The error for a second value of this key, pointing at the first.
    func duplicateMessage(first: SourceLocation) -> String {
        "重复的\(uniqueName ?? "\(self)"):\(first.path):\(first.line) 已经定义过了:只保留一个,或换一个"
    }

    /// A session's key, from its exam and session id.
    static func session(_ session: Session) -> ContentKey { .session(exam: session.exam, id: session.id) }
}
