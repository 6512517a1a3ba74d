import ChineseScript
import Foundation
import PasslineCore

/// A question made comparable with content: the script it came in, and the text in Simplified,
/// half-width, lower-case, with Arabic numerals and known misspellings corrected.
public struct NormalizedQuestion: Sendable, Hashable {
    /// The question as cleaned (bounded, no markup or control characters), in the caller's script.
    public var original: String
    public var script: Script
    /// Normalised, single spaces kept (they separate numbers such as "41 50").
    public var spaced: String
    /// Normalised without spaces: what patterns and phrasings are matched against.
    public var compact: String

    public var isEmpty: Bool { compact.isEmpty }
}

/// Runs the normalisers in order; each is a separate, tested step.
public struct Normalizer: Sendable {
    /// Misspelling → intended word, longest first so a longer correction wins.
    let corrections: [(String, String)]

    public init(vocabulary: InquiryVocabulary) {
        corrections = vocabulary.corrections.sorted { ($0.key.count, $0.key) > ($1.key.count, $1.key) }.map { ($0.key, $0.value) }
    }

    public func normalize(_ input: String) -> NormalizedQuestion {
        let cleaned = InputSanitizer.clean(input)
        let script = Script.detect(cleaned)
        var text = ScriptConverter.simplified?.convert(cleaned) ?? cleaned
        text = Self.halfWidth(text).lowercased()
        text = ChineseNumerals.convert(text)
        for (wrong, right) in corrections where text.contains(wrong) {
            text = text.replacingOccurrences(of: wrong, with: right)
        }
        var spaced = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        // Numbers apart only by a space ("40 42") stay apart once spaces are gone.
        spaced = spaced.replacing(#/([0-9]) ([0-9])/#) { "\($0.1),\($0.2)" }
        return NormalizedQuestion(original: cleaned, script: script, spaced: spaced, compact: spaced.replacingOccurrences(of: " ", with: ""))
    }

    /// Full-width letters, digits and punctuation as their ASCII forms (NFKC), and the Chinese
    /// punctuation NFKC leaves alone mapped to the ASCII a pattern writer would type.
    public static func halfWidth(_ text: String) -> String {
        var result = text.precomposedStringWithCompatibilityMapping
        for (wide, narrow) in punctuation where result.contains(wide) {
            result = result.replacingOccurrences(of: wide, with: narrow)
        }
        return result
    }

    static let punctuation: [(String, String)] = [
        ("。", "."), ("、", ","), ("“", "\""), ("”", "\""), ("‘", "'"), ("’", "'"), ("《", "<"), ("》", ">"),
        ("【", "["), ("】", "]"), ("〔", "["), ("〕", "]"), ("…", "..."), ("—", "-"), ("~", "~"), ("·", " "),
    ]
}
