import ChineseScript
import Foundation
import PasslineCore
import PasslineTesting
import Testing

/// Simplified → Traditional as readers get it on zh-Hant pages and in the bot's Traditional answers:
/// OpenCC, with the words of Content/traditional.md written as that table lists them.
@Suite struct TraditionalTextTests {
    /// The table as the content states it (read through the loader, never copied here).
    static let shipped: TraditionalForms = {
        let book = try? ContentLoader(directory: Repository.content, now: beijing("2025-02-10T10:00")).load().book
        return TraditionalForms((book?.traditionalForms ?? []).map { .init(simplified: $0.simplified, traditional: $0.traditional) })
    }()

    @Test func everyWordOfTheShippedTableIsWrittenAsListedAloneAndInASentence() throws {
        let forms = Self.shipped.forms
        #expect(!forms.isEmpty, "Content/traditional.md lists no words")
        let text = TraditionalText(forms: Self.shipped)
        for form in forms {
            #expect(text.convert(form.simplified) == form.traditional)
            let sentence = text.convert("我们在" + form.simplified + "的时候")
            #expect(sentence == "我們在" + form.traditional + "的時候", "\(form.simplified)")
        }
    }

    @Test func theTableChangesWhatOpenCCAloneWouldWrite() throws {
        // A word listed only to say what OpenCC writes anyway would be noise (the build warns about it);
        // each listed word must make a difference a reader sees.
        let text = TraditionalText(forms: Self.shipped)
        for form in Self.shipped.forms {
            #expect(text.openCC(form.simplified) != form.traditional, "\(form.simplified): OpenCC already writes \(form.traditional)")
        }
    }

    @Test func theLongestWordOfATableWinsWhereWordsOverlap() {
        let forms = TraditionalForms([
            .init(simplified: "发布", traditional: "發布"),
            .init(simplified: "发布会", traditional: "發佈會")
        ])
        let text = TraditionalText(forms: forms)
        #expect(text.convert("发布会上发布") == "發佈會上發布")
    }

    @Test func withoutATableItIsOpenCCOnTheWholeText() throws {
        // The text is converted run by run between ASCII; a whole notice must read exactly as OpenCC
        // converting it in one go.
        let notices = Repository.url("Content/notices")
        let file = try #require(
            try FileManager.default.contentsOfDirectory(atPath: notices.path).filter { $0.hasSuffix(".md") }.sorted().first)
        let notice = try String(contentsOf: notices.appendingPathComponent(file), encoding: .utf8)
        let text = TraditionalText()
        #expect(text.convert(notice) == text.openCC(notice))
        #expect(text.convert(notice) != notice, "the notice has Simplified text to convert")
    }

    @Test func asciiBetweenTheChineseKeepsItsBytes() {
        let text = TraditionalText()
        #expect(
            text.convert("审核:<a href=\"notice-2025-01-15.html#一\">第一条</a> 40分") == "審核:<a href=\"notice-2025-01-15.html#一\">第一條</a> 40分")
    }

    @Test func textHoldingTheInternalSeparatorStillConverts() {
        // Runs are handed to OpenCC joined by U+E002; text that has that character itself is not cut there.
        let text = TraditionalText(forms: .init([.init(simplified: "发布", traditional: "發布")]))
        #expect(text.convert("审核\u{E002}结果 发布") == "審核\u{E002}結果 發布")
    }

    @Test func theFingerprintTellsTablesApart() {
        // A cache kept across builds is keyed by it: another table must not reuse another table's text.
        let one = TraditionalText(forms: .init([.init(simplified: "发布", traditional: "發布")]))
        let other = TraditionalText(forms: .init([.init(simplified: "发布", traditional: "發佈")]))
        #expect(one.fingerprint != other.fingerprint)
        #expect(one.fingerprint == TraditionalText(forms: .init([.init(simplified: "发布", traditional: "發布")])).fingerprint)
        #expect(one.fingerprint.hasPrefix(TraditionalText.configuration))
    }
}
