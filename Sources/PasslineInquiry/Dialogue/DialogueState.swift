import PasslineCore

/// What the bot asks for: one slot of the caller's case.
public enum DialogueSlot: String, Sendable, CaseIterable, Codable {
    case exam, session, level, scores, category, county
}

/// Everything the dialogue carries from one turn to the next, explicit so that `--explain` and
/// `/state` can show it: what the caller has said, what the bot asked, the verdict given.
public struct DialogueState: Sendable, Codable {
    /// The caller's case so far, later values replacing earlier ones (a correction changes one slot).
    public var slots = Slots()
    /// The intent answered last, for bare follow-ups (`那2024年上半年呢?`).
    public var lastIntent: String?
    /// The slot the bot asked for last; a terse reply (`是的`, `高级`) fills it.
    public var pending: DialogueSlot?
    /// The headline of the last verdict given, restated when a later fact changes it.
    public var verdict: String?
    /// The script of the conversation: a turn that reads the same in both is answered in it.
    public var script: Script = .simplified

    public init() {}

    /// One line per field, in Chinese labels with the values as they are, for the helpdesk's `/state`.
    public var summary: String {
        var lines: [String] = []
        if let exam = slots.exam { lines.append("考试: \(exam)") }
        if !slots.sessions.isEmpty {
            lines.append(
                "场次: " + slots.sessions.map { "\($0.year)" + ($0.half.map { $0 == 1 ? "上半年" : "下半年" } ?? "") }.joined(separator: "、"))
        }
        if let q = slots.qualification { lines.append("资格: \(q)") }
        if !slots.levels.isEmpty { lines.append("级别: " + slots.levels.map(\.rawValue).joined(separator: "、")) }
        if !slots.scores.isEmpty {
            lines.append("成绩: " + slots.scores.map { ($0.subject ?? "") + Score.text($0.value) }.joined(separator: "、"))
        }
        if let category = slots.category { lines.append("类别: \(category.rawValue)") }
        for place in slots.places { lines.append("地点: \(place.canonical)" + (place.role.map { "(\($0.rawValue))" } ?? "")) }
        lines.append("待问: " + (pending?.rawValue ?? "无"))
        lines.append("上一意图: " + (lastIntent ?? "无"))
        lines.append("结论: " + (verdict ?? "无"))
        lines.append("字体: " + (script == .traditional ? "繁体" : "简体"))
        return lines.joined(separator: "\n")
    }
}
