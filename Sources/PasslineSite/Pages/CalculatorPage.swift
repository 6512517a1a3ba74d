import Foundation
import PasslineCore

/// The eligibility calculator: a form whose every option and label comes from the rules, the rules
/// embedded for `eligibility.js`, and — for readers without JavaScript — the conditions in the
/// notice's words beside the thresholds table, to compare by hand.
struct CalculatorPage {
    struct CategoryChoice { let value: String; let label: String; let clause: ClauseLink? }
    struct StatusWord { let key: String; let name: String }
    struct Condition { let id: String; let href: String; let text: String }

    let chrome: Chrome
    let categories: [CategoryChoice]
    /// Names of the outcomes the form can reach (invalid input is shown beside its field instead).
    let statuses: [StatusWord]
    let conditions: [Condition]
    let matrices: [ThresholdMatrix]
    /// JSON for `<script type="application/json">`; `<` is escaped so no text can close the element.
    /// The form's exams, sessions, levels and subject labels are built from it by calculator.js.
    let rulesJSON: String
    let pagesJSON: String

    init(book: RuleBook, notice: Notice, map: SiteMap, chrome: Chrome) throws {
        self.chrome = chrome
        categories = try Category.allCases.map { category in
            guard let label = CategoryLabels.label(category, messages: book.messages) else {
                throw BuildFailure(step: "render pages", lines: ["messages.md has no words for category '\(category.rawValue)': add 'category.\(category.rawValue)'"])
            }
            return CategoryChoice(value: category.rawValue, label: label, clause: map.clause(role: category.rawValue))
        }
        statuses = Status.allCases.filter { $0 != .invalidInput && $0 != .notCovered }.map { StatusWord(key: $0.rawValue, name: VerdictText.statusNames[$0] ?? $0.rawValue) }
        conditions = ["local", "relocated"].compactMap { role in
            guard let id = notice.clause(role: role), let clause = notice.clause(id) else { return nil }
            return Condition(id: id, href: map.clause(id, of: notice).href, text: clause.text)
        }
        matrices = ThresholdMatrix.all(book: book)
        rulesJSON = try EmbeddedJSON.script(CalculatorRules(book: book))
        pagesJSON = try EmbeddedJSON.script(Dictionary(uniqueKeysWithValues: book.notices.map { ($0.id, map.page(ofNotice: $0.id)) }))
    }
}

/// One exam's thresholds as a compact grid (sessions × levels), for comparing by hand on a phone.
struct ThresholdMatrix {
    struct Row { let session: String; let cells: [Cell] }
    struct Cell { let score: String }
    struct Heading { let name: String }
    let shortName: String
    let full: String
    let pass: String
    let levels: [Heading]
    let rows: [Row]

    static func all(book: RuleBook) -> [ThresholdMatrix] {
        book.exams.compactMap { exam in
            let sessions = book.sessions.filter { $0.exam == exam.id }.sorted { $0.id > $1.id }
            guard !sessions.isEmpty else { return nil }
            let levels = exam.levels.filter { standard in sessions.contains { $0.threshold(for: standard.level) != nil } }
            return ThresholdMatrix(
                shortName: exam.shortName, full: Score.text(exam.fullMarks), pass: Score.text(exam.passMark),
                levels: levels.map { Heading(name: $0.name) },
                rows: sessions.map { session in
                    Row(session: session.label, cells: levels.map { Cell(score: session.threshold(for: $0.level).map(Score.text) ?? "—") })
                })
        }
    }
}

/// Plain words for the applicant categories, from content: `category.local` if the editors wrote
/// one, otherwise the gloss the `invalid.category` message already gives (`local(在…报名参加考试)`).
enum CategoryLabels {
    static func label(_ category: Category, messages: [String: String]) -> String? {
        if let own = messages["category.\(category.rawValue)"] { return own }
        guard let text = messages["invalid.category"] else { return nil }
        let pattern = #/([a-z]+)\s*[((]([^))]+)[))]/#
        return text.matches(of: pattern).first { $0.1 == category.rawValue }.map { String($0.2) }
    }
}

/// JSON embedded in a page, stable byte for byte.
enum EmbeddedJSON {
    static func script<T: Encodable>(_ value: T) throws -> String {
        let data = try RuleBook.jsonEncoder().encode(value)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
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
    }
    struct SessionRules: Codable {
        var exam: String
        var id: String
        var label: String
        var thresholds: [LevelThreshold]
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
    var notices: [NoticeRules]
    var messages: [String: String]

    init(book: RuleBook) {
        schemaVersion = book.schemaVersion
        exams = book.exams.map {
            ExamRules(id: $0.id, shortName: $0.shortName, sessionForm: $0.sessionForm, fullMarks: $0.fullMarks,
                      passMark: $0.passMark, levels: $0.levels)
        }
        sessions = book.sessions.map { SessionRules(exam: $0.exam, id: $0.id, label: $0.label, thresholds: $0.thresholds) }
        notices = book.notices.map { notice in
            let cited = Set(CalculatorRules.citedRoles.compactMap { notice.roles[$0] } + notice.covers.compactMap(\.clause)
                + [notice.application.clause].compactMap { $0 })
            return NoticeRules(id: notice.id, application: notice.application, covers: notice.covers,
                               roles: notice.roles.filter { CalculatorRules.citedRoles.contains($0.key) },
                               clauses: notice.clauses.filter { cited.contains($0.id) }.map { ClauseAnchor(id: $0.id, anchor: $0.anchor) })
        }
        messages = book.messages.filter { EligibilityEngine.messageKeys.contains($0.key) && !CalculatorRules.unreachable.contains($0.key) }
    }

    /// The roles whose clauses a verdict reachable from the form cites (beside the thresholds' and the
    /// window's); `scope` only serves `not-covered`, which the form cannot reach.
    static let citedRoles = ["local", "relocated", "procedure"]

    /// Sentences for inputs the form cannot produce: its exam, session and level come from lists of
    /// exactly the covered sessions and levels, it shows one field per subject, and it never sends `now`.
    /// Leaving them out keeps the calculator page within its byte budget.
    static let unreachable: Set<String> = [
        "invalid.exam", "invalid.session", "invalid.level", "invalid.count", "invalid.now", "not-covered.session", "not-covered.level",
    ]
}
