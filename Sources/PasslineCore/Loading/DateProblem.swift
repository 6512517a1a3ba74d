/// Says what is wrong with a date or a time an editor wrote, part by part: `2025-02-30` is a day
/// that does not exist, not "a date-time without offset".
struct DateProblem {
    /// What is wrong (`2025年2月没有 30 日(这个月只有 28 天)`).
    var reason: String
    /// What to do about it.
    var fix: String

    /// Why `text` is not an instant like `2025-01-22T09:00+08:00` (`withTime`) or a day like
    /// `2025-01-15`; `nil` when nothing more specific than the general form can be said.
    static func describe(_ text: String, withTime: Bool) -> DateProblem? {
        let pattern = #/^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/#
        let example = withTime ? "2025-01-22T09:00+08:00" : "2025-01-15"
        guard let m = text.firstMatch(of: pattern), let year = Int(m.1), let month = Int(m.2), let day = Int(m.3) else {
            if text.contains(where: { ("０"..."９").contains($0) }) { return DateProblem(reason: "用了全角数字", fix: "改成半角数字,如 \(example)") }
            if text.contains("年") || text.contains("月") { return DateProblem(reason: "写成了中文日期", fix: "写成数字,如 \(example)") }
            return nil
        }
        let date = "\(year)-\(pad(month))-\(pad(day))"
        if year < 1583 { return DateProblem(reason: "年份 \(year) 不对", fix: "检查年份") }
        guard (1...12).contains(month) else { return DateProblem(reason: "没有 \(month) 月", fix: "月份在 1 到 12 之间") }
        let days = daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            return DateProblem(reason: "\(year)年\(month)月没有 \(day) 日(这个月只有 \(days) 天)", fix: "这一天不存在,检查日期")
        }
        if m.2.count != 2 || m.3.count != 2 { return DateProblem(reason: "月和日要写两位数", fix: "写成 \(date)") }
        guard withTime else { return m.4 == nil && m.7 == nil ? nil : DateProblem(reason: "这里只写日期,不写时间", fix: "写成 \(date)") }
        guard let hourText = m.4, let hour = Int(hourText), let minuteText = m.5, let minute = Int(minuteText) else {
            return DateProblem(reason: "缺少时间", fix: "写到分钟,如 \(date)T09:00+08:00")
        }
        guard hour < 24 else { return DateProblem(reason: "没有 \(hour) 点", fix: "小时在 0 到 23 之间") }
        guard minute < 60 else { return DateProblem(reason: "没有 \(minute) 分", fix: "分钟在 0 到 59 之间") }
        let time = "\(date)T\(pad(hour)):\(pad(minute))"
        if hourText.count != 2 || minuteText.count != 2 { return DateProblem(reason: "小时和分钟要写两位数", fix: "写成 \(time)+08:00") }
        if let second = m.6.flatMap({ Int($0) }), second >= 60 { return DateProblem(reason: "没有 \(second) 秒", fix: "秒在 0 到 59 之间") }
        guard let offset = m.7 else { return DateProblem(reason: "缺少时区", fix: "在后面加上北京时间的 +08:00,写成 \(time)+08:00") }
        if offset != "Z" {
            let digits = offset.filter(\.isNumber)
            if let hh = Int(digits.prefix(2)), let mm = Int(digits.suffix(2)), mm >= 60 || hh * 60 + mm > 18 * 60 {
                return DateProblem(reason: "时区 \(offset) 不存在", fix: "北京时间是 +08:00")
            }
        }
        return nil
    }

    /// The message for a bad date: what is wrong and the fix, or the form to write when nothing
    /// more precise can be said.
    static func message(key: String, value: String, withTime: Bool, form: String) -> String {
        if let problem = describe(value, withTime: withTime) {
            return "'\(key)' 的值 '\(value.shown)' 不对,\(problem.reason):\(problem.fix)"
        }
        return "'\(key)' 的值 '\(value.shown)' 不是一个\(withTime ? "时间" : "日期"):\(form)"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
