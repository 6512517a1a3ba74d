import Foundation

/// Parsing and formatting of instants the way the notice states them: Beijing time, to the minute.
public enum Instant {
    /// The notice's time zone. Windows are compared as absolute instants; this zone is only for display
    /// and for reading dates written without an offset.
    public static let beijing = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    /// Parses ISO 8601 with an explicit offset (`+08:00`, `Z`), with or without seconds. ASCII digits
    /// only: `\d` would also accept full-width and other scripts' digits that `Int()` cannot read.
    /// Years before 1583 are refused: Foundation would read them in the Julian calendar, and the site's
    /// calculator (eligibility.js, which must agree with the engine) only knows the Gregorian one.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let pattern = #/^([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?(Z|[+-][0-9]{2}:?[0-9]{2})$/#
        guard let m = trimmed.wholeMatch(of: pattern) else { return nil }
        var parts = DateComponents()
        parts.year = Int(m.1); parts.month = Int(m.2); parts.day = Int(m.3)
        parts.hour = Int(m.4); parts.minute = Int(m.5); parts.second = m.6.flatMap { Int($0) } ?? 0
        let zone = String(m.8)
        var offset = 0
        if zone != "Z" {
            let digits = zone.dropFirst().replacingOccurrences(of: ":", with: "")
            guard let hh = Int(digits.prefix(2)), let mm = Int(digits.suffix(2)), hh < 24, mm < 60 else { return nil }
            offset = (hh * 3600 + mm * 60) * (zone.hasPrefix("-") ? -1 : 1)
        }
        guard let tz = TimeZone(secondsFromGMT: offset) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = tz
        guard parts.year! >= 1583, (1...12).contains(parts.month!), (1...31).contains(parts.day!), parts.hour! < 24, parts.minute! < 60, parts.second! < 60,
              let date = calendar.date(from: parts) else { return nil }
        var fraction = 0.0
        if let f = m.7 { fraction = Double("0." + f) ?? 0 }
        // Reject impossible days such as 2025-02-30 that Calendar would roll over.
        guard calendar.component(.day, from: date) == parts.day else { return nil }
        return date.addingTimeInterval(fraction)
    }

    /// Parses a plain day (`2025-01-15`) as Beijing midnight.
    public static func parseDay(_ text: String) -> Date? {
        guard text.wholeMatch(of: #/[0-9]{4}-[0-9]{2}-[0-9]{2}/#) != nil else { return nil }
        return parse(text + "T00:00+08:00")
    }

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = beijing
        return calendar
    }

    /// `2025年2月28日17:00`, in Beijing time: how the notice writes a moment.
    public static func chinese(_ date: Date, withTime: Bool = true) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = "\(c.year!)年\(c.month!)月\(c.day!)日"
        return withTime ? day + String(format: "%d:%02d", c.hour!, c.minute!) : day
    }

    /// `2025-01-22T09:00:00+08:00`: the machine form used in rules.json and JSON answers.
    public static func iso(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d+08:00", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// The Beijing calendar day of an instant, as `2025-01-15`.
    public static func day(_ date: Date) -> String { String(iso(date).prefix(10)) }
}
