import Foundation
import Testing
@testable import PasslineCore

/// The editor's commands as an editor runs them: `passline diff` in a git work tree (exit status,
/// report, `--record`) and `passline new`. Runs the `passline` binary built beside the tests; skipped
/// when it has not been built (e.g. `swift build --target PasslineCoreTests`).
@Suite(.enabled(if: PasslineBinary.url != nil, "the passline executable is not built"))
struct PasslineCLITests {
    struct Run { var status: Int32; var output: String; var errors: String }

    private func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile(), err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    private func passline(_ arguments: [String], in directory: URL) throws -> Run {
        try run(try #require(PasslineBinary.url).path, arguments, in: directory)
    }

    private func git(_ arguments: [String], in directory: URL) throws {
        let result = try run("/usr/bin/env", ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.invalid"] + arguments, in: directory)
        #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.errors)")
    }

    /// A git work tree whose first commit is the base fixture.
    private func repository() throws -> ContentFixture {
        let fixture = try ContentFixture()
        let top = fixture.root.deletingLastPathComponent()
        try git(["init", "-q"], in: top)
        try git(["add", "Content"], in: top)
        try git(["commit", "-q", "-m", "base"], in: top)
        return fixture
    }

    @Test func diffReportsRecordsAndSaysByItsExitStatus() throws {
        let fixture = try repository()
        defer { fixture.remove() }
        let top = fixture.root.deletingLastPathComponent()

        let unchanged = try passline(["diff"], in: top)
        #expect(unchanged.status == 0)
        #expect(unchanged.output == "与 HEAD 相比,没有影响考生的改动。\n")

        try fixture.replace("sessions/ruankao-2024-H2.md", "senior: 40", with: "senior: 41")
        try fixture.replace("notices/2025-01-15.md", "高级各科目合格标准均为 40分(含)", with: "高级各科目合格标准均为 41分(含)")
        let changed = try passline(["diff", "--record", "--date", "2025-03-01"], in: top)
        #expect(changed.status == 1)
        #expect(changed.output == """
        与 HEAD 相比,考生会看到这些变化:
        2025年1月15日通知 第三(一)4条文字有改动
        2024年下半年 软考 高级 单独划线: 40 → 41

        """)
        let book = try fixture.load().book
        #expect(book.changelog.map(\.date) == ["2025-03-01"])
        #expect(book.changelog.first?.changes == ["2025年1月15日通知 第三(一)4条文字有改动", "2024年下半年 软考 高级 单独划线: 40 → 41"])

        // Recording the same report twice adds nothing.
        let again = try passline(["diff", "--record", "--date", "2025-03-02"], in: top)
        #expect(again.status == 1)
        #expect(try fixture.load().book.changelog.count == 1)

        let unknown = try passline(["diff", "no-such-revision"], in: top)
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("cannot read Content at revision 'no-such-revision'"))
    }

    @Test func diffRefusesContentThatDoesNotLoad() throws {
        let fixture = try repository()
        defer { fixture.remove() }
        try fixture.replace("sessions/ruankao-2024-H2.md", "senior: 40", with: "senior: 41")
        let result = try passline(["diff"], in: fixture.root.deletingLastPathComponent())
        #expect(result.status == 2)
        #expect(result.errors.contains("Content/sessions/ruankao-2024-H2.md:8:11: error: 2024年下半年高级('senior')合格标准这里是 41,通知第三(一)4条"))
    }

    @Test func newWritesTheScaffoldAndChecksIt() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        let top = fixture.root.deletingLastPathComponent()
        let created = try passline(["new", "faq", "--id", "deadline-weekend"], in: top)
        #expect(created.status == 0)
        #expect(created.output.hasPrefix("已创建 Content/faq/deadline-weekend.md\n"))
        // It ends by listing every 待填 left, by file, with what goes there (13.6).
        #expect(created.output.hasSuffix("""
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

/// `passline` in the build directory that holds this test bundle.
enum PasslineBinary {
    static let url: URL? = {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("passline")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }()
}
