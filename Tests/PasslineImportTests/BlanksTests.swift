import Foundation
import Testing
@testable import PasslineCore

/// The list of `待填` that `passline new` and `passline import` end with (issue 13.6): every one, in
/// file and line order, with the key and what goes there in Chinese.
@Suite struct BlanksTests {
    @Test func aNoticeScaffoldListsEveryBlankWithItsKey() throws {
        let scaffold = try Scaffold.notice(id: "2025-09-01", summary: false)
        let blanks = Blanks.find(in: scaffold.text, path: "Content/notices/2025-09-01.md", folder: "notices")
        // title issuer addressee source_url, 3 × application, 3 × review, hotline entry, 4 roles, 3 × covers, the body.
        #expect(
            blanks.map(\.key) == [
                "title", "issuer", "addressee", "source_url",
                "application.start", "application.end", "application.clause", "review.start", "review.end", "review.clause",
                "hotline", "entry", "roles.scope", "roles.local", "roles.relocated", "roles.procedure",
                "covers.exam", "covers.session", "covers.clause", "正文"
            ])
        let lines = scaffold.text.split(separator: "\n", omittingEmptySubsequences: false)
        for blank in blanks {
            let line = lines[blank.line - 1]
            let column = line.index(line.startIndex, offsetBy: blank.column - 1)
            #expect(line[column...].hasPrefix(Scaffold.placeholder), "\(blank)")
            #expect(blank.hint.unicodeScalars.contains { $0.properties.isIdeographic }, "hints are Chinese: \(blank)")
        }
        let start = try #require(blanks.first { $0.key == "application.start" })
        #expect(start.hint.hasPrefix("北京时间,精确到分钟"))
    }

    @Test func aFileWhoseFrontMatterDoesNotParseStillHasItsBlanksListed() {
        let text = "---\nlabel: 待填   # 场次名称\nthresholds: [oops\n  senior: 待填\n---\n"
        let blanks = Blanks.find(in: text, path: "s.md")
        #expect(blanks.map { "\($0.line):\($0.column) \($0.key)" } == ["2:8 label", "4:11 senior"])
        #expect(blanks[0].hint == "场次名称")
    }

    @Test func theReportGroupsByFile() {
        let blanks = [
            Blank(path: "Content/b.md", line: 3, column: 5, key: "label", hint: "场次名称"),
            Blank(path: "Content/a.md", line: 9, column: 1, key: "正文", hint: "答案"),
            Blank(path: "Content/a.md", line: 2, column: 8, key: "question", hint: "问题")
        ]
        #expect(
            Blanks.report(blanks) == """
                还有 3 处待填,按文件列出(每处写的是位置、键和该填什么):
                Content/a.md(2 处)
                  Content/a.md:2:8  question:问题
                  Content/a.md:9:1  正文:答案
                Content/b.md(1 处)
                  Content/b.md:3:5  label:场次名称

                """)
        #expect(Blanks.report([]) == "")
    }
}
