import Foundation

/// Makes any input safe to read: invalid UTF-8 repaired, markup and control characters removed,
/// whitespace collapsed, and the length bounded so that no question can make an answer slow.
public enum InputSanitizer {
    /// Characters of a question the bot reads; a real question is far shorter, and a bound keeps every
    /// later step (regular expressions, similarity) fast whatever is pasted.
    public static let maximumCharacters = 240
    /// How much of a huge line is looked at before markup is removed.
    static let scanLimit = 8_000

    /// Bytes as read from stdin: invalid sequences become U+FFFD, which `clean` then drops.
    public static func decode(_ bytes: some Sequence<UInt8>) -> String {
        String(decoding: Array(bytes.prefix(scanLimit * 4)), as: UTF8.self)
    }

    /// - Parameter bounded: cut to `maximumCharacters`; the normaliser passes `false` and picks the
    ///   question sentences of a long message itself (`QuestionFinder`).
    public static func clean(_ input: String, bounded: Bool = true) -> String {
        // A byte count within the limit means a scalar count within it: only longer input is cut.
        var text = input.utf8.count <= scanLimit ? input : String(String.UnicodeScalarView(input.unicodeScalars.prefix(scanLimit)))
        if text.utf8.contains(UInt8(ascii: "<")) {
            // Script and style bodies are code, not words of the question.
            text = text.replacing(#/(?is)<(script|style)\b[^>]{0,300}>.{0,2000}?</\1\s*>/#, with: " ")
            text = text.replacing(#/<[^<>]{0,300}>/#, with: " ")
        }
        if text.utf8.contains(UInt8(ascii: "&")) { text = decodeEntities(text) }
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let isSpace = scalar.properties.isWhitespace || isDropped(scalar)
            if isSpace {
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
            } else {
                scalars.append(scalar)
                lastWasSpace = false
            }
        }
        // Every whitespace scalar is now a single " ", never the first: trimming is dropping a last one.
        if scalars.last == " " { scalars.removeLast() }
        let collapsed = String(scalars)
        return !bounded || collapsed.utf8.count <= maximumCharacters ? collapsed : String(collapsed.prefix(maximumCharacters))
    }

    /// Control and format characters, the replacement character and private-use code points carry no
    /// meaning for a question.
    private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .surrogate, .unassigned: return true
        default: return scalar == "\u{FFFD}"
        }
    }

    private static let entities: [String: String] = [
        "&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": "\"", "&#39;": "'", "&apos;": "'"
    ]

    private static func decodeEntities(_ text: String) -> String {
        var result = text
        for (entity, value) in entities { result = result.replacingOccurrences(of: entity, with: value) }
        return result.replacing(#/&#([0-9]{1,6});/#) { match in
            guard let code = UInt32(match.1), let scalar = Unicode.Scalar(code) else { return " " }
            return String(Character(scalar))
        }
    }
}
