import Foundation
import Testing
@testable import PasslineCore

/// The content we publish must load, and must say what the notice of 2025-01-15 says.
@Suite struct ShippedContentTests {
    @Test func loadsWithoutErrors() throws {
        let (book, warnings) = try ContentLoader(directory: Repo.content).load()
        #expect(warnings.filter { $0.severity == .error }.isEmpty)
        #expect(book.notices.count >= 1)
        #expect(book.faq.count >= 20)
    }

    @Test func windowsAreExactToTheMinuteInBeijingTime() throws {
        let notice = try #require(try Repo.book().notice("2025-01-15"))
        // 一(一): 2025年1月22日9:00至2月28日17:00; 一(二): 2025年2月24日9:00至3月8日17:00
        #expect(notice.application.start == beijing("2025-01-22T09:00"))
        #expect(notice.application.end == beijing("2025-02-28T17:00"))
        #expect(notice.review?.start == beijing("2025-02-24T09:00"))
        #expect(notice.review?.end == beijing("2025-03-08T17:00"))
        // The same instants seen from UTC: eight hours earlier.
        #expect(notice.application.start == Instant.parse("2025-01-22T01:00:00Z"))
        #expect(notice.hotline == "010-68607734")
        #expect(notice.issuer == "工业和信息化部教育与考试中心")
        #expect(notice.entry == "单独划线补申领")
    }

    /// Every threshold of clause 三 is reachable through the data, per session and level.
    @Test(arguments: [
        ("ruankao", "2023-H1", Level.junior, 40.0), ("ruankao", "2023-H1", .intermediate, 40), ("ruankao", "2023-H1", .senior, 40),
        ("ruankao", "2023-H2", .junior, 42), ("ruankao", "2023-H2", .intermediate, 42), ("ruankao", "2023-H2", .senior, 42),
        ("ruankao", "2024-H1", .junior, 39), ("ruankao", "2024-H1", .intermediate, 39), ("ruankao", "2024-H1", .senior, 39),
        ("ruankao", "2024-H2", .junior, 39), ("ruankao", "2024-H2", .intermediate, 39), ("ruankao", "2024-H2", .senior, 40),
        ("tongxin", "2023", .junior, 50), ("tongxin", "2023", .intermediate, 50),
        ("tongxin", "2024", .junior, 50), ("tongxin", "2024", .intermediate, 50)
    ])
    func thresholdOfClauseThree(exam: String, session: String, level: Level, expected: Double) throws {
        let book = try Repo.book()
        #expect(book.session(exam: exam, id: session)?.threshold(for: level) == expected)
        #expect(book.currentNotice?.covers(exam: exam, session: session) != nil)
    }

    @Test func tongxinHasNoSeniorLevel() throws {
        let book = try Repo.book()
        #expect(book.exam("tongxin")?.standard(for: .senior) == nil)
        #expect(book.exam("ruankao")?.standard(for: .senior)?.subjects == ["综合知识", "案例分析", "论文"])
        #expect(book.exam("ruankao")?.standard(for: .junior)?.subjects == ["基础知识", "应用技术"])
        #expect(book.exam("ruankao")?.passMark == 45)
        #expect(book.exam("ruankao")?.fullMarks == 75)
    }

    @Test func clausesAreAddressableByNumber() throws {
        let notice = try #require(try Repo.book().currentNotice)
        #expect(notice.clause("三(一)4")?.text.hasPrefix("4.2024年下半年") == true)
        #expect(notice.clause("三(一)4")?.anchor == "c3-1-4")
        #expect(notice.clause("二(二)")?.text.contains("到单独划线地区工作") == true)
        #expect(notice.clause("五")?.text.contains("第十条") == true)
        #expect(notice.clause("结语")?.text.contains("010-68607734") == true)
        #expect(notice.clause("序")?.text.hasPrefix("按照人力资源社会保障部办公厅") == true)
    }

    @Test func faqAnswersHaveTheirFactsFilledIn() throws {
        let book = try Repo.book()
        let window = try #require(book.faq.first { $0.id == "application-window" })
        #expect(window.answer.contains("2025年2月28日17:00"))
        #expect(!book.faq.contains { $0.answer.contains("{{") })
    }

    @Test func qualificationsMapToLevels() throws {
        let list = try #require(try Repo.book().qualifications.first)
        #expect(list.level(of: "信息安全工程师") == .intermediate)
        #expect(list.level(of: "系统架构设计师") == .senior)
        #expect(list.level(of: "程序员") == .junior)
    }

    @Test func rulesJSONRoundTrips() throws {
        let book = try Repo.book()
        let data = try RuleBook.jsonEncoder().encode(book)
        #expect(try RuleBook.decode(data) == book)
        #expect(try RuleBook.jsonEncoder().encode(RuleBook.decode(data)) == data)
    }
}
