import Foundation

/// Reads instants as the notice writes them: `2025年1月22日9:00至2月28日17:00` (the year carries over),
/// `2月2日9时至3月6日17时30分`, `2月9日上午9:00至3月13日下午5:00` (下午 and 晚上 add twelve hours).
///
/// The meaning is the regex
/// `(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日\s*(?:(上午|下午|晚上)\s*)?([0-9]{1,2})(?:[:：]([0-9]{2})|时(?:([0-9]{1,2})分)?)`,
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

    /// One match: the numbers as written (the hour on the 24-hour clock), the year only when this
    /// match states it.
    struct Stated: Equatable {
        var year: Int?
        var month: Int
        var day: Int
        var hour: Int
        var minute: Int
    }

    /// The hour on the 24-hour clock: 下午5 and 晚上8 are 17 and 20.
    static func hour(_ hour: Int, afternoon: Bool) -> Int { afternoon && hour < 12 ? hour + 12 : hour }

    /// Every match, left to right.
    static func statements(in text: String) -> [Stated] {
        guard PlainText.isPlain(text) else { return matchedByRegex(text) }
        if let found = text.utf8.withContiguousStorageIfAvailable({ scan($0) }) { return found }
        return Array(text.utf8).withUnsafeBufferPointer { scan($0) }
    }

    /// The regex itself, for text that is not plain.
    static func matchedByRegex(_ text: String) -> [Stated] {
        let pattern = #/(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日\s*(?:(上午|下午|晚上)\s*)?([0-9]{1,2})(?:[:：]([0-9]{2})|时(?:([0-9]{1,2})分)?)/#
        return text.matches(of: pattern).compactMap { m in
            guard let month = Int(m.2), let day = Int(m.3), let hour = Int(m.5), let minute = Int(m.6 ?? m.7 ?? "0") else { return nil }
            let afternoon = m.4 == "下午" || m.4 == "晚上"
            return Stated(
                year: m.1.flatMap { Int($0) }, month: month, day: day, hour: Self.hour(hour, afternoon: afternoon), minute: minute)
        }
    }

    private static let yearMark = Array("年".utf8), monthMark = Array("月".utf8), dayMark = Array("日".utf8)
    private static let fullColon = Array("：".utf8), ideographicSpace = Array("\u{3000}".utf8)
    private static let hourMark = Array("时".utf8), minuteMark = Array("分".utf8)
    private static let morning = Array("上午".utf8), afternoon = Array("下午".utf8), evening = Array("晚上".utf8)

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

    /// The regex from `月` on, at `p`, and where the match ends.
    private static func fromMonth(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> (month: Int, day: Int, hour: Int, minute: Int, end: Int)? {
        for monthDigits in [2, 1] {
            guard let month = number(b, p, monthDigits), let q = mark(b, p + monthDigits, monthMark) else { continue }
            for dayDigits in [2, 1] {
                guard let day = number(b, q, dayDigits), var r = mark(b, q + dayDigits, dayMark) else { continue }
                // `\s*` is greedy, and giving spaces back never helps: a digit or 上午/下午/晚上 must follow.
                while let next = space(b, r) { r = next }
                // `(?:(上午|下午|晚上)\s*)?` is tried first; without it the match is tried at r itself.
                if let found = meridiem(b, r), let time = time(b, found.end) {
                    return (month, day, hour(time.hour, afternoon: found.afternoon), time.minute, time.end)
                }
                if let time = time(b, r) { return (month, day, time.hour, time.minute, time.end) }
            }
        }
        return nil
    }

    /// `(上午|下午|晚上)\s*` at `p`: whether it is afternoon, and where the spaces after it end.
    private static func meridiem(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> (afternoon: Bool, end: Int)? {
        if var end = mark(b, p, morning) {
            while let next = space(b, end) { end = next }
            return (false, end)
        }
        guard var end = mark(b, p, afternoon) ?? mark(b, p, evening) else { return nil }
        while let next = space(b, end) { end = next }
        return (true, end)
    }

    /// `([0-9]{1,2})(?:[:：]([0-9]{2})|时(?:([0-9]{1,2})分)?)` at `p`, trying the alternatives in the
    /// regex's order: two hour digits before one, the colon before 时, minutes after 时 before none.
    private static func time(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> (hour: Int, minute: Int, end: Int)? {
        for hourDigits in [2, 1] {
            guard let hour = number(b, p, hourDigits) else { continue }
            let after = p + hourDigits
            if let t = after < b.count && b[after] == 0x3A ? after + 1 : mark(b, after, fullColon), let minute = number(b, t, 2) {
                return (hour, minute, t + 2)
            }
            if let t = mark(b, after, hourMark) {
                for minuteDigits in [2, 1] {
                    if let minute = number(b, t, minuteDigits), let end = mark(b, t + minuteDigits, minuteMark) {
                        return (hour, minute, end)
                    }
                }
                return (hour, 0, t)
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
