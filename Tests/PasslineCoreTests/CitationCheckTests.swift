import Foundation
import Testing
@testable import PasslineCore

/// Prose cites a source as `{{source.id}}`, which readers see as the source's name; an id typed into
/// the text, or a weak source cited without its mark, stops the load at its line with the fix.
@Suite struct CitationCheckTests {
    /// The fixture's messages.md, with the reader's words for the levels the shipped content uses.
    private func fixtureWithConfidenceWords() throws -> ContentFixture {
        let fixture = try ContentFixture()
        try fixture.replace(
            "messages.md", "messages:\n",
            with: "messages:\n  confidence.strong: 可靠\n  confidence.medium: 较可靠\n  confidence.weak: 弱来源,仅供参考\n")
        return fixture
    }

    @Test func aReferenceReadsAsTheSourcesNameAndNameFallsBackToTheTitle() throws {
        let fixture = try fixtureWithConfidenceWords()
        defer { fixture.remove() }
        try fixture.replace(
            "sources.md", "  - id: hrss-2022-25\n", with: "  - id: hrss-2022-25\n    name: 人社厅发〔2022〕25号\n")
        let book = try fixture.load().book
        let notes = try #require(book.areas.first { $0.id == "xizang" }?.notes)
        #expect(notes.contains("(来源:人社厅发〔2022〕25号、西藏自治区"), "\(notes)")
        #expect(!notes.contains("hrss-2022-25") && !notes.contains("tibet-list"), "no id reaches the text: \(notes)")
    }

    @Test func anIDTypedIntoAnAnswerIsAnErrorAtItsColumnWithTheReference() throws {
        let fixture = try fixtureWithConfidenceWords()
        defer { fixture.remove() }
        try fixture.replace("faq/hotline.md", "也可以直接联系", with: "(来源:mohrss-31)也可以直接联系")
        let at = try fixture.position(of: "mohrss-31", in: "faq/hotline.md")
        let problems = fixture.diagnostics().filter { $0.contains("mohrss-31") }
        #expect(problems.count == 1, "\(fixture.diagnostics())")
        #expect(problems.first?.hasPrefix("faq/hotline.md:\(at.line):\(at.column): error: 正文里写了来源编号 'mohrss-31'") == true, "\(problems)")
        #expect(problems.first?.contains("改成 {{source.mohrss-31}}") == true)
    }

    /// A longer id that starts with a shorter one is itself, not the shorter id plus text.
    @Test func anIDInsideALongerWordOrAURLIsNotFlagged() throws {
        let fixture = try fixtureWithConfidenceWords()
        defer { fixture.remove() }
        try fixture.replace("faq/hotline.md", "也可以直接联系", with: "(见 hrss-2022-25x 与 {{source.hrss-2022-25-dates}}(较可靠))也可以直接联系")
        #expect(fixture.diagnostics().filter { $0.contains("error") }.isEmpty, "\(fixture.diagnostics())")
    }

    @Test func aWeakSourceCitedWithoutItsMarkIsAnErrorUntilTheSentenceCarriesIt() throws {
        let fixture = try fixtureWithConfidenceWords()
        defer { fixture.remove() }
        try fixture.replace("faq/hotline.md", "也可以直接联系", with: "证书可以补办(来源:{{source.lost-certificate}})。也可以直接联系")
        let at = try fixture.position(of: "{{source.lost-certificate}}", in: "faq/hotline.md")
        let problems = fixture.diagnostics().filter { $0.contains("error") }
        #expect(problems.count == 1, "\(problems)")
        #expect(
            problems.first?.hasPrefix("faq/hotline.md:\(at.line):\(at.column): error: 这句话引用的“软考证书遗失补办说明”可靠程度是“弱来源,仅供参考”") == true,
            "\(problems)")

        try fixture.replace("faq/hotline.md", "证书可以补办(来源:", with: "证书可以补办(弱来源,仅供参考,来源:")
        #expect(fixture.diagnostics().filter { $0.contains("error") }.isEmpty, "\(fixture.diagnostics())")
    }

    /// A sentence citing a strong and a medium source is as strong as the medium one; the mark of the
    /// next sentence does not cover it.
    @Test func theWeakestSourceOfTheSentenceDecidesAndMarksDoNotCrossSentences() throws {
        let fixture = try fixtureWithConfidenceWords()
        defer { fixture.remove() }
        try fixture.replace(
            "faq/hotline.md", "也可以直接联系",
            with: "名单见{{source.hrss-2022-25}}、{{source.tibet-list}}。下一句较可靠。也可以直接联系")
        let problems = fixture.diagnostics().filter { $0.contains("error") }
        #expect(problems.count == 1 && problems[0].contains("“西藏自治区") && problems[0].contains("“较可靠”"), "\(problems)")
    }

    /// The shipped content cites every source by reference, each medium or weak one with its mark.
    @Test func theShippedContentPassesTheCheck() throws {
        let (book, warnings) = try ContentLoader(directory: Repo.content).load()
        #expect(!warnings.contains { $0.description.contains("来源编号") })
        let prose = book.faq.map(\.answer) + book.areas.map(\.notes) + book.exams.map(\.notes)
        for text in prose {
            for source in book.sources {
                #expect(!text.contains("来源:\(source.id)") && !text.contains("、\(source.id)"), "\(source.id) in \(text.prefix(60))")
            }
        }
    }
}
