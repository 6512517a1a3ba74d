import PasslineCore

/// How Chinese official documents write numbers, dates and sentences: the grammar the steps share.
/// Structure, not vocabulary: it is the same in every notice.
enum NoticeGrammar {
    static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    /// Punctuation that only a sentence has: a line with one is not a title, heading or signature.
    static let sentencePunctuation: Set<Character> = ["，", "。", "：", ":", "；", ";", "！", "？", ",", "!", "?"]

    /// `三、…` → ("三", 3).
    static func section(_ line: String) -> (String, Int)? {
        let run = line.prefix { numerals.contains($0) }
        guard !run.isEmpty, line.dropFirst(run.count).first == "、", let value = ChineseNumeral.value(String(run)) else { return nil }
        return (String(run), value)
    }

    /// `(二)…` or `（二）…` → ("二", 2).
    static func item(_ line: String) -> (String, Int)? {
        guard let open = line.first, open == "(" || open == "（" else { return nil }
        let rest = line.dropFirst()
        let run = rest.prefix { numerals.contains($0) }
        guard !run.isEmpty, let close = rest.dropFirst(run.count).first, close == ")" || close == "）",
            let value = ChineseNumeral.value(String(run))
        else { return nil }
        return (String(run), value)
    }

    /// `4.…`, `4．…`, `4、…` (ASCII or full-width digits) → 4.
    static func sub(_ line: String) -> Int? {
        let digits = line.prefix(3).prefix { digit($0) != nil }
        guard (1...2).contains(digits.count), let sep = line.dropFirst(digits.count).first, sep == "." || sep == "．" || sep == "、" else {
            return nil
        }
        return digits.reduce(0) { $0 * 10 + digit($1)! }
    }

    static func numbered(_ line: String) -> Bool { section(line) != nil || item(line) != nil || sub(line) != nil }

    /// The value of an ASCII or full-width digit.
    static func digit(_ c: Character) -> Int? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
        default: return nil
        }
    }

    /// Full-width digits, letters, colon, parentheses and dashes as ASCII, for matching only: the
    /// notice's text keeps what it says.
    static func halfWidth(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar -> Unicode.Scalar in
                    switch scalar.value {
                    case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)!
                    case 0x2014, 0x2013, 0x2212: return "-"
                    default: return scalar
                    }
                }))
    }

    static func hasSentencePunctuation(_ line: String) -> Bool { line.contains { sentencePunctuation.contains($0) } }

    typealias Day = NoticeDay

    /// A whole line that is a day, with nothing else; `nil` otherwise.
    static func dayLine(_ line: String) -> Day? {
        let text = halfWidth(line).filter { $0 != " " }
        guard let (day, rest) = dayPrefix(text), rest.isEmpty else { return nil }
        return day
    }

    /// A day at the start of `text`, and what follows it.
    static func dayPrefix(_ text: String) -> (Day, Substring)? {
        let dayChars: Set<Character> = Set("0123456789〇零一二三四五六七八九十")
        var rest = Substring(text)
        func part(_ mark: Character, _ range: ClosedRange<Int>) -> Int? {
            let run = rest.prefix { dayChars.contains($0) }
            guard !run.isEmpty, rest.dropFirst(run.count).first == mark else { return nil }
            let value = run.allSatisfy(\.isASCII) ? Int(run) : ChineseNumeral.value(String(run))
            guard let value, range.contains(value) else { return nil }
            rest = rest.dropFirst(run.count + 1)
            return value
        }
        guard let year = part("年", 1900...2999), let month = part("月", 1...12), let day = part("日", 1...31) else { return nil }
        return (Day(year: year, month: month, day: day), rest)
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Whether `c` is a Chinese character.
    static func isHan(_ c: Character) -> Bool { c.unicodeScalars.first?.properties.isIdeographic ?? false }
}

/// A day as the notice writes it: `2025年1月15日` or `二〇二五年一月十五日`.
public struct NoticeDay: Sendable, Hashable {
    public var year: Int, month: Int, day: Int
    /// `2025-01-15`.
    public var iso: String { "\(year)-\(NoticeGrammar.pad(month))-\(NoticeGrammar.pad(day))" }
}
