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
            throw Problem(description: "通知的 id 是它的落款日期,如 2025-09-01(现在是“\(id)”)")
        }
        let p = placeholder
        let head = """
            ---
            # 开启一轮补申领的通知。把每个 \(p) 换成通知写的内容,然后运行 passline check,它会列出还缺的每一项。
            # 时间都是北京时间,精确到分钟,如 2025-01-22T09:00+08:00。
            # 格式见 docs/content-format.md。
            id: \(id)                     # 落款日期;文件以它命名
            """
        if summary {
            return Scaffold(
                relativePath: "notices/\(id).md",
                text: head + """

                    kind: summary                      # 摘要:手头没有通知原文,下面是我们写的摘要
                    title: \(p)                        # 通知的标题,照原文
                    issuer: \(p)                       # 落款的发文机关,如 工业和信息化部教育与考试中心
                    date: \(id)                   # 落款日期
                    sources: [\(p)]                    # 读到这份通知的网页在 sources.md 里的 id;先在 sources.md 加上
                    application: {start: \(p), end: \(p)}   # 申请时间:开始、截止
                    review: {start: \(p), end: \(p)}        # 审核时间;通知若没有审核时间,删掉这一行
                    hotline: \(p)                      # 通知给的咨询电话
                    entry: \(p)                        # 考试网站上入口的名称,如 单独划线补申领
                    legal_basis: []                    # 通知所依据文件在 sources.md 里的 id,如 [hrss-2022-25]
                    covers:                            # 这一轮涵盖的每一次考试,一次一行
                      - {exam: \(p), session: \(p)}    # exam 写 ruankao 或 tongxin;session 如 2024-H2(软考)或 "2024"(通信)
                    ---
                    \(p):用自己的话写一段摘要,并说明这是摘要、不是原文。日期、分数线和电话只写在上面的数据里,正文不要重复。

                    """)
        }
        return Scaffold(
            relativePath: "notices/\(id).md",
            text: head + """

                kind: full                         # full:下面的正文是通知原文,逐字照录
                title: \(p)                        # 通知的标题,照原文
                issuer: \(p)                       # 落款的发文机关,如 工业和信息化部教育与考试中心
                date: \(id)                   # 落款日期
                addressee: \(p)                    # 正文前的主送机关一行(不带冒号);通知没有就删掉这一行
                source_url: \(p)                   # 通知原文所在网页的地址
                application: {start: \(p), end: \(p), clause: \(p)}   # 申请时间;clause 是写明它的条款,如 一(一)
                review: {start: \(p), end: \(p), clause: \(p)}        # 审核时间;通知若没有审核时间,删掉这一行
                hotline: \(p)                      # 通知给的咨询电话
                entry: \(p)                        # 考试网站上入口的名称,如 单独划线补申领
                legal_basis: []                    # 通知所依据文件在 sources.md 里的 id,如 [hrss-2022-25]
                roles:                             # 哪一条回答哪个问题(计算器和问答机器人引用它)
                  scope: \(p)                      # 说明涵盖哪些场次的条款,如 序(“一、”之前的一段)
                  local: \(p)                      # 在单独划线地区报考人员的申领条件,如 二(一)
                  relocated: \(p)                  # 在其他地区报考、现在单独划线地区工作人员的申领条件,如 二(二)
                  procedure: \(p)                  # 申领方式,如 四
                covers:                            # 这一轮涵盖的每一次考试,和写明其合格标准的条款
                  - {exam: \(p), session: \(p), clause: \(p)}   # exam 写 ruankao 或 tongxin;session 如 2024-H2(软考)或 "2024"(通信)
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
            throw Problem(description: "场次的 id 写成 <考试>-<场次>,如 \(examples);考试有 \(known.joined(separator: "、"))(现在是“\(id)”)")
        }
        let session = String(id[id.index(after: dash)...])
        guard exam.sessionForm.accepts(session) else {
            let right = SessionFormat.suggestion(for: session, form: exam.sessionForm)
            throw Problem(description: "“\(session)”不是 \(exam.id) 的场次写法:用 --id \(exam.id)-\(right)")
        }
        let p = placeholder
        let quoted = exam.sessionForm == .year ? "\"\(session)\"" : session
        let levels = exam.levels.map {
            "  \($0.level.rawValue): \(p)".padding(toLength: 33, withPad: " ", startingAt: 0) + "# \($0.name)每科的合格标准"
        }
        return Scaffold(
            relativePath: "sessions/\(exam.id)-\(session).md",
            text: """
                ---
                # \(exam.shortName)某一次考试的单独划线合格标准。把每个 \(p) 换成通知写的内容,然后运行 passline check。
                # 再把这一场次加进开启它的通知的 covers 列表。
                exam: \(exam.id)
                session: \(quoted)
                label: \(p)                        # 场次名称,照通知写,如 \(exam.sessionForm == .year ? "2024年度" : "2024年下半年")
                thresholds:                        # 每科的合格标准,含本数(分(含)),照通知写
                \(levels.joined(separator: "\n"))
                sources: []                        # 可选:也写了这些分数的来源在 sources.md 里的 id
                ---

                """)
    }

    // MARK: FAQ

    /// A FAQ entry `id`, placed after the existing ones (`order`); with a `topic:` to fill when the
    /// content splits the FAQ by topic (`topics`, Content/faq-topics.md).
    public static func faq(id: String, order: Int, topics: [FAQTopic] = []) throws -> Scaffold {
        guard Identifier.isValid(id) else {
            throw Problem(description: "常见问题的 id 只用小写字母、数字和“-”,如 deadline-weekend(现在是“\(id)”)")
        }
        let p = placeholder
        let topicLine =
            topics.isEmpty
            ? "" : "\ntopic: \(p)                        # 在常见问题的哪一页:\(topics.map(\.id).joined(separator: "、"))(主题列在 faq-topics.md)"
        return Scaffold(
            relativePath: "faq/\(id).md",
            text: """
                ---
                # 考生常问的一个问题;答案写在第二个 '---' 下面。
                # 把每个 \(p) 换掉,然后运行 passline check。
                id: \(id)
                question: \(p)                     # 考生会怎么问这个问题
                phrasings: []                      # 别的问法,如 [过期了还能申请吗](问答机器人会匹配)
                keywords: []                       # 指向这一条的词,如 [过期, 截止]
                cites: [\(p)]                      # 答案的出处:"notice:一(一)"(条款)或 "source:hrss-2022-25"
                order: \(order)                         # 在常见问题页上的位置,小的在前\(topicLine)
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
