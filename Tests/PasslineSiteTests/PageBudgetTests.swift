import Foundation
import PasslineCore
import Testing
@testable import PasslineSite

/// Issue 13.2: `passline check` is the build without writing, so a FAQ that grows past the page budget
/// is stopped by `check`, with the content files that weigh most and the fix, before any build.
@Suite struct PageBudgetTests {
    /// A long answer with no date, number or fact in it (the prose checks have nothing to compare).
    static let answer = String(repeating: "请按所在省级考试机构的要求准备材料,材料不全的会被告知补正。", count: 40)

    /// The first topic of the FAQ, as Content/faq-topics.md declares it (not a name written here).
    static func firstTopic(in content: URL) throws -> String {
        let text = try String(contentsOf: content.appendingPathComponent("faq-topics.md"), encoding: .utf8)
        let match = try #require(text.firstMatch(of: #/- \{id: ([a-z0-9-]+),/#))
        return String(match.1)
    }

    static func addEntry(_ number: Int, topic: String, in content: URL) throws -> String {
        let relative = "faq/budget-test-\(number).md"
        try """
        ---
        id: budget-test-\(number)
        question: 测试用的问题\(number)?
        cites: ["notice:一(一)"]
        order: \(900 + number)
        topic: \(topic)
        ---
        \(answer)

        """.write(to: content.appendingPathComponent(relative), atomically: true, encoding: .utf8)
        return relative
    }

    @Test func addingFAQEntriesUntilThePageIsTooHeavyFailsCheckNamingTheFilesAndTheFix() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixture.contentCopy(in: folder)
        let topic = try Self.firstTopic(in: content)
        let page = "faq-\(topic).html"
        var added: [String] = []
        var failure: BuildFailure?
        for number in 1...30 {
            added.append(try Self.addEntry(number, topic: topic, in: content))
            // What `passline check` runs: every step of the build but the write.
            do { _ = try Fixture.generate(content: content.path) } catch let stop as BuildFailure {
                failure = stop
                break
            }
        }
        let stop = try #require(failure, "30 long answers never made \(page) too heavy")
        #expect(added.count > 1, "the budget stopped the very first addition: the page was already too heavy")
        #expect(stop.step == BuildStep.measurePages.name)
        let text = stop.lines.joined(separator: "\n")
        #expect(stop.lines.first?.contains("页面 \(page)") == true, "\(text)")
        #expect(stop.lines.first?.contains("zh-Hant/\(page)") == true, "the zh-Hant twin is named in the same message: \(text)")
        // The added entries are the heaviest on the page: each is named by file and line of its id.
        for relative in added.suffix(PageShares.named) {
            #expect(text.contains(content.appendingPathComponent(relative).path + ":2("), "\(relative) not named: \(text)")
        }
        #expect(text.contains("topic:") && text.contains("faq-topics.md"), "the fix says where to move entries: \(text)")
        #expect(!text.contains("exceeds"), "the message is in Chinese: \(text)")

        // The fix it names works: half of the entries moved to a new topic, and the check passes.
        let topics = content.appendingPathComponent("faq-topics.md")
        try Fixture.edit(topics, replacing: "topics:\n", with: "topics:\n  - {id: budget-test, name: 测试主题}\n")
        for relative in added.suffix(added.count / 2 + 1) {
            try Fixture.edit(content.appendingPathComponent(relative), replacing: "topic: \(topic)\n", with: "topic: budget-test\n")
        }
        let context = try Fixture.generate(content: content.path)
        #expect(context.files["faq-budget-test.html"] != nil)
        #expect(
            context.files.html("faq.html").contains("faq-budget-test.html#budget-test-1\"")
                || context.files.html("faq.html").contains("faq-budget-test.html#budget-test-\(added.count)\""))
    }
}
