import ChineseScript

/// The script a question is written in; the answer is given in the same one.
public enum Script: String, Codable, Sendable {
    case simplified, traditional

    /// Decides by counting characters that only one direction of conversion changes, so that a
    /// Simplified question with one odd character stays Simplified.
    public static func detect(_ text: String) -> Script { read(text).script }

    /// The script of `text` and the text in Simplified.
    ///
    /// Only the small Traditional → Simplified dictionary is opened for a question in Simplified; the
    /// large Simplified → Traditional one (about 1 MB, most of a cold start) is opened only when the
    /// first conversion changed something, that is, when the question may be Traditional. Text without
    /// any non-ASCII character is left as it is: OpenCC changes only Chinese characters.
    static func read(_ text: String) -> (script: Script, simplified: String) {
        let simplified = simplified(text)
        guard simplified != text else { return (.simplified, simplified) }
        let original = Array(text)
        let traditionalMarks = differences(original, Array(simplified))
        guard traditionalMarks > 0, let toTraditional = ScriptConverter.traditional else { return (.simplified, simplified) }
        let simplifiedMarks = differences(original, Array(toTraditional.convert(text)))
        return (traditionalMarks > simplifiedMarks ? .traditional : .simplified, simplified)
    }

    /// Whether `text` reads the same in both scripts (`西藏`, `2023年`): then the conversation's
    /// script decides the answer's. Opens the Simplified → Traditional dictionary, so only asked
    /// once a conversation is in Traditional.
    static func isNeutral(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return true }
        guard simplified(text) == text, let toTraditional = ScriptConverter.traditional else { return false }
        return toTraditional.convert(text) == text
    }

    /// Opens the Traditional → Simplified converter now (`InquiryBot.prepare`); `true` when it opened.
    @discardableResult static func prepare() -> Bool { ScriptConverter.simplified != nil }

    /// `text` converted to Simplified; unchanged when it is ASCII or OpenCC's data is missing.
    static func simplified(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }), let toSimplified = ScriptConverter.simplified else { return text }
        return toSimplified.convert(text)
    }

    private static func differences(_ a: [Character], _ b: [Character]) -> Int {
        guard a.count == b.count else { return abs(a.count - b.count) + 1 }
        return zip(a, b).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
    }

    /// Text in this script: Simplified content converted when the caller wrote Traditional, the way the
    /// site's zh-Hant pages are (`traditional` holds the content's own forms, Content/traditional.md).
    public func render(_ simplified: String, with traditional: TraditionalText) -> String {
        switch self {
        case .simplified: simplified
        case .traditional: traditional.convert(simplified)
        }
    }

    /// The same without content's forms (OpenCC alone).
    public func render(_ simplified: String) -> String { render(simplified, with: Self.plain) }

    private static let plain = TraditionalText()
}
