import Foundation

/// Reads per-level thresholds from a clause: `初、中级…39分(含),高级…40分(含)`; a statement that names
/// no level applies to every level of the session.
///
/// The clause is cut into segments at `,，;；。`; in each, the first match of the regex
/// `(\d+(?:\.\d+)?)\s*分` is the score (a segment whose first match is no number, such as `三十九分`, is
/// skipped), and `初` / `中级` / `高级` name the levels. The score may be written in ASCII digits, in
/// full-width digits (`４２分(含)`) or in Chinese numerals followed by `分(含)` (`四十二分(含)`; without
/// the `(含)`, `十分` is the word "very"); a match that is none of these is passed over for the next. Plain text (`PlainText`, all notices) is read by
/// a byte scanner; other text still goes through the regex, built per call since a `Regex` cannot be
/// shared between threads. Note that the regex's `\d` is Swift's: any character with a numeric value,
/// Chinese numerals included, so the scanner asks the same of each character.
enum ProseThresholds {
    static func statements(in text: String, levels: [Level]) -> [(Level, Double)] {
        guard PlainText.isPlain(text) else { return matchedByRegex(text, levels: levels) }
        if let found = text.utf8.withContiguousStorageIfAvailable({ scan($0, levels: levels) }) { return found }
        return Array(text.utf8).withUnsafeBufferPointer { scan($0, levels: levels) }
    }

    /// The regex itself, for text that is not plain.
    static func matchedByRegex(_ text: String, levels: [Level]) -> [(Level, Double)] {
        let score = #/(\d+(?:\.\d+)?)\s*分/#
        var result: [(Level, Double)] = []
        for segment in text.split(whereSeparator: { ",，;；。".contains($0) }) {
            let found = segment.matches(of: score).lazy.compactMap { m in
                value(
                    of: m.1, inclusive: segment[m.range.upperBound...].hasPrefix("(含)") || segment[m.range.upperBound...].hasPrefix("（含）"))
            }.first
            guard let value = found else { continue }
            var named: [Level] = []
            if segment.contains("初") { named.append(.junior) }
            if segment.contains("中级") { named.append(.intermediate) }
            if segment.contains("高级") { named.append(.senior) }
            for level in (named.isEmpty ? levels : named) { result.append((level, value)) }
        }
        return result
    }

    private static let separators = [",", "，", ";", "；", "。"].map { Array($0.utf8) }
    private static let points = Array("分".utf8), junior = Array("初".utf8), intermediate = Array("中级".utf8), senior = Array("高级".utf8)

    /// The scanner over plain text's bytes, segment by segment.
    static func scan(_ b: UnsafeBufferPointer<UInt8>, levels: [Level]) -> [(Level, Double)] {
        var result: [(Level, Double)] = []
        var start = 0
        var i = 0
        while i <= b.count {
            var separator: Int?
            if i < b.count, b[i] == 0x2C || b[i] == 0x3B || b[i] >= 0xE0 {
                separator = separators.lazy.compactMap { ProseDates.mark(b, i, $0) }.first
            }
            guard i == b.count || separator != nil else {
                i += 1
                continue
            }
            if start < i, let value = firstScore(b, start, i) {
                let segment = UnsafeBufferPointer(rebasing: b[start..<i])
                var named: [Level] = []
                if has(segment, junior) { named.append(.junior) }
                if has(segment, intermediate) { named.append(.intermediate) }
                if has(segment, senior) { named.append(.senior) }
                for level in (named.isEmpty ? levels : named) { result.append((level, value)) }
            }
            i = separator ?? i + 1
            start = i
        }
        return result
    }

    private static func has(_ segment: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { PlainText.firstIndex(of: $0, in: segment) != nil }
    }

    /// The value of the first match of `(\d+(?:\.\d+)?)\s*分` in `b[start..<end]` that is a score
    /// (`value(of:inclusive:)`).
    ///
    /// Found from each `分` backwards: spaces, then a run of digits, then optionally `.` and another run.
    /// Digits, spaces, `.` and `分` are disjoint, so the regex's greedy match from the run's first digit
    /// is exactly that span, and matches ending at an earlier `分` start earlier, so the first `分` that
    /// has one gives the first match.
    static func firstScore(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let segment = UnsafeBufferPointer(rebasing: b[start..<end])
        var from = 0
        while let found = points.withUnsafeBufferPointer({ PlainText.firstIndex(of: $0, in: segment, from: from) }) {
            from = found + points.count
            var p = found
            while let previous = spaceBefore(segment, p) { p = previous }
            let runEnd = p
            let runStart = digitsBefore(segment, runEnd)
            guard runStart < runEnd else { continue }
            var matchStart = runStart
            if runStart > 0, segment[runStart - 1] == 0x2E {
                let integerStart = digitsBefore(segment, runStart - 1)
                if integerStart < runStart - 1 { matchStart = integerStart }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: segment[matchStart..<runEnd]), as: UTF8.self)
            let inclusive = inclusiveMarks.contains { ProseDates.mark(segment, from, $0) != nil }
            if let value = value(of: text, inclusive: inclusive) { return value }
        }
        return nil
    }

    private static let inclusiveMarks = ["(含)", "（含）"].map { Array($0.utf8) }

    /// A score as the prose writes it: ASCII or full-width digits (`42`, `４２`, `38.5`), or Chinese
    /// numerals when `(含)` follows the `分` (`四十二分(含)`). Anything else (`十分` meaning "very", a
    /// numeral from another script) is not one.
    static func value(of run: some StringProtocol, inclusive: Bool) -> Double? {
        let half = DecimalText.halfWidth(String(run))
        if half.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) { return Double(half) }
        guard inclusive, run.allSatisfy({ ChineseNumeral.digits[$0] != nil || ChineseNumeral.units[$0] != nil }),
            let value = ChineseNumeral.value(String(run))
        else { return nil }
        return Double(value)
    }

    /// Where the `\s` ending at `p` starts, if there is one (tab, LF, VT, FF, space, U+3000).
    private static func spaceBefore(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> Int? {
        guard p > 0 else { return nil }
        if b[p - 1] == 0x20 || (b[p - 1] >= 0x09 && b[p - 1] <= 0x0C) { return p - 1 }
        guard p >= 3, b[p - 3] == 0xE3, b[p - 2] == 0x80, b[p - 1] == 0x80 else { return nil }
        return p - 3
    }

    /// The start of the run of `\d` characters ending at `p` (`p` itself when there is none). Plain
    /// text's characters are one scalar of one or three bytes.
    private static func digitsBefore(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> Int {
        var p = p
        while p > 0 {
            if b[p - 1] < 0x80 {
                guard b[p - 1] >= 0x30 && b[p - 1] <= 0x39 else { break }
                p -= 1
            } else {
                guard p >= 3 else { break }
                let v = UInt32(b[p - 3] & 0x0F) << 12 | UInt32(b[p - 2] & 0x3F) << 6 | UInt32(b[p - 1] & 0x3F)
                guard isDigit(v) else { break }
                p -= 3
            }
        }
        return p
    }

    /// Whether the regex's `\d` matches this (non-ASCII) character: it has a numeric value.
    static func isDigit(_ v: UInt32) -> Bool {
        Unicode.Scalar(v).map { $0.properties.numericType != nil } ?? false
    }
}
