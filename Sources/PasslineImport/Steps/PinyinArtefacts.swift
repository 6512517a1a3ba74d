/// Step 3: pinyin that converters leave after characters they were unsure of, removed: `据(jù)` → `据`.
///
/// An artefact is a parenthesised run of pinyin letters with at least one tone mark, right after a
/// Chinese character. The tone mark is what tells it from text: official notices put no Latin letters in
/// parentheses, and a tone-marked syllable is never anything but pinyin.
public enum PinyinArtefacts {
    public struct Result: Sendable, Hashable {
        public var lines: [String]
        /// Each removal as written, e.g. `据(jù)`, in order.
        public var removed: [String]
    }

    static let toned: Set<Character> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ")
    static let letters: Set<Character> = Set("abcdefghijklmnopqrstuvwxyzü").union(toned)

    public static func strip(_ lines: [String]) -> Result {
        var removed: [String] = []
        let cleaned = lines.map { strip(line: $0, removed: &removed) }
        return Result(lines: cleaned, removed: removed)
    }

    static func strip(line: String, removed: inout [String]) -> String {
        let chars = Array(line)
        var out = ""
        var i = 0
        while i < chars.count {
            if i > 0, isHan(chars[i - 1]), chars[i] == "(" || chars[i] == "\u{FF08}" {
                let close: Character = chars[i] == "(" ? ")" : "\u{FF09}"
                var j = i + 1
                while j < chars.count, letters.contains(chars[j]) { j += 1 }
                let syllable = chars[(i + 1)..<j]
                if j < chars.count, chars[j] == close, (1...7).contains(syllable.count), syllable.contains(where: toned.contains) {
                    removed.append(String(chars[i - 1]) + String(chars[i...j]))
                    i = j + 1
                    continue
                }
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    static func isHan(_ c: Character) -> Bool {
        c.unicodeScalars.first.map { $0.properties.isIdeographic } ?? false
    }
}
