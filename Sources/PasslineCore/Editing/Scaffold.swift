import Foundation

/// A new content file with every required key, each explained by a comment, and the marker
/// `待填` ("to fill") wherever only the editor knows the value.
///
/// The checker reports each marker left in place as an error naming the key, so a scaffold fails
/// `passline check` until it is filled, and the messages say what to fill. Scaffolds hold no facts:
/// they never pre-fill a date, a score or a phone number that might be wrong for the new round.
public struct Scaffold: Sendable, Hashable {
    /// The marker for a value the editor must supply.
    public static let placeholder = "待填"

    public enum Kind: String, CaseIterable, Sendable { case notice, session, faq }

    /// Path inside the content directory, e.g. `sessions/ruankao-2025-H1.md`.
    public var relativePath: String
    public var text: String

    /// Why a scaffold cannot be made: said so the editor can correct the command.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    // MARK: notice

    /// A notice dated `id` (`2025-09-01`); `summary` for a round whose official text is not at hand.
    public static func notice(id: String, summary: Bool) throws -> Scaffold {
        guard Instant.parseDay(id) != nil else {
            throw Problem(description: "a notice's id is its signature date, like 2025-09-01 (found '\(id)')")
        }
        let p = placeholder
        let head = """
        ---
        # A notice that opens a 补申领 round. Replace every \(p), then run `passline check`; it names each
        # value still missing. Times are Beijing time to the minute, e.g. 2025-01-22T09:00+08:00.
        # Format: docs/content-format.md.
        id: \(id)                     # the signature date; the file is named after it
        """
        if summary {
            return Scaffold(relativePath: "notices/\(id).md", text: head + """

            kind: summary                      # our summary of a notice whose official text is not at hand
            title: \(p)                        # the title exactly as the notice gives it
            issuer: \(p)                       # who signed it, e.g. 工业和信息化部教育与考试中心
            date: \(id)                   # the signature date
            sources: [\(p)]                    # ids from sources.md of the pages it was read from; add them there first
            application: {start: \(p), end: \(p)}   # application window (申请时间)
            review: {start: \(p), end: \(p)}        # review window (审核时间); delete this line if the notice has none
            hotline: \(p)                      # the phone number the notice gives
            entry: \(p)                        # the name of the entry on the exam websites, e.g. 单独划线补申领
            legal_basis: []                    # ids from sources.md of the documents it rests on, e.g. [hrss-2022-25]
            covers:                            # each session the round opens; add one line per session
              - {exam: \(p), session: \(p)}    # exam: ruankao or tongxin; session: 2024-H2 (软考) or "2024" (通信)
            ---
            \(p):用自己的话写一段摘要,并说明这是摘要、不是原文。日期、分数线和电话只写在上面的数据里,正文不要重复。

            """)
        }
        return Scaffold(relativePath: "notices/\(id).md", text: head + """

        kind: full                         # full: the body below is the official text, word for word
        title: \(p)                        # the title exactly as the notice gives it
        issuer: \(p)                       # who signed it, e.g. 工业和信息化部教育与考试中心
        date: \(id)                   # the signature date
        addressee: \(p)                    # the line naming whom it is sent to, before the text; delete if none
        source_url: \(p)                   # the address the text was copied from
        application: {start: \(p), end: \(p), clause: \(p)}   # application window; clause: the clause stating it, e.g. 一(一)
        review: {start: \(p), end: \(p), clause: \(p)}        # review window; delete this line if the notice has none
        hotline: \(p)                      # the phone number the notice gives
        entry: \(p)                        # the name of the entry on the exam websites, e.g. 单独划线补申领
        legal_basis: []                    # ids from sources.md of the documents it rests on, e.g. [hrss-2022-25]
        roles:                             # which clause answers which question (the calculator and the bot cite it)
          scope: \(p)                      # the sessions it covers, e.g. 序 (the text before 一、)
          local: \(p)                      # who registered in a delineated area, e.g. 二(一)
          relocated: \(p)                  # who registered elsewhere and works in one now, e.g. 二(二)
          procedure: \(p)                  # how to apply, e.g. 四
        covers:                            # each session the round opens, with the clause stating its threshold
          - {exam: \(p), session: \(p), clause: \(p)}   # exam: ruankao or tongxin; session: 2024-H2 (软考) or "2024" (通信)
        ---
        \(p):通知原文,逐字照录。“一、”开头的一节写成 ## 一、……;“(一)”和“1.”开头的各自成段;落款前的结束语放在单独一行 * * * 之后。

        """)
    }

