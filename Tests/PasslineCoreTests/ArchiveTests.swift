import Foundation
import Testing
@testable import PasslineCore

/// Content holds every round, not one notice: the first nationwide round (通告 of 2024-09-20, a
/// summary: its text is not at hand) and the second (通知 of 2025-01-15). Which round answers a
/// candidate depends on the session and the instant asked about.
@Suite struct ArchiveTests {
    // MARK: the shipped archive

    @Test func theFirstRoundIsArchivedAsASummary() throws {
        let book = try Repo.book()
        let first = try #require(book.notice("2024-09-20"))
        #expect(first.kind == .summary)
        #expect(first.title == "关于开展计算机软件资格考试、通信职业水平考试单独划线地区证书补申领工作的通告")
        #expect(first.issuer == "工业和信息化部教育与考试中心")
        // Research §4.1: window 2024-09-23 09:00 – 2024-10-25 17:00; review to 2024-10-28 17:00.
        #expect(first.application.start == beijing("2024-09-23T09:00"))
        #expect(first.application.end == beijing("2024-10-25T17:00"))
        #expect(first.review?.start == beijing("2024-09-23T09:00"))
        #expect(first.review?.end == beijing("2024-10-28T17:00"))
        #expect(first.hotline == "010-68607734")
        #expect(first.entry == "单独划线补申领")
        // 2023-H1, 2023-H2, 2024-H1 软考 and 通信 2023; not 2024-H2 nor 通信 2024 (added by the second round).
        #expect(
            first.covers.map { "\($0.exam)/\($0.session)" } == ["ruankao/2023-H1", "ruankao/2023-H2", "ruankao/2024-H1", "tongxin/2023"])
        // A summary cites no clause: any number we wrote would look official without being so.
        #expect(first.clauses.isEmpty)
        #expect(first.roles.isEmpty)
        #expect(first.covers.allSatisfy { $0.clause == nil } && first.application.clause == nil)
        // Its address is its first source's, written once in sources.md.
        #expect(first.sources.first == "notice-2024-09-20")
        #expect(first.sourceURL == "https://m.educity.cn/tx/5340380.html")
        #expect(first.body.contains("这是摘要,不是通告原文"))
    }

    @Test func theCurrentNoticeIsStillTheNewest() throws {
        let book = try Repo.book()
        #expect(book.notices.map(\.id) == ["2025-01-15", "2024-09-20"])
        #expect(book.currentNotice?.id == "2025-01-15")
        // Fact references follow the current notice, not the archive.
        #expect(book.facts["application.end"] == "2025年2月28日17:00")
        // An answer about the first round names its window by reference to the archived notice.
        #expect(book.facts["notice.2024-09-20.application.end"] == "2024年10月25日17:00")
        let answer = try #require(book.faq.first { $0.id == "missed-declaration" }?.answer)
        #expect(answer.contains("第一轮由2024年9月20日的通告发布,受理时间为2024年9月23日9:00至2024年10月25日17:00,"))
    }

    // MARK: which notice applies, around every window edge

    struct Ask: CustomTestStringConvertible, Sendable {
        var exam: String, session: String, at: String, notice: String, window: WindowState
        var testDescription: String { "\(exam) \(session) at \(at) → \(notice) \(window.rawValue)" }
    }

    static let asks: [Ask] = [
        // 2023-H1 is in both rounds.
        Ask(exam: "ruankao", session: "2023-H1", at: "2024-09-23T08:59:59+08:00", notice: "2024-09-20", window: .before),
        Ask(exam: "ruankao", session: "2023-H1", at: "2024-09-23T09:00:00+08:00", notice: "2024-09-20", window: .open),
        Ask(exam: "ruankao", session: "2023-H1", at: "2024-10-01T10:00:00+08:00", notice: "2024-09-20", window: .open),
        Ask(exam: "ruankao", session: "2023-H1", at: "2024-10-25T17:00:00+08:00", notice: "2024-09-20", window: .open),
        Ask(exam: "ruankao", session: "2023-H1", at: "2024-10-25T09:00:00Z", notice: "2024-09-20", window: .open),
        // After the first round closes, the next round to open is the answer.
        Ask(exam: "ruankao", session: "2023-H1", at: "2024-10-25T17:00:01+08:00", notice: "2025-01-15", window: .before),
        Ask(exam: "ruankao", session: "2023-H1", at: "2024-10-25T09:00:01Z", notice: "2025-01-15", window: .before),
        Ask(exam: "ruankao", session: "2023-H1", at: "2025-01-22T08:59:59+08:00", notice: "2025-01-15", window: .before),
        Ask(exam: "ruankao", session: "2023-H1", at: "2025-01-22T09:00:00+08:00", notice: "2025-01-15", window: .open),
        Ask(exam: "ruankao", session: "2023-H1", at: "2025-02-01T10:00:00+08:00", notice: "2025-01-15", window: .open),
        Ask(exam: "ruankao", session: "2023-H1", at: "2025-02-28T17:00:00+08:00", notice: "2025-01-15", window: .open),
        // Both closed: the last window answers.
        Ask(exam: "ruankao", session: "2023-H1", at: "2025-02-28T17:00:01+08:00", notice: "2025-01-15", window: .closed),
        Ask(exam: "ruankao", session: "2023-H1", at: "2026-11-24T10:00:00+08:00", notice: "2025-01-15", window: .closed),
        // 通信 2023 is in both rounds too.
        Ask(exam: "tongxin", session: "2023", at: "2024-10-01T10:00:00+08:00", notice: "2024-09-20", window: .open),
        // 2024-H2 and 通信 2024 only in the second.
        Ask(exam: "ruankao", session: "2024-H2", at: "2024-10-01T10:00:00+08:00", notice: "2025-01-15", window: .before),
        Ask(exam: "tongxin", session: "2024", at: "2024-10-01T10:00:00+08:00", notice: "2025-01-15", window: .before)
    ]

    @Test(arguments: asks)
    func applicableNotice(_ ask: Ask) throws {
        let book = try Repo.book()
        let now = try #require(Instant.parse(ask.at))
        let notice = try #require(book.applicableNotice(exam: ask.exam, session: ask.session, at: now))
        #expect(notice.id == ask.notice)
        #expect(notice.application.state(at: now) == ask.window)
    }

    // MARK: what a candidate is told

    private func verdict(session: String = "2023-H1", category: String = "local", at now: String) throws -> Verdict {
        let input = EligibilityInput(
            exam: "ruankao", session: session, level: "senior", scores: ["41", "41", "41"], category: category, now: now)
        return EligibilityEngine(book: try Repo.book()).evaluate(input)
    }

    @Test func duringTheFirstRoundTheFirstRoundAnswers() throws {
        let verdict = try verdict(at: "2024-10-01T10:00:00+08:00")
        #expect(verdict.status == .eligible)
        #expect(verdict.notice == "2024-09-20")
        #expect(verdict.window == .open)
        #expect(verdict.threshold == 40)
        #expect(verdict.clauses.isEmpty, "a summary gives no clause to cite")
        #expect(verdict.reasons.last == "申请时间为2024年9月23日9:00至2024年10月25日17:00,现在正在受理。")
        let text = VerdictText(book: try Repo.book()).render(verdict)
        #expect(text.contains("依据:《关于开展计算机软件资格考试、通信职业水平考试单独划线地区证书补申领工作的通告》(2024-09-20,本站只有摘要;来源 https://m.educity.cn/tx/5340380.html)"))
    }

    /// A summary has no roles; the category must still decide the status, not the missing citation.
    @Test func aRelocatedCandidateIsEligibleUnderASummaryToo() throws {
        let verdict = try verdict(category: "relocated", at: "2024-10-01T10:00:00+08:00")
        #expect(verdict.status == .eligible)
        #expect(verdict.notice == "2024-09-20")
        let outside = try self.verdict(category: "none", at: "2024-10-01T10:00:00+08:00")
        #expect(outside.status == .notInArea)
    }

    @Test func duringTheSecondRoundTheSecondRoundAnswers() throws {
        let verdict = try verdict(at: "2025-02-01T10:00:00+08:00")
        #expect(verdict.status == .eligible)
        #expect(verdict.notice == "2025-01-15")
        #expect(verdict.window == .open)
        #expect(verdict.clauses == ["二(一)", "三(一)1", "一(一)", "四"])
    }

    @Test func afterBothRoundsTheLastWindowIsNamedAndLateApplicationsRefused() throws {
        let verdict = try verdict(at: "2026-11-24T10:00:00+08:00")
        #expect(verdict.notice == "2025-01-15")
        #expect(verdict.window == .closed)
        #expect(verdict.reasons.last == "申请已于2025年2月28日17:00截止,过期不予受理。")
    }

    // MARK: the validator keeps the archive unambiguous

    @Test func theFirstRoundLoadsBesideTheSecond() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.write("notices/2024-09-20.md", firstRoundSummary)
        let book = try fixture.load().book
        #expect(book.currentNotice?.id == "2025-01-15")
        #expect(book.notice("2024-09-20")?.sourceURL == "https://m.educity.cn/tx/5340380.html")
    }

    @Test func overlappingWindowsForOneSessionAreAnError() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        // The first round "extended" into the second round's window: 2023-H1 would be open twice.
        try fixture.write(
            "notices/2024-09-20.md",
            firstRoundSummary.replacingOccurrences(of: "end: 2024-10-25T17:00+08:00", with: "end: 2025-01-25T17:00+08:00")
                .replacingOccurrences(of: "end: 2024-10-28T17:00+08:00", with: "end: 2025-01-28T17:00+08:00"))
        let here = try fixture.position(of: "{exam: ruankao, session: 2023-H1}", in: "notices/2024-09-20.md")
        let there = try fixture.position(of: "{exam: ruankao, session: 2023-H1, clause", in: "notices/2025-01-15.md")
        let diagnostics = fixture.diagnostics()
        let expected =
            "notices/2025-01-15.md:\(there.line):\(there.column): error: ruankao 2023-H1 也被通知 2024-09-20(notices/2024-09-20.md:\(here.line))涵盖,两份通知的申请时间重叠"
            + "(这里是 2025年1月22日9:00至2025年2月28日17:00,那里是 2024年9月23日9:00至2025年1月25日17:00):该用哪一轮会有歧义。"
            + "让一个时间段在另一个开始前结束,或者只在一份通知里涵盖这个场次"
        #expect(diagnostics.contains(expected), "got:\n\(diagnostics.joined(separator: "\n"))")
        // Every session both notices cover is named: 2023-H1, 2023-H2, 2024-H1 and 通信 2023.
        #expect(diagnostics.filter { $0.contains("也被通知 2024-09-20") }.count == 4)
    }

    @Test func twoNoticesOfOneDateAreAnError() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.write(
            "notices/2025-01-15-bis.md",
            firstRoundSummary.replacingOccurrences(of: "id: 2024-09-20", with: "id: 2025-01-15-bis")
                .replacingOccurrences(of: "date: 2024-09-20", with: "date: 2025-01-15"))
        #expect(
            fixture.diagnostics().contains(
                "notices/2025-01-15-bis.md:2:5: error: 通知 2025-01-15(notices/2025-01-15.md:2)和 2025-01-15-bis 的日期都是 2025-01-15:哪一份是最新的会有歧义:每份通知写它自己的签发日期"
            ))
    }

    @Test func aSummaryCitesNoClause() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.write(
            "notices/2024-09-20.md",
            firstRoundSummary.replacingOccurrences(
                of: "{exam: ruankao, session: 2023-H2}", with: "{exam: ruankao, session: 2023-H2, clause: 三(一)2}"
            )
            .replacingOccurrences(of: "end: 2024-10-25T17:00+08:00}", with: "end: 2024-10-25T17:00+08:00, clause: 一(一)}"))
        let diagnostics = fixture.diagnostics()
        let remedy = "摘要没有官方的条款编号,所以不引用条款:删掉它(拿到通知原文后,把原文贴进正文,并改成 'kind: full')"
        #expect(
            diagnostics.contains("notices/2024-09-20.md:8:83: error: 'application.clause: 一(一)':\(remedy)"),
            "got:\n\(diagnostics.joined(separator: "\n"))")
        #expect(
            diagnostics.contains("notices/2024-09-20.md:15:5: error: ruankao 2023-H2 的 'clause: 三(一)2':\(remedy)"),
            "got:\n\(diagnostics.joined(separator: "\n"))")
    }

    @Test func aSummaryNamesItsSources() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.write("notices/2024-09-20.md", firstRoundSummary.replacingOccurrences(of: "sources: [notice-2024-09-20]\n", with: ""))
        #expect(
            fixture.diagnostics().contains(
                "notices/2024-09-20.md:2:5: error: 通知 2024-09-20 是摘要,却没有写 'sources':列出它依据的 sources.md 来源,如 'sources: [notice-2024-09-20]'"))
    }

    @Test func aSummaryThatRestatesATimeMustAgreeWithTheData() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.write("notices/2024-09-20.md", firstRoundSummary + "申请时间为2024年9月23日9:00至10月26日17:00。\n")
        let diagnostics = fixture.diagnostics()
        #expect(
            diagnostics.contains("notices/2024-09-20.md:19:1: error: 摘要里写了 2024年10月26日17:00,它不是上面任何一个时间段的时间:改正它,或者不在摘要里写时间,留给上面的数据"),
            "got:\n\(diagnostics.joined(separator: "\n"))")
        #expect(!diagnostics.contains { $0.contains("摘要里写了 2024年9月23日9:00") }, "the start agrees with the data")
    }

    // MARK: editor-proof warnings

    @Test func aCurrentNoticeWhoseWindowHasPassedIsAWarningNotAnError() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        let end = try fixture.position(of: "end: 2025-02-28T17:00+08:00", in: "notices/2025-01-15.md")
        let late = beijing("2025-03-01T10:00")
        let (_, warnings) = try fixture.load(now: late)
        #expect(
            warnings.map { $0.description.replacingOccurrences(of: fixture.root.path + "/", with: "") }.contains(
                "notices/2025-01-15.md:\(end.line):\(end.column + 5): warning: 最新通知 2025-01-15 的申请已于 2025年2月28日17:00 截止(现在是 2025年3月1日10:00):"
                    + "网站和机器人会告诉考生申请已经截止。如果新一轮已经公布,添加它的通知(passline new notice)"))
        // At the last minute the window is still open: no warning.
        #expect(try fixture.load(now: beijing("2025-02-28T17:00")).warnings.isEmpty)
    }

    @Test func aFileNamedOtherwiseThanItsIdIsAWarning() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.write("sessions/ruankao-2024-H2-copy.md", try fixture.read("sessions/ruankao-2024-H2.md"))
        try fixture.delete("sessions/ruankao-2024-H2.md")
        let warnings = try fixture.load().warnings.map { $0.description.replacingOccurrences(of: fixture.root.path + "/", with: "") }
        #expect(
            warnings == [
                "sessions/ruankao-2024-H2-copy.md:3:10: warning: 这个文件叫 ruankao-2024-H2-copy.md,里面却是场次 ruankao 2024-H2:改名为 ruankao-2024-H2.md"
            ])
    }

    @Test func aMisspeltRoleIsNamedWithTheRoleMeant() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.replace("notices/2025-01-15.md", "  relocated: 二(二)", with: "  relocated: 二(二)\n  procedur: 四")
        let warnings = try fixture.load().warnings.map { $0.description.replacingOccurrences(of: fixture.root.path + "/", with: "") }
        #expect(
            warnings == [
                "notices/2025-01-15.md:18:13: warning: 角色 'procedur' 不是 Passline 用的角色(是不是 'procedure'?):角色有 scope、local、relocated、procedure、penalties、hotline"
            ])
    }

    @Test func aClauseCitedWithFullWidthParenthesesIsCorrected() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.replace("faq/hotline.md", "\"notice:结语\"", with: "\"notice:一（一）\"")
        let place = try fixture.position(of: "\"notice:一（一）\"", in: "faq/hotline.md")
        #expect(
            fixture.diagnostics().contains(
                "faq/hotline.md:\(place.line):\(place.column): error: 'notice:一（一）':没有哪份通知有条款 '一（一）'(是不是 'notice:一(一)'?)"))
    }
}
