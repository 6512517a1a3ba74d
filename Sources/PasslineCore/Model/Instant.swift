import Foundation

/// Parsing and formatting of instants the way the notice states them: Beijing time, to the minute.
public enum Instant {
    /// The notice's time zone. Windows are compared as absolute instants; this zone is only for display
    /// and for reading dates written without an offset.
    public static let beijing = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    /// Parses ISO 8601 with an explicit offset (`+08:00`, `Z`), with or without seconds. ASCII digits
    /// only (full-width digits are the bot's to normalise). Years before 1583 are refused: Foundation
    /// would read them in the Julian calendar, and the site's calculator (eligibility.js, which must agree
    /// with the engine) only knows the Gregorian one; offsets beyond ±18:00 are refused as Foundation does.
    /// Scans bytes and computes the instant arithmetically: no regex (re-compiled on every evaluation)
    /// and no Calendar per call, since the loader parses several instants per notice.
    public static func parse(_ text: String) -> Date? {
        var utf8 = Array(text.utf8)
        while let last = utf8.last, last == 0x20 || last == 0x09 { utf8.removeLast() }
        var i = 0
        while i < utf8.count, utf8[i] == 0x20 || utf8[i] == 0x09 { i += 1 }
        func number(_ width: Int) -> Int? {
            guard i + width <= utf8.count else { return nil }
            var value = 0
            for k in i..<(i + width) {
                let b = utf8[k]
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            i += width
            return value
        }
        func eat(_ byte: UInt8) -> Bool {
            guard i < utf8.count, utf8[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = number(4), eat(0x2D), let month = number(2), eat(0x2D), let day = number(2),
            eat(0x54) || eat(0x20), let hour = number(2), eat(0x3A), let minute = number(2)
        else { return nil }
        var second = 0
        var fraction = 0.0
        if eat(0x3A) {
            guard let s = number(2) else { return nil }
            second = s
            if eat(0x2E) {
                let digitsStart = i
                while i < utf8.count, utf8[i] >= 0x30 && utf8[i] <= 0x39 { i += 1 }
                guard i > digitsStart else { return nil }
                fraction = Double("0." + String(decoding: utf8[digitsStart..<i], as: UTF8.self)) ?? 0
            }
        }
        var offset = 0
        if eat(0x5A) {
            offset = 0
        } else {
            let negative: Bool
            if eat(0x2B) { negative = false } else if eat(0x2D) { negative = true } else { return nil }
            guard let hh = number(2) else { return nil }
            _ = eat(0x3A)
            guard let mm = number(2), mm < 60, hh * 60 + mm <= 18 * 60 else { return nil }
            offset = (hh * 3600 + mm * 60) * (negative ? -1 : 1)
        }
        guard i == utf8.count else { return nil }
        return instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction, offset: offset)
    }

    /// A Beijing time to the minute given as numbers (the notice's prose, `2025年1月22日9:00`), checked like
    /// `parse` checks `2025-01-22T09:00+08:00`: the same instant, or `nil` for the same impossible values.
    static func beijing(year: Int, month: Int, day: Int, hour: Int, minute: Int) -> Date? {
        instant(year: year, month: month, day: day, hour: hour, minute: minute, second: 0, fraction: 0, offset: 8 * 3600)
    }

    /// The validation and arithmetic shared by `parse` and `beijing`, so both accept the same values.
    private static func instant(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, fraction: Double, offset: Int)
        -> Date?
    {
        guard year >= 1583, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let seconds = daysFromCivil(year: year, month: month, day: day) * 86400 + hour * 3600 + minute * 60 + second - offset
        // Date counts from 2001-01-01; adding the fraction on that scale rounds as Foundation's own
        // parsing (and the site's calculator) does, so 17:00:00.0000001 stays after 17:00.
        return Date(timeIntervalSinceReferenceDate: TimeInterval(seconds - 978_307_200) + fraction)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Parses a plain day (`2025-01-15`) as Beijing midnight.
    public static func parseDay(_ text: String) -> Date? {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D,
            u.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || ($0.element >= 0x30 && $0.element <= 0x39) })
        else { return nil }
        return parse(text + "T00:00+08:00")
    }

    /// Built once: a new Calendar per call was most of the cost of the archive's facts (four instants
    /// per notice).
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = beijing
        return calendar
    }()

    /// `2025年2月28日17:00`, in Beijing time: how the notice writes a moment.
    public static func chinese(_ date: Date, withTime: Bool = true) -> String {
        let c = beijingComponents(date)
        let day = "\(c.year)年\(c.month)月\(c.day)日"
        return withTime ? day + "\(c.hour):" + (c.minute < 10 ? "0" : "") + "\(c.minute)" : day
    }

    /// `2025-01-22T09:00:00+08:00`: the machine form used in rules.json and JSON answers.
    public static func iso(_ date: Date) -> String {
        let c = beijingComponents(date)
        guard (0...9999).contains(c.year) else {
            return String(format: "%04d-%02d-%02dT%02d:%02d:%02d+08:00", c.year, c.month, c.day, c.hour, c.minute, c.second)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 { bytes.append(0x30 + UInt8(rest / divisor)); rest %= divisor; divisor /= 10 }
        }
        digits(c.year, 4); bytes.append(0x2D); digits(c.month, 2); bytes.append(0x2D); digits(c.day, 2); bytes.append(0x54)
        digits(c.hour, 2); bytes.append(0x3A); digits(c.minute, 2); bytes.append(0x3A); digits(c.second, 2)
        bytes += Array("+08:00".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Beijing has kept UTC+8 without daylight saving since 1992 (Asia/Shanghai's last summer time was in
    /// 1991): from then on the wall clock is the instant plus eight hours, worked out arithmetically. A
    /// `Calendar` per call was most of the cost of `rules.json` and the notice list (several instants per
    /// notice); earlier instants still go through it, with the zone's history.
    static let fixedOffsetSince = Date(timeIntervalSince1970: 694_195_200)

    static func beijingComponents(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        guard date >= fixedOffsetSince, date.timeIntervalSince1970 < 253_402_300_800 else {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            return (c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        }
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        let days = local / 86400, time = local % 86400
        let (year, month, day) = civil(fromDays: days)
        return (year, month, day, time / 3600, time % 3600 / 60, time % 60)
    }

    /// The proleptic Gregorian date of a day counted from 1970-01-01 (H. Hinnant's civil_from_days).
    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The Beijing calendar day of an instant, as `2025-01-15`.
    public static func day(_ date: Date) -> String { String(iso(date).prefix(10)) }
}
