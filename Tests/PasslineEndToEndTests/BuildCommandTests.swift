import Foundation
import PasslineTesting
import Testing
@testable import PasslineSite
#if canImport(Glibc)
import Glibc
#endif

/// `passline build` as an editor or a deploy script runs it: the exit status, the errors it prints,
/// and a published site left as it was when the build cannot replace it.
@Suite struct BuildCommandTests {
    @Test func contentThatDoesNotLoadExitsWithOneAndPrintsTheErrorsLeavingTheSite() throws {
        let scratch = try ScratchContent()
        defer { scratch.remove() }
        // 三(一)4 says 40; the data saying 41 contradicts the notice and must stop the build.
        try scratch.replace("sessions/ruankao-2024-H2.md", "senior: 40", with: "senior: 41")
        let output = scratch.top.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "old".write(to: output.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)

        let run = try BuiltExecutable.run("passline", ["build", "--content", scratch.root.path, "--output", output.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("ruankao-2024-H2.md:"), "\(run.errors)")
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "old")
    }

    @Test func aReadOnlySiteOrParentIsNamedWithTheReasonInChinese() throws {
        // Issue 18: a read-only Site/ gave "Code=512 (null)". Run as an ordinary user (root may write anywhere).
        let binary = try BuiltExecutable.url("passline").path
        var user: [String] = []
        if geteuid() == 0 {
            let setpriv = try #require(
                ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) },
                "setpriv (util-linux) is needed to test permissions as root")
            user = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        let scratch = try ScratchContent()
        let folder = scratch.top, content = scratch.root
        defer { chmod(folder.path, 0o755); chmod(folder.path + "/Site", 0o755); scratch.remove() }
        chmod(folder.path, 0o777)
        let output = folder.appendingPathComponent("Site")
        let build = user + [binary, "build", "--content", content.path, "--output", output.path]
        let executable = URL(fileURLWithPath: build[0]), arguments = Array(build.dropFirst())
        #expect(try BuiltExecutable.run(executable, arguments).status == 0)
        let before = try SiteFiles.read(directory: output)
        try scratch.replace("sessions/ruankao-2024-H2.md", "senior: 40", with: "senior: 41")
        try scratch.replace("notices/2025-01-15.md", "40分(含)", with: "41分(含)")

        chmod(output.path, 0o555)
        let refused = try BuiltExecutable.run(executable, arguments)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("\(output.path):无法替换网站:没有权限(EACCES)。passline 不会替换设为只读的网站"), "\(refused.errors)")
        #expect(!refused.errors.contains("Code=") && !refused.errors.contains("(null)"))
        #expect(try SiteFiles.read(directory: output) == before)

        chmod(output.path, 0o755)
        chmod(folder.path, 0o555)
        let parent = try BuiltExecutable.run(executable, arguments)
        #expect(parent.status == 1)
        #expect(parent.errors.contains("\(folder.path)/.Site.lock:无法创建锁文件:没有权限(EACCES)"), "\(parent.errors)")
        #expect(try SiteFiles.read(directory: output) == before)
    }

    @Test func aSuccessfulBuildReportsInChineseWithTheHeaviestPageAndTheBudget() throws {
        // Editors read this line after every build; it said "files; heaviest page … of … bytes".
        let scratch = try ScratchContent()
        defer { scratch.remove() }
        let output = scratch.top.appendingPathComponent("Site")
        let run = try BuiltExecutable.run(
            "passline", ["build", "--content", scratch.root.path, "--output", output.path, "--sizes"])
        #expect(run.status == 0, "\(run.errors)")
        let closing = try #require(run.output.split(separator: "\n").last.map(String.init))
        #expect(closing.hasPrefix("\(output.path):共 "), "\(closing)")
        #expect(closing.contains("最大的页面 ") && closing.contains("(上限 30,000 字节)"), "\(closing)")
        let published = try SiteFiles.read(directory: output).paths.count
        #expect(closing.contains("共 \(published) 个文件"), "\(closing)")
        #expect(run.output.contains("faq.html:共 "), "--sizes lists each page")
        for word in ["files", "bytes", "heaviest", "loads", "counted"] {
            #expect(!run.output.contains(word), "English left in what editors read: \(word)")
        }
    }
}
