import Foundation
import Testing
@testable import PasslineCore

/// `passline diff` tells an editor, in plain Chinese, what an edit changes for candidates. Each test
/// is a pair of content trees — the base fixture and an edited copy — and the exact report expected,
/// worked out from the notice's wording (2025-01-15: 2024年下半年 高级 40分(含); 申请 至2月28日17:00).
@Suite struct RuleBookDiffTests {
    /// The base fixture before and after `edit`.
    private func diff(_ edit: (ContentFixture) throws -> Void) throws -> RuleBookDiff {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        let before = try fixture.load().book
        try edit(fixture)
        let after = try fixture.load().book
        return RuleBookDiff(from: before, to: after)
    }

    @Test func nothingChangedSaysNothing() throws {
        let diff = try diff { _ in }
        #expect(diff.isEmpty)
        #expect(diff.report == "")
    }

    /// The data and the notice's prose change together (the checker insists), and both are reported.
    @Test func thresholdChanged() throws {
        let diff = try diff { fixture in
            try fixture.replace("sessions/ruankao-2024-H2.md", "senior: 40", with: "senior: 41")
            try fixture.replace("notices/2025-01-15.md", "高级各科目合格标准均为 40分(含)", with: "高级各科目合格标准均为 41分(含)")
        }
        #expect(
            diff.report == """
                2025年1月15日通知 第三(一)4条文字有改动
                2024年下半年 软考 高级 单独划线: 40 → 41
                """)
        let threshold = try #require(diff.changes.first { $0.subject == .session })
        #expect(threshold.key == "threshold:ruankao/2024-H2/senior")
        #expect(threshold.kind == .changed)
        #expect(threshold.before == "40" && threshold.after == "41")
    }

    /// The FAQ answer that names `{{application.end}}` changes with it, but that is the same change:
    /// it is not reported twice.
    @Test func windowMoved() throws {
        let diff = try diff { fixture in
            try fixture.replace("notices/2025-01-15.md", "end: 2025-02-28T17:00+08:00", with: "end: 2025-03-07T17:00+08:00")
            try fixture.replace("notices/2025-01-15.md", "2025年1月22日9:00至2月28日17:00", with: "2025年1月22日9:00至3月7日17:00")
        }
        #expect(
            diff.report == """
                2025年1月15日通知 申请截止: 2月28日17:00 → 3月7日17:00
                2025年1月15日通知 第一(一)条文字有改动
                """)
        #expect(diff.changes.first?.before == "2025年2月28日17:00")
        #expect(diff.changes.first?.after == "2025年3月7日17:00")
    }

    @Test func faqAdded() throws {
        let diff = try diff { fixture in
            try fixture.write(
                "faq/deadline-weekend.md",
                """
                ---
                id: deadline-weekend
                question: 截止日是周末还能交吗?
                cites: ["notice:一(一)"]
                ---
                申请截止时间是{{application.end}}(北京时间)。
                """)
        }
        #expect(diff.report == "新增问答: 截止日是周末还能交吗?")
        #expect(diff.changes.map(\.kind) == [.added])
    }

    @Test func faqRemovedAndAnswerRewritten() throws {
        let diff = try diff { fixture in
            try fixture.delete("faq/hotline.md")
            try fixture.replace("faq/application-window.md", "建议尽早提交,不要拖到最后一天。", with: "建议尽早提交。")
        }
        #expect(
            diff.report == """
                问答“补申领什么时候开始,什么时候截止？”的答案有改动
                删除问答: 补申领有问题打什么电话？
                """)
    }

    /// Adding the first round to the archive: the new notice with its window and sessions.
    @Test func noticeAdded() throws {
        let diff = try diff { fixture in try fixture.write("notices/2024-09-20.md", firstRoundSummary) }
        #expect(
            diff.report == "新增通告: 2024年9月20日《关于开展计算机软件资格考试、通信职业水平考试单独划线地区证书补申领工作的通告》,"
                + "申请时间2024年9月23日9:00至2024年10月25日17:00,涵盖2023年上半年软考、2023年下半年软考、2024年上半年软考、2023年度通信考试")
    }

    @Test func sessionAddedWithItsCoverage() throws {
        let diff = try diff { fixture in
            try fixture.write(
                "sessions/ruankao-2025-H1.md",
                """
                ---
                exam: ruankao
                session: 2025-H1
                label: 2025年上半年
                thresholds: {junior: 43, intermediate: 42, senior: 40}
                ---
                """)
            try fixture.write(
                "notices/2025-09-01.md",
                firstRoundSummary
                    .replacingOccurrences(of: "id: 2024-09-20", with: "id: 2025-09-01").replacingOccurrences(
                        of: "date: 2024-09-20", with: "date: 2025-09-01"
                    )
                    .replacingOccurrences(of: "2024-09-23T09:00", with: "2025-09-08T09:00").replacingOccurrences(
                        of: "2024-10-25T17:00", with: "2025-09-30T17:00"
                    )
                    .replacingOccurrences(of: "2024-10-28T17:00", with: "2025-10-10T17:00")
                    .replacingOccurrences(
                        of: """
                              - {exam: ruankao, session: 2023-H1}
                              - {exam: ruankao, session: 2023-H2}
                              - {exam: ruankao, session: 2024-H1}
                              - {exam: tongxin, session: "2023"}
                            """, with: "  - {exam: ruankao, session: 2025-H1}"))
        }
        #expect(
            diff.lines == [
                "新增通告: 2025年9月1日《关于开展计算机软件资格考试、通信职业水平考试单独划线地区证书补申领工作的通告》,申请时间2025年9月8日9:00至2025年9月30日17:00,涵盖2025年上半年软考",
                "新增场次: 2025年上半年 软考(单独划线 初级 43、中级 42、高级 40)"
            ])
    }

    @Test func nationalStandardAndAreaPlaces() throws {
        let diff = try diff { fixture in
            try fixture.replace("exams/tongxin.md", "pass_mark: 60", with: "pass_mark: 55")
            try fixture.write(
                "areas/qinghai.md",
                """
                ---
                id: qinghai
                region: 青海省
                scope: part
                basis: 四省涉藏州县
                places: [玉树州, 果洛州]
                sources: [hrss-2022-25]
                ---
                """)
        }
        #expect(
            diff.lines == [
                "通信考试 全国合格标准: 60 → 55",
                "新增单独划线地区: 青海省(部分地区:玉树州、果洛州)"
            ])
    }

    @Test func yearIsKeptWhenTheMovedTimeCrossesIntoAnotherYear() throws {
        let diff = try diff { fixture in
            try fixture.replace("notices/2025-01-15.md", "start: 2025-01-22T09:00+08:00", with: "start: 2024-12-30T09:00+08:00")
            try fixture.replace("notices/2025-01-15.md", "2025年1月22日9:00至2月28日17:00", with: "2024年12月30日9:00至2025年2月28日17:00")
        }
        #expect(diff.lines.first == "2025年1月15日通知 申请开始: 2025年1月22日9:00 → 2024年12月30日9:00")
    }

    // MARK: the changelog the report is recorded in

    @Test func recordedReportIsReadBackAsAChangelogEntry() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        let lines = ["2024年下半年 软考 高级 单独划线: 40 → 41", "新增问答: *星号*和<尖括号>照原样显示吗?"]
        var text = ChangelogText.appending(lines, day: "2025-03-01", to: nil)
        text = ChangelogText.appending(["2025年1月15日通知 申请截止: 2月28日17:00 → 3月7日17:00"], day: "2025-03-05", to: text)
        text = ChangelogText.appending(["通信考试 全国合格标准: 60 → 55"], day: "2025-03-05", to: text)
        try fixture.write(ChangelogText.fileName, text)
        let before = try ContentFixture()
        defer { before.remove() }

        let book = try fixture.load().book
        #expect(book.changelog.map(\.id) == ["2025-03-05-2", "2025-03-05", "2025-03-01"], "newest first; same-day entries get distinct ids")
        #expect(book.changelog.last?.changes == lines, "Markdown characters in a line come back literally")
        #expect(book.changelog.first?.changes == ["通信考试 全国合格标准: 60 → 55"])
        // The changelog records changes; it is not itself a change for candidates.
        #expect(RuleBookDiff(from: try before.load().book, to: book).isEmpty)
    }

    @Test func aChangelogHeadingWithoutADayIsAnError() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.write(ChangelogText.fileName, ChangelogText.newFile + "## 三月一日\n\n- 某项改动\n\n## 2025-03-02\n")
        let diagnostics = fixture.diagnostics()
        #expect(
            diagnostics.contains("changelog.md:8:1: error: '## 三月一日' 不是更新记录的标题:每一条以日期开头,如 '## 2025-03-01'"),
            "got:\n\(diagnostics.joined(separator: "\n"))")
        #expect(
            diagnostics.contains("changelog.md:12:1: error: 2025-03-02 这一条没有列出改动:在标题下面加 '- …' 行,或删掉这个标题"),
            "got:\n\(diagnostics.joined(separator: "\n"))")
    }
}
