import Foundation
import PasslineCore

/// One file the import would write, and what it decided about the file already there.
public struct DraftFile: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        /// No such file yet: it is written.
        case new
        /// The file exists with exactly this text: nothing to write.
        case unchanged
        /// A session file exists with the same label and thresholds: it is kept as it is (it may hold
        /// comments or sources of its own).
        case sameFacts
        /// The file exists and says something else: written only with `--overwrite`. `reasons` say
        /// what differs; `canOverwrite` is false when the session is defined in a file of another name.
        case conflict(reasons: [String], canOverwrite: Bool)
    }

    /// Inside the content directory, e.g. `notices/2025-01-15.md`.
    public var relativePath: String
    public var text: String
    public var status: Status

    /// Whether the import writes this file (given `--overwrite` or not).
    public func writes(overwrite: Bool) -> Bool {
        switch status {
        case .new: true
        case .unchanged, .sameFacts: false
        case let .conflict(_, canOverwrite): overwrite && canOverwrite
        }
    }
}

/// Step 8: the draft notice and session files, in the format of `docs/content-format.md`, with `待填`
/// wherever the import could not decide (each with a comment saying what goes there).
public struct DraftWriter {
    let facts: ExtractedNotice
    let notice: SegmentedNotice
    let catalog: ImportCatalog
    /// The imported file's name, for the draft's first comment.
    let fileName: String

    public init(facts: ExtractedNotice, notice: SegmentedNotice, catalog: ImportCatalog, fileName: String) {
        self.facts = facts
        self.notice = notice
        self.catalog = catalog
        self.fileName = fileName
    }

    static let blank = Scaffold.placeholder

    /// The drafts, each compared with what `existing` (relative path → text) holds.
    public func drafts(existing: (String) -> String?) -> [DraftFile] {
        var files: [DraftFile] = []
        if let id = facts.id {
            let path = "notices/\(id).md"
            let text = noticeText(id: id)
            let status: DraftFile.Status
            if let old = existing(path) {
                status = old == text ? .unchanged : .conflict(reasons: ["这个通知文件已经有了,内容与草稿不同"], canOverwrite: true)
            } else {
                status = .new
            }
            files.append(DraftFile(relativePath: path, text: text, status: status))
        }
        for session in facts.sessions {
            let path = "sessions/\(session.id).md"
            let text = sessionText(
                session, keeping: catalog.sessions.first { $0.exam == session.exam && $0.id == session.session }?.sources ?? [])
            files.append(DraftFile(relativePath: path, text: text, status: status(of: session, path: path, text: text, existing: existing)))
        }
        return files
    }

    private func status(of session: SessionFinding, path: String, text: String, existing: (String) -> String?) -> DraftFile.Status {
        let old = existing(path)
        if old == text { return .unchanged }
        guard let known = catalog.sessions.first(where: { $0.exam == session.exam && $0.id == session.session }) else {
            return old == nil ? .new : .conflict(reasons: ["这个文件已经有了,但读不出它的场次"], canOverwrite: true)
        }
        var reasons: [String] = []
        if known.label != session.label { reasons.append("label 现在是“\(known.label)”,通知写作“\(session.label)”") }
        for standard in catalog.exams.first(where: { $0.id == session.exam })?.levels ?? [] {
            let now = known.threshold(for: standard.level)
            let read = session.thresholds[standard.level]
            guard let read, now != read else { continue }
            reasons.append(
                "\(standard.name)现在是 \(now.map(Self.score) ?? "空"),通知(\(ClauseName.chinese(session.clause)))写的是 \(Self.score(read))")
        }
        if reasons.isEmpty { return .sameFacts }
        return .conflict(reasons: reasons, canOverwrite: old != nil)
    }

    static func score(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }

    // MARK: notice

