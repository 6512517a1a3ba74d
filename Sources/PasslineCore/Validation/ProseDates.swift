import Foundation

/// Reads instants as the notice writes them: `2025年1月22日9:00至2月28日17:00` (the year carries over).
///
/// The meaning is the regex `(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日\s*([0-9]{1,2})[:：]([0-9]{2})`,
/// applied left to right (`matches(of:)`). Plain text (`PlainText`, all notices) is read by a byte
/// scanner that tries the same alternatives in the same order as the regex engine; other text still goes
/// through the regex, built per call since a `Regex` cannot be shared between threads.
enum ProseDates {
    static func instants(in text: String) -> [Date] {
        var year: Int?
        var found: [Date] = []
        for stated in statements(in: text) {
            if let y = stated.year { year = y }
            guard let year else { continue }
            if let date = Instant.beijing(year: year, month: stated.month, day: stated.day, hour: stated.hour, minute: stated.minute) {
                found.append(date)
            }
        }
        return found
    }

    /// One match: the numbers as written, the year only when this match states it.
    struct Stated: Equatable {
        var year: Int?
        var month: Int
        var day: Int
        var hour: Int
        var minute: Int
    }

    /// Every match, left to right.
    static func statements(in text: String) -> [Stated] {
        guard PlainText.isPlain(text) else { return matchedByRegex(text) }
        if let found = text.utf8.withContiguousStorageIfAvailable({ scan($0) }) { return found }
        return Array(text.utf8).withUnsafeBufferPointer { scan($0) }
    }

    /// The regex itself, for text that is not plain.
    static func matchedByRegex(_ text: String) -> [Stated] {
        let pattern = #/(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日\s*([0-9]{1,2})[:：]([0-9]{2})/#
        return text.matches(of: pattern).compactMap { m in
            guard let month = Int(m.2), let day = Int(m.3), let hour = Int(m.4), let minute = Int(m.5) else { return nil }
            return Stated(year: m.1.flatMap { Int($0) }, month: month, day: day, hour: hour, minute: minute)
        }
    }

    private static let yearMark = Array("年".utf8), monthMark = Array("月".utf8), dayMark = Array("日".utf8)
    private static let fullColon = Array("：".utf8), ideographicSpace = Array("\u{3000}".utf8)

    /// The scanner over plain text's bytes. A match can only start at an ASCII digit; at each one it
    /// tries the year first, then without it, and inside `months` the longer digit runs first, which
    /// is the order in which the regex backtracks, so it finds the same matches.
    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> [Stated] {
        var found: [Stated] = []
        var i = 0
        while i < b.count {
            guard b[i] >= 0x30 && b[i] <= 0x39 else {
                i += 1
                continue
            }
            if let year = number(b, i, 4), let p = mark(b, i + 4, yearMark), let rest = fromMonth(b, p) {
                found.append(Stated(year: year, month: rest.month, day: rest.day, hour: rest.hour, minute: rest.minute))
                i = rest.end
            } else if let rest = fromMonth(b, i) {
                found.append(Stated(year: nil, month: rest.month, day: rest.day, hour: rest.hour, minute: rest.minute))
                i = rest.end
            } else {
                i += 1
            }
        }
        return found
    }

    /// `([0-9]{1,2})月([0-9]{1,2})日\s*([0-9]{1,2})[:：]([0-9]{2})` at `p`, and where the match ends.
    private static func fromMonth(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> (month: Int, day: Int, hour: Int, minute: Int, end: Int)? {
        for monthDigits in [2, 1] {
            guard let month = number(b, p, monthDigits), let q = mark(b, p + monthDigits, monthMark) else { continue }
            for dayDigits in [2, 1] {
                guard let day = number(b, q, dayDigits), var r = mark(b, q + dayDigits, dayMark) else { continue }
                // `\s*` is greedy, and giving spaces back never helps: a digit must follow.
                while let next = space(b, r) { r = next }
                for hourDigits in [2, 1] {
                    guard let hour = number(b, r, hourDigits) else { continue }
                    let colon = r + hourDigits
                    guard let t = colon < b.count && b[colon] == 0x3A ? colon + 1 : mark(b, colon, fullColon),
                          let minute = number(b, t, 2) else { continue }
                    return (month, day, hour, minute, t + 2)
                }
            }
        }
        return nil
    }

    /// Exactly `count` ASCII digits at `p`, as a number.
    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ p: Int, _ count: Int) -> Int? {
        guard p + count <= b.count else { return nil }
        var value = 0
        for k in p..<(p + count) {
            guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }
            value = value * 10 + Int(b[k] - 0x30)
        }
        return value
    }

    /// The offset after `bytes` if they are at `p`.
    static func mark(_ b: UnsafeBufferPointer<UInt8>, _ p: Int, _ bytes: [UInt8]) -> Int? {
        guard p + bytes.count <= b.count else { return nil }
        for k in 0..<bytes.count where b[p + k] != bytes[k] { return nil }
        return p + bytes.count
    }

    /// The offset after a `\s` at `p`. In plain text those are tab, LF, VT, FF, space and U+3000.
    static func space(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> Int? {
        guard p < b.count else { return nil }
        if b[p] == 0x20 || (b[p] >= 0x09 && b[p] <= 0x0C) { return p + 1 }
        return mark(b, p, ideographicSpace)
    }
}
