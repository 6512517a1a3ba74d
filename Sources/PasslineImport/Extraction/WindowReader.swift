import PasslineCore

/// Reads a window as a notice states it: `申请时间:2025年1月22日9:00至2月28日17:00`, also `9时`,
/// `17时30分`, `下午5:00`, `3月8号`, full-width digits and colons. The end may leave out the year and
/// month it shares with the start; a start without a year takes the signature's (the report says so).
struct WindowReader {
    struct Moment: Hashable {
        var year: Int?
        var month: Int?
        var day: Int
        var hour: Int?
        var minute: Int?
    }

    struct Reading: Hashable {
        var start: Moment
        var end: Moment
        var quote: String
    }

    let labels: [String]
    let ranges: [String]

    /// Every window stated after one of the labels in `text`.
    func readings(in text: String) -> [Reading] {
        let chars = Array(NoticeGrammar.halfWidth(text))
        var found: [Reading] = []
        var i = 0
        let sortedLabels = labels.map(Array.init).sorted { $0.count > $1.count }
        while i < chars.count {
            guard let label = sortedLabels.first(where: { matches(chars, i, $0) }) else {
                i += 1
                continue
            }
            var p = i + label.count
            skip(chars, &p, ["为", "是", ":", " ", "从", "自"])
            if let start = moment(chars, &p) {
                var q = p
                skip(chars, &q, [" "])
                if let range = ranges.map(Array.init).sorted(by: { $0.count > $1.count }).first(where: { matches(chars, q, $0) }) {
                    q += range.count
                    skip(chars, &q, [" "])
                    if let end = moment(chars, &q) {
                        found.append(Reading(start: start, end: end, quote: String(chars[i..<q])))
                        i = q
                        continue
                    }
                }
            }
            i += label.count
        }
        return found
    }

    private func matches(_ chars: [Character], _ at: Int, _ word: [Character]) -> Bool {
        at + word.count <= chars.count && Array(chars[at..<(at + word.count)]) == word
    }

    private func skip(_ chars: [Character], _ p: inout Int, _ words: [String]) {
        while p < chars.count, words.contains(String(chars[p])) { p += 1 }
    }

    private func number(_ chars: [Character], _ p: inout Int, maxDigits: Int) -> Int? {
        var q = p
        while q < chars.count, q - p < maxDigits, chars[q].isASCII, chars[q].isNumber { q += 1 }
        guard q > p else { return nil }
        defer { p = q }
        return Int(String(chars[p..<q]))
    }

    /// `2025年1月22日9:00`, `1月22日`, `22日17时`: a day (year and month optional), then an optional time.
    private func moment(_ chars: [Character], _ p: inout Int) -> Moment? {
        var q = p
        var year: Int?, month: Int?
        var first = number(chars, &q, maxDigits: 4)
        if let value = first, q < chars.count, chars[q] == "年" {
            year = value
            q += 1
            first = number(chars, &q, maxDigits: 2)
        }
        if let value = first, q < chars.count, chars[q] == "月" {
            month = value
            q += 1
            first = number(chars, &q, maxDigits: 2)
        }
        guard let day = first, q < chars.count, chars[q] == "日" || chars[q] == "号" else { return nil }
        q += 1
        var moment = Moment(year: year, month: month, day: day, hour: nil, minute: nil)
        var t = q
        skip(chars, &t, [" "])
        var afternoon = false
        for word in ["上午", "下午", "晚上", "中午", "早上"] where matches(chars, t, Array(word)) {
            afternoon = word == "下午" || word == "晚上"
            t += word.count
        }
        if let hour = number(chars, &t, maxDigits: 2) {
            var minute: Int?
            if t < chars.count, chars[t] == ":" {
                t += 1
                var m = t
                if let value = number(chars, &m, maxDigits: 2), m - t == 2 { minute = value; t = m }
            } else if t < chars.count, chars[t] == "时" || chars[t] == "点" {
                t += 1
                var m = t
                if let value = number(chars, &m, maxDigits: 2), m < chars.count, chars[m] == "分" {
                    minute = value
                    t = m + 1
                } else if t < chars.count, chars[t] == "整" {
                    minute = 0
                    t += 1
                } else {
                    minute = 0
                }
            }
            if let minute {
                moment.hour = afternoon && hour < 12 ? hour + 12 : hour
                moment.minute = minute
                q = t
            }
        }
        p = q
        return moment
    }
}
