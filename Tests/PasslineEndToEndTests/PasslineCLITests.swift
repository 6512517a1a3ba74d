import Foundation
import PasslineTesting
import Testing
@testable import PasslineCore

/// The editor's commands as an editor runs them: `passline diff` in a git work tree (exit status,
/// report, `--record`) and `passline new`, on a copy of the core tests' base fixture. Runs the
/// `passline` binary built beside the tests and fails when it is not there.
struct PasslineCLITests {
    private func passline(_ arguments: [String], in directory: URL) throws -> CommandRun {
        try BuiltExecutable.run("passline", arguments, in: directory)
    }

    private func git(_ arguments: [String], in directory: URL) throws {
        let git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.invalid"] + arguments
        let result = try BuiltExecutable.run(URL(fileURLWithPath: "/usr/bin/env"), git, in: directory)
        #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.errors)")
    }

    /// A copy of `Tests/PasslineCoreTests/Fixtures/base`, a valid content tree.
    private func fixture() throws -> ScratchContent {
        try ScratchContent(copying: Repository.url("Tests/PasslineCoreTests/Fixtures/base"))
    }

    /// The fixture as the validator reads it, inside its application window.
    private func load(_ fixture: ScratchContent) throws -> RuleBook {
        try ContentLoader(directory: fixture.root.path, now: beijing("2025-02-01T10:00")).load().book
    }

    /// A git work tree whose first commit is the base fixture.
    private func repository() throws -> ScratchContent {
        let fixture = try fixture()
        let top = fixture.top
        try git(["init", "-q"], in: top)
        try git(["add", "Content"], in: top)
        try git(["commit", "-q", "-m", "base"], in: top)
        return fixture
    }

    @Test func diffReportsRecordsAndSaysByItsExitStatus() throws {
        let fixture = try repository()
        defer { fixture.remove() }
        let top = fixture.top

        let unchanged = try passline(["diff"], in: top)
        #expect(unchanged.status == 0)
        #expect(unchanged.output == "与 HEAD 相比,没有影响考生的改动。\n")

        try fixture.replace("sessions/ruankao-2024-H2.md", "senior: 40", with: "senior: 41")
        try fixture.replace("notices/2025-01-15.md", "高级各科目合格标准均为 40分(含)", with: "高级各科目合格标准均为 41分(含)")
        let changed = try passline(["diff", "--record", "--date", "2025-03-01"], in: top)
        #expect(changed.status == 1)
        #expect(
            changed.output == """
                与 HEAD 相比,考生会看到这些变化:
                2025年1月15日通知 第三(一)4条文字有改动
                2024年下半年 软考 高级 单独划线: 40 → 41

                """)
        let book = try load(fixture)
        #expect(book.changelog.map(\.date) == ["2025-03-01"])
        #expect(book.changelog.first?.changes == ["2025年1月15日通知 第三(一)4条文字有改动", "2024年下半年 软考 高级 单独划线: 40 → 41"])

        // Recording the same report twice adds nothing.
        let again = try passline(["diff", "--record", "--date", "2025-03-02"], in: top)
        #expect(again.status == 1)
        #expect(try load(fixture).changelog.count == 1)

        let unknown = try passline(["diff", "no-such-revision"], in: top)
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("cannot read Content at revision 'no-such-revision'"))
    }

    @Test func diffRefusesContentThatDoesNotLoad() throws {
        let fixture = try repository()
        defer { fixture.remove() }
        try fixture.replace("sessions/ruankao-2024-H2.md", "senior: 40", with: "senior: 41")
        let result = try passline(["diff"], in: fixture.top)
        #expect(result.status == 2)
        #expect(result.errors.contains("Content/sessions/ruankao-2024-H2.md:8:11: error: 2024年下半年高级('senior')合格标准这里是 41,通知第三(一)4条"))
    }

    @Test func newWritesTheScaffoldAndChecksIt() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let top = fixture.top
        let created = try passline(["new", "faq", "--id", "deadline-weekend"], in: top)
        #expect(created.status == 0)
        #expect(created.output.hasPrefix("已创建 Content/faq/deadline-weekend.md\n"))
        // It ends by listing every 待填 left, by file, with what goes there (13.6).
        #expect(
            created.output.hasSuffix(
                """
                还有 3 处待填,按文件列出(每处写的是位置、键和该填什么):
                Content/faq/deadline-weekend.md(3 处)
                  Content/faq/deadline-weekend.md:5:11  question:考生会怎么问这个问题
                  Content/faq/deadline-weekend.md:8:9  cites:答案的出处:"notice:一(一)"(条款)或 "source:hrss-2022-25"
                  Content/faq/deadline-weekend.md:11:1  正文:答案
                填好后运行:passline check --content Content

                """), "\(created.output)")

        let twice = try passline(["new", "faq", "--id", "deadline-weekend"], in: top)
        #expect(twice.status == 2)
        #expect(twice.errors == "Content/faq/deadline-weekend.md 已经有了:直接改它,或换一个 --id\n")

        let wrongForm = try passline(["new", "session", "--id", "ruankao-2025H1"], in: top)
        #expect(wrongForm.status == 2)
        #expect(wrongForm.errors == "“2025H1”不是 ruankao 的场次写法:用 --id ruankao-2025-H1\n")
    }
}
