import Foundation
import PasslineTesting
import Testing

/// `passline import` as an editor runs it, in a copy of the shipped content: the report, the files,
/// the check and the list of 待填 left; the exit status. Fails when the binary has not been built.
struct ImportCLITests {
    private func passline(_ arguments: [String], in directory: URL) throws -> CommandRun {
        try BuiltExecutable.run("passline", arguments, in: directory)
    }

    /// A notice as saved by an editor, from the import tests' fixtures.
    private func fixture(_ name: String) -> String {
        Repository.url("Tests/PasslineImportTests/Fixtures").appendingPathComponent(name).path
    }

    /// The body of a content file: what follows the front matter's closing `---`.
    private func body(of text: String) -> String {
        text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
    }

    @Test func theSeedBecomesTheShippedNoticeAndPassesTheCheck() throws {
        let copy = try ScratchContent(removing: ["notices/2025-01-15.md"])
        defer { copy.remove() }
        let run = try passline(["import", fixture("seed-notice.txt"), "--now", "2025-02-01T10:00+08:00"], in: copy.top)
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(
            run.output.contains(
                "  申请时间 application:2025-01-22T09:00+08:00 至 2025-02-28T17:00+08:00  ← 第一(一)条“申请时间:2025年1月22日9:00至2月28日17:00”\n"))
        #expect(run.output.contains("  场次 ruankao-2024-H2(2024年下半年):初级 39、中级 39、高级 40  ← 第三(一)4条"))
        #expect(run.output.contains("  Content/notices/2025-01-15.md:新建\n"))
        #expect(run.output.contains("  Content/sessions/ruankao-2024-H2.md:已有,内容和草稿完全一样,没有改动\n"))
        #expect(run.output.hasSuffix("检查 Content:通过\n没有待填了。\n"))
        let shipped = try String(contentsOfFile: Repository.content + "/notices/2025-01-15.md", encoding: .utf8)
        #expect(body(of: try copy.read("notices/2025-01-15.md")) == body(of: shipped))

        // Again: every draft is byte for byte what is there; nothing to write, nothing refused.
        let again = try passline(["import", fixture("seed-notice.txt"), "--now", "2025-02-01T10:00+08:00"], in: copy.top)
        #expect(again.status == 0)
        #expect(again.output.contains("  Content/notices/2025-01-15.md:已有,内容和草稿完全一样,没有改动\n"))
    }

    @Test func aConflictWritesNothingAndSaysHowToGoOn() throws {
        let copy = try ScratchContent()
        defer { copy.remove() }
        let before = try copy.read("notices/2025-01-15.md")
        let run = try passline(["import", fixture("synthetic-2025-01-15-official-page.html")], in: copy.top)
        #expect(run.status == 2)
        #expect(run.output.contains("Content/notices/2025-01-15.md:冲突,没有写入:这个通知文件已经有了,内容与草稿不同。核对后加 --overwrite 覆盖,或先手工改好"))
        #expect(try copy.read("notices/2025-01-15.md") == before)
    }

    @Test func aNewRoundEndsWithTheListOfWhatIsLeftToFill() throws {
        let copy = try ScratchContent()
        defer { copy.remove() }
        let dry = try passline(["import", fixture("synthetic-2026-round.txt"), "--dry-run"], in: copy.top)
        #expect(dry.status == 0)
        #expect(
            dry.output.contains(
                "----- 草稿 Content/sessions/tongxin-2025.md -----\n---\nexam: tongxin\nsession: \"2025\"\nlabel: 2025年度\nthresholds:\n  junior: 55\n  intermediate: 55\n---\n"
            ))
        #expect(!copy.exists("notices/2026-01-20.md"))

        let run = try passline(["import", fixture("synthetic-2026-round.txt"), "--now", "2026-02-03T10:00+08:00"], in: copy.top)
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        let session = try copy.read("sessions/ruankao-2025-H1.md")
        let line =
            try #require(session.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("  senior: 待填") }) + 1
        #expect(
            run.output.hasSuffix(
                """
                还有 2 处待填,按文件列出(每处写的是位置、键和该填什么):
                Content/notices/2026-01-20.md(1 处)
                  Content/notices/2026-01-20.md:10:13  source_url:通知原文所在网页的地址
                Content/sessions/ruankao-2025-H1.md(1 处)
                  Content/sessions/ruankao-2025-H1.md:\(line):11  thresholds.senior:第三(一)1条没有写高级的合格标准:照通知填写分数,通知没有就不要编(见导入报告)
                填好后运行:passline check --content Content

                """), "\(run.output)")
    }

    @Test func whatIsNoNoticeIsRefusedInChinese() throws {
        let copy = try ScratchContent()
        defer { copy.remove() }
        let file = copy.top.appendingPathComponent("recipe.txt")
        try "番茄炒蛋:先炒蛋,再炒番茄。".write(to: file, atomically: true, encoding: .utf8)
        let run = try passline(["import", file.path], in: copy.top)
        #expect(run.status == 2)
        #expect(run.errors == "这个文件看起来不是通知:没有标题(关于……的通知),也没有“一、”开头的条款\n")
        let missing = try passline(["import", "no-such-file.txt"], in: copy.top)
        #expect(missing.status == 2 && missing.errors == "读不到 no-such-file.txt:请检查文件名和路径\n")
    }
}
