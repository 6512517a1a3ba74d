import Foundation
import Testing
@testable import PasslineCore

/// Notices are read on several threads and taken over in file order: what depends on that order
/// (which of two files is "the duplicate") must be what a reading one file after the other gives.
@Suite struct NoticeFilesTests {
    @Test func aDuplicateIsReportedInTheLaterFile() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        // notices/2025-01-16.md sorts after notices/2025-01-15.md, so it is the one read second.
        try fixture.write("notices/2025-01-16.md", try fixture.read("notices/2025-01-15.md"))
        let diagnostics = fixture.diagnostics()
        #expect(
            diagnostics.contains("notices/2025-01-16.md:2:5: error: 重复的通知 id '2025-01-15':notices/2025-01-15.md:2 已经定义过了:只保留一个,或换一个"),
            "got:\n\(diagnostics.joined(separator: "\n"))")
        let clauses = diagnostics.filter { $0.contains("error: 重复的条款") }
        #expect(!clauses.isEmpty)
        #expect(
            clauses.allSatisfy { $0.hasPrefix("notices/2025-01-16.md:") && $0.contains("notices/2025-01-15.md:") && $0.contains("已经定义过了") })
    }

    @Test func aFileThatCannotBeReadIsReportedAmongTheOthers() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.write("notices/2025-01-16.md", "no front matter here\n")
        #expect(fixture.diagnostics().contains("notices/2025-01-16.md:1:1: error: 文件没有文件头:第一行要是 '---',接着写各个键,再写一行 '---'"))
    }
}
