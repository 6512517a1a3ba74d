import Foundation

/// Reads the scores in a sentence: `41和50分`, `40 42`, `综合知识42,案例分析39,论文45`, `两科都是41`.
/// Numbers that are years, dates, times, counts or totals are not scores.
public struct ScoreReader: Sendable {
    public struct Result: Sendable, Hashable {
        public var scores: [ScoreMention] = []
        public var uniform = false
        public var ranges: [Range<Int>] = []
    }

    let subjects: [Lexicon.Entry<String>]

    public init(subjects: [Lexicon.Entry<String>]) { self.subjects = subjects }

    /// Characters after a number that make it something other than a score.
    static let notScoreAfter: Set<Character> = [
        "年", "月", "日", "号", "点", "时", ":", "岁", "个", "次", "天", "科", "门", "%", "倍", "级", "万", "千", "元", "块", "人", "页", "小", "周", "期", "届",
        "轮", "名", "位", "条", "秒", "-"
    ]
    /// Words before a number that make it something other than one subject's score.
    static let notScoreBefore = ["第", "总分", "总成绩", "平均", "合计", "一共", "加起来", "共", "满分", "及格", "合格", "线", "标准", "电话", "-", ":", "前", "后"]
    /// Words before a score saying it is every subject's score.
    static let uniformWords = ["都是", "都考了", "都考", "都", "均为", "均是", "均", "每科", "各科", "全部", "每门", "各门"]

    /// Built once per process (see `SessionReader.numeric`).
    nonisolated(unsafe) static let number = #/([0-9]+)(?:\.([0-9]+))?/#

    /// - Parameter excluded: character ranges already read as something else (sessions, places).
    public func read(_ text: String, excluded: [Range<Int>]) -> Result {
        let characters = Array(text)
        var result = Result()
        // Digit runs are matched whole (the match is greedy and starts at a run's first digit).
        let hasDigits = text.utf8.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        for match in hasDigits ? text.matches(of: Self.number) : [] {
            let start = text.distance(from: text.startIndex, to: match.range.lowerBound)
            let end = start + match.0.count
            guard match.1.count <= 3, (match.2?.count ?? 0) <= 2, !excluded.contains(where: { $0.overlaps(start..<end) }),
                let value = Double(match.0)
            else { continue }
            let after = end < characters.count ? characters[end] : nil
            if let after, Self.notScoreAfter.contains(after) {
                // `分钟` is time, `分` alone is a score.
                continue
            }
            if after == "分", end + 1 < characters.count, characters[end + 1] == "钟" { continue }
            let before = String(characters[max(0, start - 4)..<start])
            if Self.notScoreBefore.contains(where: { before.hasSuffix($0) }) { continue }
            // A word just before the number may say whose score it is.
            let subject = subjectBefore(characters, start: start)
            if Self.uniformWords.contains(where: { before.hasSuffix($0) || before.dropLast().hasSuffix($0) }) { result.uniform = true }
            result.scores.append(ScoreMention(value: value, subject: subject))
            result.ranges.append(start..<end)
        }
        return result
    }

    /// The subject named right before a score (`案例分析39`, `论文是45`, `综合知识:42`).
    func subjectBefore(_ characters: [Character], start: Int) -> String? {
        let window = String(characters[max(0, start - 12)..<start])
        var trimmed = Substring(window)
        for filler in [":", "是", "考了", "考", "得了", "得", "为", "有", " ", "分数", "成绩"] {
            if trimmed.hasSuffix(filler) { trimmed = trimmed.dropLast(filler.count) }
        }
        for entry in subjects where trimmed.hasSuffix(entry.word) { return entry.value }
        return nil
    }
}