    // MARK: session

    /// The thresholds file of `id` (`ruankao-2025-H1`), with one threshold per level the exam has.
    public static func session(id: String, exams: [Exam]) throws -> Scaffold {
        let known = exams.map(\.id)
        guard let dash = id.firstIndex(of: "-"), let exam = exams.first(where: { $0.id == String(id[..<dash]) }) else {
            let examples = exams.map { "\($0.id)-\($0.sessionForm.example)" }.joined(separator: ", ")
            throw Problem(description: "a session's id is <exam>-<session>, e.g. \(examples); exams are \(known.joined(separator: ", ")) (found '\(id)')")
        }
        let session = String(id[id.index(after: dash)...])
        guard exam.sessionForm.accepts(session) else {
            let right = SessionFormat.suggestion(for: session, form: exam.sessionForm)
            throw Problem(description: "'\(session)' is not how \(exam.id) writes a session: use --id \(exam.id)-\(right)")
        }
        let p = placeholder
        let quoted = exam.sessionForm == .year ? "\"\(session)\"" : session
        let levels = exam.levels.map { "  \($0.level.rawValue): \(p)".padding(toLength: 33, withPad: " ", startingAt: 0) + "# \($0.name), per subject" }
        return Scaffold(relativePath: "sessions/\(exam.id)-\(session).md", text: """
        ---
        # The delineated thresholds of one \(exam.shortName) session. Replace every \(p), then run `passline check`.
        # Then add the session to the 'covers' list of the notice that opens it.
        exam: \(exam.id)
        session: \(quoted)
        label: \(p)                        # the session as the notice names it, e.g. \(exam.sessionForm == .year ? "2024年度" : "2024年下半年")
        thresholds:                        # per subject, inclusive (分(含)), as the notice states them
        \(levels.joined(separator: "\n"))
        sources: []                        # optional: ids from sources.md that also state these thresholds
        ---

        """)
    }

    // MARK: FAQ

    /// A FAQ entry `id`, placed after the existing ones (`order`).
    public static func faq(id: String, order: Int) throws -> Scaffold {
        guard Identifier.isValid(id) else {
            throw Problem(description: "a FAQ id uses lowercase letters, digits and '-', e.g. deadline-weekend (found '\(id)')")
        }
        let p = placeholder
        return Scaffold(relativePath: "faq/\(id).md", text: """
        ---
        # One question candidates ask; the answer goes below the second '---'. Replace every \(p), then
        # run `passline check`.
        id: \(id)
        question: \(p)                     # the question as a candidate would ask it
        phrasings: []                      # other ways people ask it, e.g. [过期了还能申请吗] (the bot matches them)
        keywords: []                       # words that point to this entry, e.g. [过期, 截止]
        cites: [\(p)]                      # where the answer comes from: "notice:一(一)" (a clause) or "source:hrss-2022-25"
        order: \(order)                         # position on the FAQ page; smaller comes first
        ---
        \(p):在这里写答案。日期、分数线、电话不要照抄,写成引用,例如 {{application.end}}、{{threshold.ruankao.2024-H2.senior}}、{{notice.hotline}}。

        """)
    }
}

extension ContentLoader {
    /// The content as read, before validation: enough to scaffold a file (the exams' levels, the FAQ
    /// order) even while another scaffold is still unfilled.
    public func draft() -> RuleBook { read(log: DiagnosticLog()).book }
}
