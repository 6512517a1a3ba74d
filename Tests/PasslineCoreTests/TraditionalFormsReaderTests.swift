import Foundation
import Testing
@testable import PasslineCore

/// Content/traditional.md: the words whose Traditional form Content decides.
@Suite struct TraditionalFormsReaderTests {
    @Test func theShippedTableIsReadInFileOrderWithItsLines() throws {
        let forms = try #require(try Repo.book().traditionalForms)
        #expect(forms.first == TraditionalForm(simplified: "岳普湖", traditional: "岳普湖"))
        #expect(forms.contains(TraditionalForm(simplified: "发布", traditional: "發布")))
        let line = try #require(forms.first?.source)
        #expect(line.path.hasSuffix("traditional.md") && line.line > 2)
    }

    @Test func withoutTheFileThereIsNoTableAndRulesJSONHasNoKeyForIt() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        let book = try fixture.load().book
        #expect(book.traditionalForms == nil)
        let json = String(decoding: try RuleBook.jsonEncoder().encode(book), as: UTF8.self)
        #expect(!json.contains("traditionalForms"))
    }

    @Test func aWordWithASCIIAndAFormThatIsNoTextAreErrorsAtTheirLines() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.write(
            "traditional.md",
            """
            ---
            forms:
              岳普湖: 岳普湖
              紫云 县: 紫雲縣
              公布: [公布]
            ---

            """)
        let found = fixture.diagnostics()
        #expect(found.contains("traditional.md:4:3: error: “紫云 县”含有空格、字母、数字或英文标点:这里只列汉字词语(繁体转换不会改动这些字符)"), "\(found)")
        #expect(found.contains { $0.hasPrefix("traditional.md:5:") && $0.contains("“公布”的繁体写法必须是一段文字") }, "\(found)")
    }

    @Test func aWordListedTwiceIsAnError() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.write("traditional.md", "---\nforms:\n  发布: 發布\n  发布: 發佈\n---\n")
        #expect(fixture.diagnostics().contains { $0.hasPrefix("traditional.md:") && $0.contains("发布") }, "\(fixture.diagnostics())")
    }

    /// The forms travel in rules.json (the bot may read that instead of Content/), but where they are
    /// written does not.
    @Test func formsSurviveRulesJSONWithoutTheirLines() throws {
        let book = try Repo.book()
        let decoded = try RuleBook.decode(try RuleBook.jsonEncoder().encode(book))
        #expect(decoded.traditionalForms == book.traditionalForms)
        #expect(decoded.traditionalForms?.first?.source == nil)
    }
}
