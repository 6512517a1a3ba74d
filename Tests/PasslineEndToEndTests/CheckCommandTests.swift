import Foundation
import PasslineTesting
import Testing

/// `passline check` as an editor runs it (issue 13.2): it runs the build's every step but the write,
/// so content the build would refuse — here, FAQ answers that make one topic's page too heavy — fails
/// the check, naming the files, and nothing is written anywhere.
@Suite struct CheckCommandTests {
    @Test func contentTheBuildWouldRefuseFailsTheCheckNamingFilesAndWritesNothing() throws {
        let scratch = try ScratchContent()
        defer { scratch.remove() }
        let topics = try scratch.read("faq-topics.md")
        let topic = String(try #require(topics.firstMatch(of: #/- \{id: ([a-z0-9-]+),/#)).1)
        // Long answers with no date or number in them (nothing for the prose checks to compare).
        let answer = String(repeating: "请按所在省级考试机构的要求准备材料,材料不全的会被告知补正。", count: 40)
        for number in 1...20 {
            try scratch.write(
                "faq/budget-test-\(number).md",
                """
                ---
                id: budget-test-\(number)
                question: 测试用的问题\(number)?
                cites: ["notice:一(一)"]
                order: \(900 + number)
                topic: \(topic)
                ---
                \(answer)

                """)
        }
        let check = try BuiltExecutable.run("passline", ["check", "--content", scratch.root.path])
        #expect(check.status == 1)
        #expect(check.errors.contains("页面 faq-\(topic).html"), "\(check.errors)")
        #expect(check.errors.contains(scratch.url("faq/budget-test-").path), "the heaviest files are named: \(check.errors)")
        #expect(check.errors.contains("faq-topics.md"), "the fix says where topics are: \(check.errors)")
        #expect(!check.output.contains("OK"), "\(check.output)")

        let output = scratch.top.appendingPathComponent("Site")
        let build = try BuiltExecutable.run("passline", ["build", "--content", scratch.root.path, "--output", output.path])
        #expect(build.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing published")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: scratch.top.path).sorted() == ["Content"],
            "no scratch folder left beside the output")
    }

    @Test func theShippedContentPassesTheCheck() throws {
        let check = try BuiltExecutable.run("passline", ["check", "--content", Repository.content])
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.output.contains("OK"))
        #expect(!check.errors.contains(": error:"), "\(check.errors)")
    }
}

/// `passline check` warns, in Chinese and at the phrasing's line, when a phrasing of Content/inquiry
/// would be taken for another intent's question; the check still passes (a warning, not an error).
@Suite struct PhrasingWarningTests {
    @Test func aPhrasingOfTwoIntentsIsNamedAtItsLine() throws {
        let scratch = try ScratchContent()
        defer { scratch.remove() }
        let old = "phrasings: [\"咨询电话是多少\""
        try scratch.replace("inquiry/intents.md", old, with: "phrasings: [\"申请什么时候截止\", \"咨询电话是多少\"")
        let lines = try scratch.read("inquiry/intents.md").components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("\"申请什么时候截止\"") }) + 1
        let check = try BuiltExecutable.run("passline", ["check", "--content", scratch.root.path])
        #expect(check.status == 0, "\(check.errors)")
        let warning = try #require(check.errors.components(separatedBy: "\n").first { $0.contains("申请什么时候截止") })
        #expect(warning.contains(scratch.url("inquiry/intents.md").path + ":\(line):"), "\(warning)")
        #expect(warning.contains("warning:") && warning.contains("咨询电话") && warning.contains("申请时间"), "\(warning)")

        let shipped = try BuiltExecutable.run("passline", ["check", "--content", Repository.content])
        #expect(!shipped.errors.contains("说法“"), "\(shipped.errors)")
    }
}
