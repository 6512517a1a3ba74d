import Foundation

/// How far a shown fact can be trusted, from the sources it rests on: a fact is as strong as its
/// weakest source. Readers see the level in the words of Content/messages.md (`confidence.strong`,
/// `confidence.medium`, `confidence.weak`): one vocabulary for every page, the calculator and rules.json.
extension RuleBook {
    /// The weakest confidence among the sources `ids` names; nil when it names none that is known.
    public func weakestConfidence(_ ids: [String]) -> Source.Confidence? {
        let levels = ids.compactMap { source($0)?.confidence }
        if levels.contains(.weak) { return .weak }
        if levels.contains(.medium) { return .medium }
        return levels.isEmpty ? nil : .strong
    }

    /// The confidence of an exam's full marks, when its file names their sources (`full_marks_sources`).
    public func fullMarksConfidence(_ exam: Exam) -> Source.Confidence? { exam.fullMarksSources.flatMap(weakestConfidence) }

    /// The reader's word for a confidence level (messages.md), or nil if the content has none.
    public func confidenceWord(_ confidence: Source.Confidence) -> String? {
        messages["confidence.\(confidence.rawValue)"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    }

    /// `(弱来源,仅供参考)` after a fact that rests on a medium or weak source; empty for a strong one.
    public func mark(_ confidence: Source.Confidence?) -> String {
        guard let confidence, confidence != .strong, let word = confidenceWord(confidence) else { return "" }
        return "(\(word))"
    }
}
