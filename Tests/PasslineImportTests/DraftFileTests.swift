import Foundation
import PasslineCore
import Testing
@testable import PasslineImport

/// What the import does with files already in `Content/`: it never replaces one without `--overwrite`,
/// writes nothing at all if it would have to, keeps session files that already say the same, and says
/// which it did.
@Suite struct DraftFileTests {
    @Test func importingTheShippedNoticeAgainChangesNothingOnDisk() throws {
        let copy = try ContentCopy()
        defer { copy.remove() }
        let before = try copy.read("notices/2025-01-15.md")
        let result = try NoticeImport.run(
            try Repo.fixture("seed-notice.txt"), options: .init(fileName: "seed-notice.txt"), catalog: copy.catalog(),
            phrasing: try Phrasing.standard(), existing: copy.existing)
        // The shipped notice differs from the draft (its comment lines), so it is a conflict; the sessions
        // are byte for byte the drafts.
        #expect(
            result.drafts.map(\.status) == [.conflict(reasons: ["这个通知文件已经有了,内容与草稿不同"], canOverwrite: true)]
                + Array(repeating: .unchanged, count: 6))
        #expect(try result.write(into: copy.root, overwrite: false) == [])
        #expect(try copy.read("notices/2025-01-15.md") == before)
        // With --overwrite the notice is replaced, and still loads to the same notice.
        var shipped = try copy.load().notice("2025-01-15")
        // Whether source_url is a repost is the editor's word (source_kind), which a draft cannot know.
        shipped?.sourceIsRepost = nil
        #expect(try result.write(into: copy.root, overwrite: true) == ["notices/2025-01-15.md"])
        #expect(try copy.load().notice("2025-01-15") == shipped)
    }

    @Test func aSessionThatSaysSomethingElseBlocksEveryWrite() throws {
        let copy = try ContentCopy(removing: ["notices/2025-01-15.md"])
        defer { copy.remove() }
        // An editor's earlier, wrong threshold, and a session file with comments and sources of its own.
        try copy.write(
            "sessions/ruankao-2024-H2.md",
            try copy.read("sessions/ruankao-2024-H2.md").replacingOccurrences(of: "senior: 40", with: "senior: 41"))
        try copy.write(
            "sessions/ruankao-2023-H1.md",
            "---\n# 编辑的注释\nexam: ruankao\nsession: 2023-H1\nlabel: 2023年上半年\nthresholds:\n  junior: 40\n  intermediate: 40\n  senior: 40\n---\n"
        )
        let result = try NoticeImport.run(
            try Repo.fixture("seed-notice.txt"), options: .init(fileName: "seed-notice.txt"), catalog: copy.catalog(),
            phrasing: try Phrasing.standard(), existing: copy.existing)
        let status = Dictionary(uniqueKeysWithValues: result.drafts.map { ($0.relativePath, $0.status) })
        #expect(status["notices/2025-01-15.md"] == .new)
        #expect(status["sessions/ruankao-2023-H1.md"] == .sameFacts)
        // 三(一)4: 高级各科目合格标准均为 40分(含).
        #expect(status["sessions/ruankao-2024-H2.md"] == .conflict(reasons: ["高级现在是 41,通知(第三(一)4条)写的是 40"], canOverwrite: true))
        #expect(try result.write(into: copy.root, overwrite: false) == [])
        #expect(!copy.exists("notices/2025-01-15.md"))
        let report = ImportReport.render(result, source: "seed-notice.txt", contentRoot: "Content", written: [], overwrite: false)
        #expect(report.contains("Content/sessions/ruankao-2024-H2.md:冲突,没有写入:高级现在是 41,通知(第三(一)4条)写的是 40。核对后加 --overwrite 覆盖"))
        #expect(report.contains("所以这次一个文件都没有写"))

        #expect(try result.write(into: copy.root, overwrite: true) == ["notices/2025-01-15.md", "sessions/ruankao-2024-H2.md"])
        #expect(try copy.load().session(exam: "ruankao", id: "2024-H2")?.threshold(for: .senior) == 40)
        #expect(try copy.read("sessions/ruankao-2023-H1.md").contains("# 编辑的注释"))
    }

    @Test func aDraftsYAMLReadsBackAsWritten() throws {
        // Values YAML would read as something else, or that would break a plain scalar.
        for value in ["010-68607734", "2025", "true", "a: b", "#x", "[x]", "关于“补申领”的通知", "http://a.cn/x?y=1&z=2#frag"] {
            let yaml = "v: \(YAMLText.scalar(value))\nf: {w: \(YAMLText.scalar(value, inFlow: true))}\n"
            // Loaded with YAML's own typing, as values come out of it: a string stays a string.
            let loaded = try #require(try Yams.load(yaml: yaml) as? [String: Any])
            #expect(loaded["v"] as? String == value, "\(yaml)")
            #expect((loaded["f"] as? [String: Any])?["w"] as? String == value, "\(yaml)")
        }
        #expect(YAMLText.scalar("010-68607734") == "010-68607734")
        #expect(YAMLText.scalar("2025") == "\"2025\"")
    }
}

import Yams