    func noticeText(id: String) -> String {
        let b = Self.blank
        var lines = [
            "---",
            "# 由 passline import 从 \(fileName) 生成的草稿。请对照通知原文核对每一个值,把每个 \(b) 换成通知写的内容,",
            "# 然后运行 passline check。格式见 docs/content-format.md。",
            "id: \(id)",
            "kind: full"
        ]
        func line(_ key: String, _ finding: Finding<String>?, _ hint: String, raw: Bool = false) {
            if let finding {
                lines.append("\(key): \(raw ? finding.value : YAMLText.scalar(finding.value))")
            } else {
                lines.append(Self.commented("\(key): \(b)", hint))
            }
        }
        line("title", facts.title, "通知的标题,照原文")
        line("issuer", facts.issuer, "落款的发文机关")
        line("date", facts.date, "落款日期,如 2025-01-15", raw: true)
        if let addressee = facts.addressee { lines.append("addressee: \(YAMLText.scalar(addressee.value))") }
        line("source_url", facts.sourceURL, "通知原文所在网页的地址")
        lines.append(window("application", facts.application, hint: "申请时间:开始、截止(北京时间,精确到分钟)和写明它的条款"))
        lines.append(window("review", facts.review, hint: "审核时间;通知若没有审核时间,删掉这一行"))
        line("hotline", facts.hotline, "通知给的咨询电话")
        line("entry", facts.entry, "考试网站上入口的名称,如 单独划线补申领")
        var basis = facts.legalBasis.map(\.value)
        if facts.undecided.contains(where: { $0.key == "legal_basis" }) { basis.append(b) }
        let basisLine = "legal_basis: [\(basis.map { YAMLText.scalar($0, inFlow: true) }.joined(separator: ", "))]"
        lines.append(basis.contains(b) ? Self.commented(basisLine, "sources.md 里通知所依据文件的 id") : basisLine)
        lines.append("roles:                # 哪一条回答哪个问题(计算器和问答机器人引用它)")
        for name in RoleExtraction.order + facts.roles.map(\.name).filter({ !RoleExtraction.order.contains($0) }) {
            if let role = facts.role(name) {
                lines.append("  \(name): \(role.clause)")
            } else if facts.undecided.contains(where: { $0.key == "roles.\(name)" }) {
                lines.append(Self.commented("  \(name): \(b)", "哪一条" + RoleExtraction.meaning(name)))
            }
        }
        lines.append("covers:")
        if facts.sessions.isEmpty {
            lines.append(
                Self.commented(
                    "  - {exam: \(b), session: \(b), clause: \(b)}",
                    "通知涵盖的每一次考试:exam 写 ruankao 或 tongxin,session 如 2024-H2 或 \"2024\",clause 是写明合格标准的条款"))
        }
        for session in facts.sessions {
            let sessionText = session.session.contains("-") ? session.session : "\"\(session.session)\""
            lines.append("  - {exam: \(session.exam), session: \(sessionText), clause: \(session.clause)}")
        }
        lines.append("---")
        let body = notice.markdown.isEmpty ? "\(b):通知原文,逐字照录。\n" : notice.markdown
        return lines.joined(separator: "\n") + "\n" + body
    }

    private func window(_ key: String, _ window: WindowFinding?, hint: String) -> String {
        let b = Self.blank
        let start = window?.start ?? b, end = window?.end ?? b
        let clause = window?.clause ?? b
        let text = "\(key): {start: \(start), end: \(end), clause: \(clause)}"
        return text.contains(b) ? Self.commented(text, hint) : text
    }

    static func commented(_ line: String, _ comment: String) -> String {
        let padded = line.count < 36 ? line.padding(toLength: 36, withPad: " ", startingAt: 0) : line + "  "
        return padded + "# " + comment
    }

    // MARK: sessions

    func sessionText(_ session: SessionFinding, keeping sources: [String]) -> String {
        let exam = catalog.exams.first { $0.id == session.exam }
        var lines = [
            "---",
            "exam: \(session.exam)",
            "session: \(session.session.contains("-") ? session.session : "\"\(session.session)\"")",
            "label: \(YAMLText.scalar(session.label))",
            "thresholds:"
        ]
        for standard in exam?.levels ?? [] {
            if let score = session.thresholds[standard.level] {
                lines.append("  \(standard.level.rawValue): \(Self.score(score))")
            } else {
                lines.append(
                    Self.commented(
                        "  \(standard.level.rawValue): \(Self.blank)",
                        "\(ClauseName.chinese(session.clause))没有写\(standard.name)的合格标准:照通知填写分数,通知没有就不要编(见导入报告)"))
            }
        }
        if !sources.isEmpty { lines.append("sources: [\(sources.joined(separator: ", "))]") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }
}
