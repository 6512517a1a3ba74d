import PasslineCore

/// Rewrites Chinese numerals as Arabic ones where they are numbers: `四十二分` → `42分`,
/// `二〇二三年` → `2023年`, `四十一和五十` → `41和50`, while `第一类`, `两科` and `十分` (very) stay.
public enum ChineseNumerals {
    static let digits = ChineseNumeral.digits
    /// 千 is left out: callers do not say scores or years that way, and 千 also means "be sure to".
    static let units: [Character: Int] = ["十": 10, "百": 100]
    /// Characters after which a lone numeral is a number (`五分`, `二月`, `三号`).
    static let unitsAfter: Set<Character> = ["分", "年", "月", "日", "号"]

    /// Every numeral as a scalar, to see at a glance that a text has none (most of content's words).
    static let numeralScalars: Set<Unicode.Scalar> = Set((Array(digits.keys) + Array(units.keys)).flatMap(\.unicodeScalars))

    public static func convert(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: numeralScalars.contains) else { return text }
        let characters = Array(text)
        var output = ""
        var index = 0
        while index < characters.count {
            guard isNumeral(characters[index]) else {
                output.append(characters[index])
                index += 1
                continue
            }
            var end = index
            while end < characters.count && isNumeral(characters[end]) { end += 1 }
            let run = Array(characters[index..<end])
            let next: Character? = end < characters.count ? characters[end] : nil
            if shouldConvert(run, next: next), let value = value(of: run) {
                output += value
            } else {
                output += String(run)
            }
            index = end
        }
        return output
    }

    static func isNumeral(_ c: Character) -> Bool { digits[c] != nil || units[c] != nil }

    static func shouldConvert(_ run: [Character], next: Character?) -> Bool {
        if run == ["十"] { return false }
        let hasUnit = run.contains { units[$0] != nil }
        if hasUnit { return run.count >= 2 || next.map(unitsAfter.contains) == true }
        if run.contains("两") && run.count == 1 { return false }
        if run.count == 4 { return true }
        return next.map(unitsAfter.contains) == true
    }

    /// The Arabic form: positional for digit strings (`二〇二三` → `2023`), arithmetic with 十/百.
    static func value(of run: [Character]) -> String? {
        guard let value = ChineseNumeral.value(String(run)), value <= 1000 || !run.contains(where: { units[$0] != nil }) else { return nil }
        return String(value)
    }
}
