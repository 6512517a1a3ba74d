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
    /// The form's exams, sessions, levels and subject labels are built from it by calculator.js. It holds
    /// no notice: the notices covering a session come from that session's file, loaded when asked, so
    /// the page stays the same size however many rounds the archive holds.
    let rulesJSON: String
    /// Where the sessions' files are, relative to the page.
    let sessionFolder = CalculatorSessionFile.folder

    init(book: RuleBook, notice: Notice, map: SiteMap, chrome: Chrome) throws {
        self.chrome = chrome
        categories = try Category.allCases.map { category in
            CategoryChoice(value: category.rawValue, label: try CategoryLabels.label(category, messages: book.messages),
                           clause: map.clause(role: category.rawValue))
        }
        statuses = Status.allCases.filter { $0 != .invalidInput && $0 != .notCovered }.map { StatusWord(key: $0.rawValue, name: VerdictText.statusNames[$0] ?? $0.rawValue) }
        conditions = ["local", "relocated"].compactMap { role in
            guard let id = notice.clause(role: role), let clause = notice.clause(id) else { return nil }
            return Condition(id: id, href: map.clause(id, of: notice).href, text: clause.text)
        }
        matrices = ThresholdMatrix.all(book: book, notice: notice)
        rulesJSON = try EmbeddedJSON.script(CalculatorRules(book: book, notices: [], thresholds: false))
    }
}
