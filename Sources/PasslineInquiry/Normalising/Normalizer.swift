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
///
/// Questions and content's own words (vocabulary, phrasings, place names: thousands of them, read at
/// every start) go through the same steps, so both must be cheap: no regular expression, no Foundation
/// string search, and OpenCC only for text that has characters it could change.
public struct Normalizer: Sendable {
    /// Misspelling → intended word (as UTF-8), longest first so a longer correction wins.
    let corrections: [(wrong: [UInt8], right: [UInt8])]
    /// The first scalar of every misspelling: text holding none of them has nothing to correct (most
    /// of content's words), so it skips the replacement passes.
    let correctionStarts: Set<UInt32>
    /// `compact` results for content's words; questions are never stored, so it stays small.
    private let compactForms = TextCache()

    let questions: QuestionFinder

    public init(vocabulary: InquiryVocabulary) {
        questions = QuestionFinder(markers: vocabulary.lists[WordList.questionMarkers.rawValue] ?? [])
        corrections = vocabulary.corrections.sorted { ($0.key.count, $0.key) > ($1.key.count, $1.key) }
            .filter { !$0.key.isEmpty }
            .map { (Array($0.key.utf8), Array($0.value.utf8)) }
        correctionStarts = Set(vocabulary.corrections.keys.compactMap { $0.unicodeScalars.first?.value })
    }

    public func normalize(_ input: String) -> NormalizedQuestion {
        let whole = InputSanitizer.clean(input, bounded: false)
        let cleaned = questions.focus(whole, limit: InputSanitizer.maximumCharacters)
        let reading = Script.read(cleaned)
        let spaced = fold(reading.simplified)
        return NormalizedQuestion(original: cleaned, script: reading.script, spaced: spaced, compact: Self.withoutSpaces(spaced))
    }

    /// `normalize(word).compact` without deciding the script: how content's words are prepared once,
    /// at start-up. Only the Simplified dictionary is needed, and only for non-ASCII words.
    /// Content repeats words (a FAQ phrasing is read by the classifier and by the lexicon), so each
    /// distinct word is normalised once per normaliser.
    public func compact(_ word: String) -> String {
        if let known = compactForms.value(for: word) { return known }
        let form = Self.withoutSpaces(fold(Script.simplified(InputSanitizer.clean(word))))
        compactForms.store(form, for: word)
        return form
    }

    /// The steps after script conversion: half-width, lower case, numerals, corrections, spacing.
    func fold(_ simplified: String) -> String {
        var text = Self.halfWidth(simplified).lowercased()
        text = ChineseNumerals.convert(text)
        if !corrections.isEmpty, text.unicodeScalars.contains(where: { correctionStarts.contains($0.value) }) {
            var bytes = Array(text.utf8)
            for (wrong, right) in corrections { Self.replace(wrong, with: right, in: &bytes) }
            text = String(decoding: bytes, as: UTF8.self)
        }
        // Spaces collapsed; text without a space (nearly every content word) is left as it is.
        guard text.utf8.contains(UInt8(ascii: " ")) else { return text }
        let spaced = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        // Numbers apart only by a space ("40 42") stay apart once spaces are gone.
        return Self.commaBetweenSpacedDigits(spaced)
    }

    /// Every occurrence of `wrong` replaced, scanning left to right without overlaps (as
    /// `replacingOccurrences` does). UTF-8 of whole characters only ever matches at character starts.
    static func replace(_ wrong: [UInt8], with right: [UInt8], in bytes: inout [UInt8]) {
        guard !wrong.isEmpty, bytes.count >= wrong.count, let first = wrong.first else { return }
        var result: [UInt8] = []
        var i = 0
        var changed = false
        let last = bytes.count - wrong.count
        while i < bytes.count {
            if i <= last, bytes[i] == first, bytes[i..<(i + wrong.count)].elementsEqual(wrong) {
                if !changed {
                    result.reserveCapacity(bytes.count + 16)
                    result.append(contentsOf: bytes[0..<i])
                    changed = true
                }
                result.append(contentsOf: right)
                i += wrong.count
            } else {
                if changed { result.append(bytes[i]) }
                i += 1
            }
        }
        if changed { bytes = result }
    }

    /// `4 2` → `4,2`: a digit, one space, a digit; matches do not overlap (`1 2 3` → `1,2 3`).
    static func commaBetweenSpacedDigits(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: " ")) else { return text }
        let characters = Array(text)
        var output = ""
        var i = 0
        while i < characters.count {
            if i + 2 < characters.count, isDigit(characters[i]), characters[i + 1] == " ", isDigit(characters[i + 2]) {
                output.append(characters[i])
                output.append(",")
                output.append(characters[i + 2])
                i += 3
            } else {
                output.append(characters[i])
                i += 1
            }
        }
        return output
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && ("0"..."9").contains(c) }

    static func withoutSpaces(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: " ")) ? String(text.filter { $0 != " " }) : text
    }

    /// Full-width letters, digits and punctuation as their ASCII forms (NFKC), and the Chinese
    /// punctuation NFKC leaves alone mapped to the ASCII a pattern writer would type.
    ///
    /// Text made only of ASCII, CJK ideographs, full-width forms and that punctuation (nearly every
    /// question) is mapped scalar by scalar, with the same result as NFKC; anything else goes through
    /// Foundation's NFKC.
    public static func halfWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 || (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) {
                scalars.append(scalar)
            } else if (0xFF01...0xFF5E).contains(value), let narrow = Unicode.Scalar(value - 0xFEE0) {
                // NFKC maps the full-width forms of ASCII to ASCII, one to one.
                scalars.append(narrow)
            } else if value == 0x3000 {
                scalars.append(" ")
            } else if let narrow = punctuationMap[scalar] {
                scalars.append(contentsOf: narrow.unicodeScalars)
            } else {
                return halfWidthByNFKC(text)
            }
        }
        return String(scalars)
    }

    /// The general path: Foundation's NFKC, then the punctuation table.
    static func halfWidthByNFKC(_ text: String) -> String {
        var result = text.precomposedStringWithCompatibilityMapping
        for (wide, narrow) in punctuation where result.contains(wide) {
            result = result.replacingOccurrences(of: wide, with: narrow)
        }
        return result
    }

    static let punctuation: [(String, String)] = [
        ("。", "."), ("、", ","), ("“", "\""), ("”", "\""), ("‘", "'"), ("’", "'"), ("《", "<"), ("》", ">"),
        ("【", "["), ("】", "]"), ("〔", "["), ("〕", "]"), ("…", "..."), ("—", "-"), ("~", "~"), ("·", " ")
    ]

    /// The same table by scalar (every key is one scalar that NFKC leaves alone or maps the same way).
    static let punctuationMap: [Unicode.Scalar: String] = Dictionary(
        punctuation.compactMap { pair in pair.0.unicodeScalars.count == 1 ? (pair.0.unicodeScalars.first!, pair.1) : nil },
        uniquingKeysWith: { first, _ in first })
}
