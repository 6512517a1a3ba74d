import Foundation
import PasslineCore

/// JSON embedded in a page, stable byte for byte.
enum EmbeddedJSON {
    static func script<T: Encodable>(_ value: T) throws -> ScriptJSON {
        let data = try RuleBook.jsonEncoder().encode(value)
        return ScriptJSON(text: String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c"))
    }
}

/// JSON for a `<script>` element, with every `<` written `\u003c` so that no text in it can close the
/// element: it goes into a page as it is (`EmbeddedJSON.script` is the only way to make one).
struct ScriptJSON: Sendable {
    let text: String
}

/// The slice of `rules.json` the calculator page embeds: the keys `evaluate` reads, with the same
/// names and shapes as in `rules.json`, and nothing else (no prose) — a phone downloads it on every visit.
struct CalculatorRules: Codable {
    struct ExamRules: Codable {
        var id: String
        var shortName: String
        var sessionForm: SessionForm
        var fullMarks: Double
        var passMark: Double
        var levels: [LevelStandard]
        /// `(弱来源,仅供参考)` when the full marks rest on a weak or medium source, shown beside them.
        var fullMarksMark: String?
    }
    struct SessionRules: Codable {
        var exam: String
        var id: String
        var label: String
        /// Absent in the page's index (the session's file carries them), so the page does not grow
        /// with every session the archive adds.
        var thresholds: [LevelThreshold]?
    }
    /// Only the clauses a verdict can cite, and only their anchors, so the page can link them.
    struct ClauseAnchor: Codable {
        var id: String
        var anchor: String
    }
    struct NoticeRules: Codable {
        var id: String
        var application: Window
        var covers: [Coverage]
        var roles: [String: String]
        var clauses: [ClauseAnchor]
    }

    var schemaVersion: Int
    var exams: [ExamRules]
    var sessions: [SessionRules]
    /// The page's list of sessions, per exam, newest first, as `[id, label]` pairs (the form's choices);
    /// `sessions` is then empty and each session's file brings its own. Absent in the full slice.
    var sessionList: [String: [[String]]]?
    var notices: [NoticeRules]
    var messages: [String: String]

    /// The whole slice, every notice included (what `rules.json` would give `evaluate`).
    init(book: RuleBook) { self.init(book: book, notices: book.notices, thresholds: true) }

    /// The exams, sessions and messages with only `notices` (newest first, as in the book): the page
    /// embeds none and no thresholds; each session's file (`CalculatorSessionFile`) brings its
    /// thresholds and the notices covering it. An exam lists the levels some session has a line for,
    /// the ones the form offers.
    init(book: RuleBook, notices chosen: [Notice], thresholds: Bool) {
        schemaVersion = book.schemaVersion
        exams = book.exams.map { exam in
            let offered = Set(book.sessions.filter { $0.exam == exam.id }.flatMap { $0.thresholds.map(\.level) })
            return ExamRules(
                id: exam.id, shortName: exam.shortName, sessionForm: exam.sessionForm, fullMarks: exam.fullMarks,
                passMark: exam.passMark, levels: exam.levels.filter { offered.contains($0.level) },
                fullMarksMark: book.fullMarksConfidence(exam).map { book.mark($0) }.flatMap { $0.isEmpty ? nil : $0 })
        }
        if thresholds {
            sessions = book.sessions.map { SessionRules(exam: $0.exam, id: $0.id, label: $0.label, thresholds: $0.thresholds) }
        } else {
            sessions = []
            sessionList = Dictionary(grouping: book.sessions, by: \.exam).mapValues { list in
                list.sorted { $0.id > $1.id }.map { [$0.id, $0.label] }
            }
        }
        notices = chosen.map(CalculatorRules.noticeRules)
        messages = book.messages.filter { EligibilityEngine.messageKeys.contains($0.key) && !CalculatorRules.unreachable.contains($0.key) }
    }

    /// A notice's window, coverage, cited roles and the anchors of the clauses a verdict can cite.
    static func noticeRules(_ notice: Notice) -> NoticeRules {
        let cited = Set(
            citedRoles.compactMap { notice.clause(role: $0) } + notice.covers.compactMap(\.clause)
                + [notice.application.clause].compactMap { $0 })
        return NoticeRules(
            id: notice.id, application: notice.application, covers: notice.covers,
            roles: notice.roles.filter { key, _ in citedRoles.contains { $0.rawValue == key } },
            clauses: notice.clauses.filter { cited.contains($0.id) }.map { ClauseAnchor(id: $0.id, anchor: $0.anchor) })
    }

    /// The roles whose clauses a verdict reachable from the form cites (beside the thresholds' and the
    /// window's); `scope` only serves `not-covered`, which the form cannot reach.
    static let citedRoles: [NoticeRole] = [.local, .relocated, .procedure]

    /// Sentences for inputs the form cannot produce: its exam, session and level come from lists of
    /// exactly the covered sessions and levels, it shows one field per subject, and it never sends `now`.
    /// Leaving them out keeps the calculator page within its byte budget.
    static let unreachable: Set<String> = [
        "invalid.exam", "invalid.session", "invalid.level", "invalid.count", "invalid.now", "not-covered.session", "not-covered.level"
    ]
}

/// Where a verdict's notice lives and how to name it, for calculator.js (`依据:2025年1月15日通知 二(一)…`).
/// `summary` is only written when true: a summary's verdict cites no clause, and the page says why.
struct NoticeLink: Codable {
    let href: String
    let name: String
    let summary: Bool?
}
