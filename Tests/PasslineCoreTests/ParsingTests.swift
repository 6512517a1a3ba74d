import Foundation
import Testing
@testable import PasslineCore
import Yams

@Suite struct ParsingTests {
    @Test func instantsWithOffsetsAndZ() {
        #expect(Instant.parse("2025-01-22T09:00+08:00") == Instant.parse("2025-01-22T01:00:00Z"))
        #expect(Instant.parse("2025-01-22T09:00:00.000+08:00") == Instant.parse("2025-01-22T09:00+0800"))
        #expect(Instant.parse("2025-02-30T09:00+08:00") == nil)
        #expect(Instant.parse("2025-01-22T09:00") == nil, "an instant without offset is ambiguous")
        #expect(Instant.parse("yesterday") == nil)
    }

    @Test func chineseFormatIsBeijingTime() {
        #expect(Instant.chinese(Instant.parse("2025-02-28T09:00:00Z")!) == "2025年2月28日17:00")
        #expect(Instant.chinese(Instant.parse("2025-01-22T01:00:00Z")!) == "2025年1月22日9:00")
    }

    @Test func chineseNumerals() {
        #expect(ChineseNumeral.value("四十二") == 42)
        #expect(ChineseNumeral.value("十") == 10)
        #expect(ChineseNumeral.value("十二") == 12)
        #expect(ChineseNumeral.value("二〇二三") == 2023)
        #expect(ChineseNumeral.value("一百零五") == 105)
        #expect(ChineseNumeral.value("abc") == nil)
    }

    @Test func proseDatesCarryTheYear() {
        let found = ProseDates.instants(in: "(一)申请时间:2025年1月22日9:00至2月28日17:00,过期不予受理。")
        #expect(found == [Instant.parse("2025-01-22T09:00+08:00")!, Instant.parse("2025-02-28T17:00+08:00")!])
    }

    /// Notices also write the hour with 时 and 分, and the time of day before it (下午5:00 is 17:00).
    @Test func proseDatesWithHoursAndTimesOfDay() {
        #expect(
            ProseDates.instants(in: "补申领申请时间为2026年2月2日9时至3月6日17时30分,逾期不予受理。")
                == [Instant.parse("2026-02-02T09:00+08:00")!, Instant.parse("2026-03-06T17:30+08:00")!])
        #expect(
            ProseDates.instants(in: "审核时间:2026年2月9日上午9:00至3月13日下午5:00。")
                == [Instant.parse("2026-02-09T09:00+08:00")!, Instant.parse("2026-03-13T17:00+08:00")!])
        #expect(ProseDates.instants(in: "2026年3月13日晚上 8时") == [Instant.parse("2026-03-13T20:00+08:00")!])
    }

    @Test func proseThresholdsByLevel() {
        let text = "4.2024年下半年计算机软件资格考试单独划线地区初、中级各科目合格标准均为39分(含),高级各科目合格标准均为 40分(含)。"
        let found = ProseThresholds.statements(in: text, levels: [.junior, .intermediate, .senior])
        #expect(found.map(\.0) == [.junior, .intermediate, .senior])
        #expect(found.map(\.1) == [39, 39, 40])
    }

    @Test func sessionFormSuggestions() {
        #expect(SessionFormat.suggestion(for: "2024H2", form: .halfYear) == "2024-H2")
        #expect(SessionFormat.suggestion(for: "2024下半年", form: .halfYear) == "2024-H2")
        #expect(SessionFormat.suggestion(for: "2024-H1", form: .year) == "2024")
    }
}

@Suite struct ContentFileTests {
    /// Editors on Windows save with CRLF line endings; the file must read the same.
    @Test func crlfLineEndingsReadLikeLF() throws {
        let lf = "---\nexam: ruankao\nsession: 2024-H2\n---\nbody line\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let a = try ContentFile.parse(lf, displayPath: "a.md").get()
        let b = try ContentFile.parse(crlf, displayPath: "b.md").get()
        #expect(a.frontMatter["session"]?.string == "2024-H2")
        #expect(b.frontMatter["session"]?.string == "2024-H2")
        #expect(b.bodyStartLine == a.bodyStartLine)
        #expect(b.body.trimmingCharacters(in: .whitespacesAndNewlines) == "body line")
    }
}

/// Ids become file names, anchors and URL parts: lowercase ASCII letters, digits and '-', never first.
@Suite struct IdentifierTests {
    @Test func lowercaseLettersDigitsAndInnerHyphensAreIds() {
        for id in ["ruankao", "2024-h2", "hrss-2022-25", "a", "0", "faq-", "a--b"] { #expect(Identifier.isValid(id), "\(id)") }
    }

    @Test func anythingElseIsNot() {
        for id in ["", "-faq", "Ruankao", "faq_1", "faq 1", "软考", "ｒｕａｎｋａｏ", "é", "faq.md", "faq/1"] {
            #expect(!Identifier.isValid(id), "\(id)")
        }
    }
}
