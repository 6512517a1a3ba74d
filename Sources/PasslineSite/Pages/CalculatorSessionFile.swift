import Foundation
import PasslineCore

/// What the calculator loads when a candidate asks about one session: its thresholds and the notices
/// covering it (newest first, for `applicableNotice`) with each one's page and name. One small file per
/// session keeps the calculator page bounded however many rounds the archive holds: `applicableNotice`
/// never needs a notice that does not cover the session asked about, nor one superseded (below).
///
/// The file is a script (`passlineSession({...});`), not JSON, so that it loads from disk (file://)
/// and under `script-src 'self'`, where `fetch` would not.
struct CalculatorSessionFile: Codable {
    let exam: String
    let session: String
    let sessionRules: CalculatorRules.SessionRules
    let notices: [CalculatorRules.NoticeRules]
    /// Notice id → its page and name, for the verdict's 依据 line.
    let pages: [String: NoticeLink]

    /// The folder beside the calculator page, in each script's tree.
    static let folder = "calculator/"

    static func page(exam: String, session: String) -> String { folder + exam + "-" + session + ".js" }

    /// One file per session some notice covers.
    static func all(book: RuleBook, map: SiteMap) -> [(page: String, file: CalculatorSessionFile)] {
        let published = book.notices.compactMap { Instant.parseDay($0.date) }.max()
        // Which notices cover each session, newest first: one pass over the archive, not one per session.
        struct Key: Hashable { let exam: String, session: String }
        var coveringIndices: [Key: [Int]] = [:]
        for (index, notice) in book.notices.enumerated() {
            for cover in notice.covers where coveringIndices[Key(exam: cover.exam, session: cover.session)]?.last != index {
                coveringIndices[Key(exam: cover.exam, session: cover.session), default: []].append(index)
            }
        }
        return book.sessions.compactMap { session in
            let covering = current(
                (coveringIndices[Key(exam: session.exam, session: session.id)] ?? []).map { book.notices[$0] }, published: published)
            guard !covering.isEmpty else { return nil }
            let notices = covering.map { notice in
                var rules = CalculatorRules.noticeRules(notice)
                // Only this session's coverage: the one `evaluate` looks up.
                rules.covers = rules.covers.filter { $0.exam == session.exam && $0.session == session.id }
                let cited = Set(
                    Array(rules.roles.values) + rules.covers.compactMap(\.clause) + [notice.application.clause].compactMap { $0 })
                rules.clauses = rules.clauses.filter { cited.contains($0.id) }
                return rules
            }
            let pages = Dictionary(
                uniqueKeysWithValues: covering.map { notice in
                    (
                        notice.id,
                        NoticeLink(
                            href: map.page(ofNotice: notice.id), name: SiteMap.name(of: notice),
                            summary: notice.kind == .summary ? true : nil)
                    )
                })
            return (
                page(exam: session.exam, session: session.id),
                CalculatorSessionFile(
                    exam: session.exam, session: session.id,
                    sessionRules: .init(exam: session.exam, id: session.id, label: session.label, thresholds: session.thresholds),
                    notices: notices, pages: pages)
            )
        }
    }

    /// The covering notices that can still decide the session for a reader. The site holds the newest
    /// notice, so it is read on or after that notice's date (`published`): a window that ended before
    /// then is closed for every reader, and among those only the one that closed last can be chosen
    /// (`applicableNotice` falls back to it when nothing is open or ahead; ties keep the first, as there).
    /// Every window ending on or after that date stays. Order (newest first) is kept.
    static func current(_ covering: [Notice], published: Date?) -> [Notice] {
        guard let published else { return covering }
        var lastClosed: Notice?
        for notice in covering where notice.application.end < published {
            if let last = lastClosed, notice.application.end <= last.application.end { continue }
            lastClosed = notice
        }
        return covering.filter { $0.application.end >= published || $0.id == lastClosed?.id }
    }

    /// The script's text; `<` is escaped as in the page, so the data reads the same either way.
    func script() throws -> String { "passlineSession(" + (try EmbeddedJSON.script(self)).text + ");\n" }

    /// The data of a session file (its JSON), for checks and tests.
    static func json(inScript text: String) -> String? {
        guard text.hasPrefix("passlineSession("), text.hasSuffix(");\n") else { return nil }
        return String(text.dropFirst("passlineSession(".count).dropLast(3))
    }
}
