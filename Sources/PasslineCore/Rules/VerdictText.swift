/// A verdict as a helpdesk agent reads it out: the outcome, the reasons, the clauses.
public struct VerdictText: Sendable {
    public let book: RuleBook
    public init(book: RuleBook) { self.book = book }

    public static let statusNames: [Status: String] = [
        .invalidInput: "输入有误", .notCovered: "不在本次补申领范围", .nationalPass: "已达到全国合格标准",
        .belowThreshold: "未达到单独划线合格标准", .notInArea: "不符合申领条件(地区)", .eligible: "符合申领条件"
    ]

    public func render(_ verdict: Verdict) -> String {
        var lines = ["结论:\(VerdictText.statusNames[verdict.status] ?? verdict.status.rawValue)"]
        lines += verdict.reasons.map { "· " + $0 }
        if !verdict.clauses.isEmpty, let id = verdict.notice, let notice = book.notice(id) {
            lines.append("依据:《\(notice.title)》(\(notice.date))第 \(verdict.clauses.joined(separator: "、")) 条")
        } else if let id = verdict.notice, let notice = book.notice(id), notice.kind == .summary {
            // A round whose text is not at hand: name it and where it was read, never a clause number.
            lines.append("依据:《\(notice.title)》(\(notice.date),本站只有摘要;来源 \(notice.sourceURL))")
        }
        return lines.joined(separator: "\n")
    }
}
