import ChineseScript

/// The script a question is written in; the answer is given in the same one.
public enum Script: String, Codable, Sendable {
    case simplified, traditional

    /// Decides by counting characters that only one direction of conversion changes, so that a
    /// Simplified question with one odd character stays Simplified.
    public static func detect(_ text: String) -> Script {
        guard let toSimplified = ScriptConverter.simplified, let toTraditional = ScriptConverter.traditional else { return .simplified }
        let original = Array(text)
        let traditionalMarks = differences(original, Array(toSimplified.convert(text)))
        guard traditionalMarks > 0 else { return .simplified }
        let simplifiedMarks = differences(original, Array(toTraditional.convert(text)))
        return traditionalMarks > simplifiedMarks ? .traditional : .simplified
    }

    private static func differences(_ a: [Character], _ b: [Character]) -> Int {
        guard a.count == b.count else { return abs(a.count - b.count) + 1 }
        return zip(a, b).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
    }

    /// Text in this script: Simplified content converted with OpenCC when the caller wrote Traditional.
    public func render(_ simplified: String) -> String {
        switch self {
        case .simplified: simplified
        case .traditional: ScriptConverter.traditional?.convert(simplified) ?? simplified
        }
    }
}
