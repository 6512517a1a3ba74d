/// Reads the clause numbers that open a notice's blocks (`三、`, `(二)`, `4.`) by scanning
/// characters, not with regex literals: a `#/…/#` literal is parsed and compiled again each time it is
/// evaluated (~35 µs), and the clause parser asks three times per block of every notice.
enum ClauseNumber {
    static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// `三、…` → "三".
    static func section(_ text: String) -> Substring? {
        let run = text.prefix { numerals.contains($0) }
        guard !run.isEmpty, text[run.endIndex...].first == "、" else { return nil }
        return run
    }

    /// `(二)…` or `（二）…` → "二".
    static func item(_ text: String) -> Substring? {
        guard let open = text.first, open == "(" || open == "（" else { return nil }
        let rest = text.dropFirst()
        let run = rest.prefix { numerals.contains($0) }
        guard !run.isEmpty, let close = rest[run.endIndex...].first, close == ")" || close == "）" else { return nil }
        return run
    }

    /// `4.…`, `4．…`, `4、…` → 4 (one or two ASCII digits).
    static func sub(_ text: String) -> Int? {
        let digits = text.prefix(3).prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), let sep = text.dropFirst(digits.count).first, sep == "." || sep == "．" || sep == "、" else {
            return nil
        }
        return Int(digits)
    }
}
