import Foundation
import Testing
@testable import PasslineCore

/// The byte scanners that read dates and thresholds from a notice's prose, and the plain-text byte
/// search. Expected values are worked out by hand from the regexes the scanners replace; the random
/// comparisons then check the scanners against those regexes on many strings.
@Suite struct ProseScannerTests {
    typealias Stated = ProseDates.Stated

    // MARK: dates

    @Test func datesCarryTheYearAndAcceptBothColons() {
        #expect(
            ProseDates.statements(in: "申请时间:2025年1月22日9:00至2月28日17:00,过期不予受理。")
                == [Stated(year: 2025, month: 1, day: 22, hour: 9, minute: 0), Stated(year: nil, month: 2, day: 28, hour: 17, minute: 0)])
        #expect(ProseDates.statements(in: "1月8日9：30") == [Stated(year: nil, month: 1, day: 8, hour: 9, minute: 30)])
        #expect(
            ProseDates.instants(in: "2025年1月22日9:00至2月28日17：00")
                == [Instant.parse("2025-01-22T09:00+08:00")!, Instant.parse("2025-02-28T17:00+08:00")!])
    }

    @Test func datesAllowSpacesBeforeTheTime() {
        #expect(ProseDates.statements(in: "3月7日 17:00") == [Stated(year: nil, month: 3, day: 7, hour: 17, minute: 0)])
        #expect(ProseDates.statements(in: "3月7日\u{3000}\t17:00") == [Stated(year: nil, month: 3, day: 7, hour: 17, minute: 0)])
        // A space inside the date is not allowed by the pattern.
        #expect(ProseDates.statements(in: "3月 7日17:00").isEmpty)
    }

    @Test func datesStartWhereTheRegexWould() {
        // "1202" is not followed by 年, so the match starts one digit later, with the year.
        #expect(ProseDates.statements(in: "12025年1月2日9:00") == [Stated(year: 2025, month: 1, day: 2, hour: 9, minute: 0)])
        // Three digits before 月: the month is the last two.
        #expect(ProseDates.statements(in: "123月4日5:06") == [Stated(year: nil, month: 23, day: 4, hour: 5, minute: 6)])
        // An hour of three digits or a one-digit minute is no time at all.
        #expect(ProseDates.statements(in: "1月2日129:00").isEmpty)
        #expect(ProseDates.statements(in: "1月2日9:0").isEmpty)
        // Extra minute digits are left over, not part of the match.
        #expect(ProseDates.statements(in: "1月2日9:005") == [Stated(year: nil, month: 1, day: 2, hour: 9, minute: 0)])
        // A year of five digits: the year is the last four.
        #expect(ProseDates.statements(in: "22025年1月2日9:00").first?.year == 2025)
    }

    @Test func impossibleDatesAreDroppedButTheirYearCarries() {
        // 13月 is no month, but 2025年 still carries to the next statement, as it did with the regex.
        #expect(ProseDates.instants(in: "2025年13月1日9:00至2月3日4:05") == [Instant.parse("2025-02-03T04:05+08:00")!])
        #expect(ProseDates.instants(in: "2024年2月30日9:00").isEmpty)
        #expect(ProseDates.instants(in: "2024年2月29日24:00").isEmpty)
        #expect(ProseDates.instants(in: "1月22日9:00").isEmpty, "no year stated")
        #expect(ProseDates.instants(in: "2024年2月29日23:59") == [Instant.parse("2024-02-29T23:59+08:00")!])
    }

    @Test func beijingMatchesParse() {
        #expect(Instant.beijing(year: 2025, month: 1, day: 22, hour: 9, minute: 0) == Instant.parse("2025-01-22T09:00+08:00"))
        #expect(Instant.beijing(year: 1582, month: 12, day: 31, hour: 0, minute: 0) == nil)
        #expect(Instant.beijing(year: 2025, month: 0, day: 1, hour: 0, minute: 0) == nil)
        #expect(Instant.beijing(year: 2025, month: 1, day: 1, hour: 0, minute: 60) == nil)
    }

    // MARK: thresholds

    private let all: [Level] = [.junior, .intermediate, .senior]

    private func read(_ text: String) -> [String] {
        ProseThresholds.statements(in: text, levels: all).map { "\($0.0.rawValue)=\(Score.text($0.1))" }
    }

    @Test func thresholdsByLevel() {
        #expect(read("初、中级各科目合格标准均为39分(含),高级各科目合格标准均为40分(含)。") == ["junior=39", "intermediate=39", "senior=40"])
        #expect(read("初级40分；高级41分。") == ["junior=40", "senior=41"])
        #expect(read("中级38分") == ["intermediate=38"])
        #expect(read("各科目合格标准均为43分(含)") == ["junior=43", "intermediate=43", "senior=43"], "no level named: every level")
    }

    @Test func thresholdsWithDecimalsAndSpaces() {
        #expect(read("高级39.5分") == ["senior=39.5"])
        #expect(read("高级39 分") == ["senior=39"])
        #expect(read("高级39\u{3000}分") == ["senior=39"])
        // "39." has no fraction digits: no match at all in that segment.
        #expect(read("高级39.分").isEmpty)
        // After "39.5" comes ".", not 分; the match is "5.6", starting inside the first fraction.
        #expect(read("高级39.5.6分") == ["senior=5.6"])
    }

    @Test func thresholdsTakeTheFirstScoreOfASegment() {
        // The first 分 has no number before it; the second does.
        #expect(read("分数线高级40分") == ["senior=40"])
        #expect(read("高级40分或41分") == ["senior=40"])
        // Separators cut statements: the number in "第3项" is not a score.
        #expect(read("第3项,高级40分") == ["senior=40"])
    }

    @Test func chineseNumeralsAndFullWidthDigitsAreScores() {
        // Swift's \d matches 三, so the first match is "三39", which is no number: the segment is skipped.
        #expect(read("高级三39分").isEmpty)
        // Chinese numerals are a score when 分(含) follows (四十二分(含)); without it 十分 is "very".
        #expect(read("高级三十九分").isEmpty)
        #expect(read("高级三十九分(含)") == ["senior=39"])
        #expect(read("高级各科目合格标准均为四十二分（含）") == ["senior=42"])
        #expect(read("高级十分重要,初级39分") == ["junior=39"])
        #expect(read("高级十分重要的40分(含)") == ["senior=40"], "a numeral that is not a score is passed over for the next")
        // Full-width digits are \d too (the text is not plain, so the regex reads them), read as digits.
        #expect(read("高级３９分") == ["senior=39"])
        #expect(read("高级４２分(含)") == ["senior=42"])
        #expect(read("高级三十九分,初级39分") == ["junior=39"])
    }

    @Test func textThatIsNotPlainGivesTheSameAnswers() {
        // U+00E9 is not plain: these go through the regexes.
        #expect(!PlainText.isPlain("café"))
        #expect(read("café 初级40分；高级41分。") == ["junior=40", "senior=41"])
        #expect(ProseDates.statements(in: "café 2025年1月22日9:00") == [Stated(year: 2025, month: 1, day: 22, hour: 9, minute: 0)])
    }

    // MARK: the scanners against the regexes

    /// A small deterministic generator (no seeded generator in the standard library).
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    private static let pieces = [
        "0", "1", "2", "9", "12", "2025", "年", "月", "日", "分", ":", "：", " ", "\u{3000}", "\n", ".", ",", "，",
        "。", ";", "；", "初", "中级", "高级", "三", "十", "〇", "x", "至", "(含)", "39", "5",
        // Whole parts of statements, so that many texts hold matches.
        "2025年", "1月", "12月", "22日", "9:00", "17：30", "39分", "39.5分", "40 分", "初、中级", "3日 9:00",
        "2025年1月22日9:00", "2月28日\u{3000}17:00", "1月22日",
        // The hour written with 时 and 分, and the time of day before it.
        "时", "9时", "17时30分", "17时3分", "上午", "下午", "晚上", "下午5:00", "上午 9:00", "2月2日9时"
    ]

    private func randomTexts(_ count: Int, seed: UInt64) -> [String] {
        var g = Generator(state: seed)
        return (0..<count).map { _ in (0..<(1 + g.next(24))).map { _ in Self.pieces[g.next(Self.pieces.count)] }.joined() }
    }

    @Test func dateScannerAgreesWithTheRegex() {
        var withMatches = 0
        for text in randomTexts(20_000, seed: 6) {
            #expect(PlainText.isPlain(text))
            let scanned = ProseDates.statements(in: text)
            #expect(scanned == ProseDates.matchedByRegex(text), "\(text)")
            if !scanned.isEmpty { withMatches += 1 }
        }
        #expect(withMatches > 500, "the texts exercise the matches, not only their absence")
    }

    @Test func thresholdScannerAgreesWithTheRegex() {
        var withMatches = 0
        for text in randomTexts(20_000, seed: 7) {
            let scanned = ProseThresholds.statements(in: text, levels: all)
            let matched = ProseThresholds.matchedByRegex(text, levels: all)
            #expect(scanned.map(\.0) == matched.map(\.0) && scanned.map(\.1) == matched.map(\.1), "\(text)")
            if !scanned.isEmpty { withMatches += 1 }
        }
        #expect(withMatches > 2_000, "the texts exercise the matches, not only their absence")
    }

    // MARK: plain text

    @Test func plainTextOnlyWhereBytesAreEnough() {
        #expect(PlainText.isPlain("2025年1月22日9:00至2月28日17：00（含）“引号”—…《》〇"))
        #expect(!PlainText.isPlain("a\r\nb"), "CR LF is one character")
        #expect(!PlainText.isPlain("e\u{301}"), "combining mark")
        #expect(!PlainText.isPlain("\u{F900}"), "a compatibility ideograph decomposes")
        #expect(!PlainText.isPlain("３"), "full-width digit")
        #expect(!PlainText.isPlain("😀"))
        #expect(PlainText.contains("拨打073-62269534", "073-62269534"))
        #expect(!PlainText.contains("拨打073-6226953", "073-62269534"))
        #expect(!PlainText.contains("abc", ""), "Foundation finds no empty string")
        #expect(PlainText.contains("caf\u{E9}", "cafe\u{301}"), "not plain: canonical equivalence, as Foundation")
    }

    /// The premise of `PlainText`: each plain scalar is its own grapheme cluster next to anything plain,
    /// has no canonical decomposition, and the scanners' notions of `\d` and `\s` agree with the regex's.
    @Test func everyPlainScalarIsSafeForByteSearch() throws {
        let digit = #/\d/#, space = #/\s/#
        var plain: [Unicode.Scalar] = (0..<0x80).compactMap { $0 == 0x0D ? nil : Unicode.Scalar(UInt32($0)) }
        plain += (0x80..<0x10000).compactMap { PlainText.isPlainScalar(UInt32($0)) ? Unicode.Scalar(UInt32($0)) : nil }
        for scalar in plain {
            let text = String(Character(scalar))
            #expect(text.decomposedStringWithCanonicalMapping == text, "U+\(String(scalar.value, radix: 16))")
            #expect(("a" + text + "a").count == 3, "U+\(String(scalar.value, radix: 16)) joins a neighbour")
            let bytes = Array(text.utf8)
            let isSpace = bytes.withUnsafeBufferPointer { ProseDates.space($0, 0) } == bytes.count
            #expect(isSpace == (text.wholeMatch(of: space) != nil), "U+\(String(scalar.value, radix: 16))")
            let isDigit = scalar.isASCII ? (0x30...0x39).contains(scalar.value) : ProseThresholds.isDigit(scalar.value)
            #expect(isDigit == (text.wholeMatch(of: digit) != nil), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func byteSearchAgreesWithFoundation() {
        var g = Generator(state: 42)
        let alphabet = ["年", "月", "1", "2", "-", " ", "初", "级", "中", "待填", "待", "填", "（", "）", "a"]
        for _ in 0..<5_000 {
            let haystack = (0..<g.next(12)).map { _ in alphabet[g.next(alphabet.count)] }.joined()
            let needle = (0..<g.next(4)).map { _ in alphabet[g.next(alphabet.count)] }.joined()
            #expect(PlainText.contains(haystack, needle) == haystack.contains(needle), "\(haystack) / \(needle)")
            #expect(PlainText.contains(haystack.dropFirst(), needle) == haystack.dropFirst().contains(needle))
        }
    }
}
