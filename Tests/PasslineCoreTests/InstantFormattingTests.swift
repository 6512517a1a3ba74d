import Foundation
import Testing
@testable import PasslineCore

/// `Instant.iso` and `Instant.chinese` work out Beijing wall time arithmetically from 1992 on; they must
/// say exactly what a Gregorian calendar in Asia/Shanghai says, at every instant.
@Suite struct InstantFormattingTests {
    static func calendarISO(_ date: Date) -> String {
        let c = Instant.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d+08:00", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    static func calendarChinese(_ date: Date) -> String {
        let c = Instant.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return "\(c.year!)年\(c.month!)月\(c.day!)日\(c.hour!):" + (c.minute! < 10 ? "0" : "") + "\(c.minute!)"
    }

    @Test func arithmeticAndCalendarAgree() {
        var dates = [
            beijing("2025-01-22T09:00"), beijing("2025-02-28T17:00"), beijing("2024-02-29T23:59"), beijing("2000-03-01T00:00"),
            beijing("1992-01-01T00:00"), beijing("1991-12-31T23:59"), beijing("1991-07-01T12:00"), beijing("2099-12-31T23:59"),
            Date(timeIntervalSince1970: 694_195_199.5), Date(timeIntervalSince1970: 1_740_733_200.999)
        ]
        // 1985 to 2103, every 2 days 3 hours 23 minutes and a fraction: every hour of the day and both sides of 1992.
        for seconds in stride(from: 500_000_000.0, to: 4_200_000_000.0, by: 184_999.37) {
            dates.append(Date(timeIntervalSince1970: seconds))
        }
        for date in dates {
            #expect(Instant.iso(date) == Self.calendarISO(date), "\(date.timeIntervalSince1970)")
            #expect(Instant.chinese(date) == Self.calendarChinese(date), "\(date.timeIntervalSince1970)")
        }
        #expect(Instant.iso(beijing("2025-01-22T09:00")) == "2025-01-22T09:00:00+08:00")
        #expect(Instant.chinese(beijing("2025-02-28T17:00")) == "2025年2月28日17:00")
        #expect(Instant.chinese(beijing("2025-01-22T09:05"), withTime: false) == "2025年1月22日")
    }
}
