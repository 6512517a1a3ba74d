import Foundation
import PasslineCore
import Testing
@testable import PasslineImport

/// A synthetic next round in other wording (`Fixtures/synthetic-2026-round.txt`, every value made up):
/// a 通告 with a document number, full-width punctuation and digits, Chinese numerals, 9时 and 下午5:00,
/// a session with no 高级 threshold, no penalties clause and no source address. Expected values are
/// read off that text by hand.
@Suite struct NewRoundImportTests {
    private func result() throws -> NoticeImport { try importFixture("synthetic-2026-round.txt") }

    @Test func itsHeaderFacts() throws {
        let facts = try result().facts
        // 落款: 二〇二六年一月二十日.
        #expect(facts.id == "2026-01-20")
        #expect(facts.date?.value == "2026-01-20")
        #expect(facts.title?.value == "关于开展2026年计算机软件资格考试、通信职业水平考试单独划线地区证书补申领工作的通告")
        #expect(facts.addressee?.value == "各有关省级考试机构")
        #expect(facts.notes.contains { $0.contains("工信教考〔2026〕2号") })
        #expect(facts.sourceURL == nil)
        #expect(facts.undecided.contains { $0.key == "source_url" })
    }

    @Test func itsWindowsInOtherWording() throws {
        let facts = try result().facts
        // (一)补申领申请时间为2026年2月2日9时至3月6日17时30分
        #expect(facts.application?.start == "2026-02-02T09:00+08:00")
        #expect(facts.application?.end == "2026-03-06T17:30+08:00")
        #expect(facts.application?.clause == "一(一)")
        // (二)审核时间:2026年2月9日上午9:00至3月13日下午5:00
        #expect(facts.review?.start == "2026-02-09T09:00+08:00")
        #expect(facts.review?.end == "2026-03-13T17:00+08:00")
        #expect(facts.review?.clause == "一(二)")
    }

    @Test func itsHotlineEntryAndRoles() throws {
        let facts = try result().facts
        // 联系电话:010-12345678(工作日9:00-17:00): the office hours are not a window nor a number.
        #expect(facts.hotline?.value == "010-12345678")
        #expect(facts.hotline?.source == .clause("结语"))
        #expect(facts.entry?.value == "单独划线证书补申领")
        #expect(facts.legalBasis.map(\.value) == ["hrss-2022-25"])
        #expect(facts.roles.map { "\($0.name)=\($0.clause)" } == ["scope=序", "local=二(一)", "relocated=二(二)", "procedure=四", "hotline=结语"])
        // There is no penalties clause: the role is left out, and the report says so.
        #expect(facts.role("penalties") == nil)
        #expect(facts.notes.contains { $0.contains("roles.penalties") })
    }

    @Test func itsSessionsAndThresholds() throws {
        let result = try result()
        let sessions = result.facts.sessions
        #expect(sessions.map(\.id) == ["ruankao-2025-H1", "ruankao-2025-H2", "tongxin-2025"])
        // 1．2025年上半年……初级、中级各科目合格标准均为41分(含): no 高级.
        #expect(sessions[0].label == "2025年上半年" && sessions[0].clause == "三(一)1")
        #expect(sessions[0].thresholds == [.junior: 41, .intermediate: 41])
        #expect(sessions[0].missing == [.senior])
        #expect(
            result.facts.undecided.contains { $0.key == "sessions/ruankao-2025-H1.md thresholds.senior" && $0.message.contains("不要自己编") })
        // 2．2025年下半年……各科目合格标准均为四十二分(含).
        #expect(sessions[1].thresholds == [.junior: 42, .intermediate: 42, .senior: 42] && sessions[1].clause == "三(一)2")
        // 1．2025年度全国通信……均为５５分(含): 通信 examines 初级 and 中级.
        #expect(sessions[2].label == "2025年度" && sessions[2].session == "2025" && sessions[2].clause == "三(二)1")
        #expect(sessions[2].thresholds == [.junior: 55, .intermediate: 55])
        // The item numbers written １． are ASCII in the draft, so the loader numbers them.
        #expect(result.notice.renumbered == ["１．", "２．", "１．"])
        #expect(result.notice.markdown.contains("\n\n1．2025年上半年"))
    }

    @Test func itsDraftsHoldBlanksOnlyWhereTheNoticeIsSilent() throws {
        let copy = try ContentCopy()
        defer { copy.remove() }
        let result = try NoticeImport.run(
            try Repo.fixture("synthetic-2026-round.txt"), options: .init(fileName: "synthetic-2026-round.txt"), catalog: copy.catalog(),
            phrasing: try Phrasing.standard(), existing: copy.existing)
        let written = try result.write(into: copy.root, overwrite: false)
        #expect(
            written == ["notices/2026-01-20.md", "sessions/ruankao-2025-H1.md", "sessions/ruankao-2025-H2.md", "sessions/tongxin-2025.md"])
        let blanks = Blanks.find(inDirectory: copy.root.path, displayRoot: "Content")
        #expect(
            blanks.map { "\($0.path):\($0.key)" } == [
                "Content/notices/2026-01-20.md:source_url", "Content/sessions/ruankao-2025-H1.md:thresholds.senior"
            ])
        #expect(blanks[1].hint.contains("第三(一)1条没有写高级的合格标准"))
        // The shipped rounds keep their files.
        #expect(try copy.read("notices/2025-01-15.md") == String(contentsOfFile: Repo.content + "/notices/2025-01-15.md", encoding: .utf8))
    }

    /// Filled in, the draft loads, with the facts read above: the checker's cross-check reads the round's
    /// 9时, 下午5:00, 四十二分 and ５５分 in the prose as the import did.
    @Test func filledItLoads() throws {
        let copy = try ContentCopy()
        defer { copy.remove() }
        let result = try NoticeImport.run(
            try Repo.fixture("synthetic-2026-round.txt"),
            options: .init(fileName: "synthetic-2026-round.txt", sourceURL: "https://example.invalid/2026"), catalog: copy.catalog(),
            phrasing: try Phrasing.standard(), existing: copy.existing)
        _ = try result.write(into: copy.root, overwrite: false)
        let session = try copy.read("sessions/ruankao-2025-H1.md")
        try copy.write("sessions/ruankao-2025-H1.md", session.replacing(#/  senior: 待填.*/#, with: "  senior: 41"))
        let book = try copy.load(now: beijing("2026-02-03T10:00"))
        let notice = try #require(book.notice("2026-01-20"))
        #expect(book.currentNotice?.id == "2026-01-20")
        #expect(notice.application.start == beijing("2026-02-02T09:00") && notice.application.end == beijing("2026-03-06T17:30"))
        #expect(notice.covers.map(\.clause) == ["三(一)1", "三(一)2", "三(二)1"])
        #expect(book.session(exam: "tongxin", id: "2025")?.threshold(for: .intermediate) == 55)
    }
}
