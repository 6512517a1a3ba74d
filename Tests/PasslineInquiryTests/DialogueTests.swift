import Foundation
import PasslineCore
import Testing
@testable import PasslineInquiry

/// Conversations as a caller has them. Expected values come from the notice of 2025-01-15:
/// application 2025年1月22日9:00–2月28日17:00 (一(一)); 软考 2023H2 42, 2024H1 39, 2024H2 初中级 39 /
/// 高级 40 (三(一)); categories 二(一) / 二(二); national 45 of 75 (exams/ruankao.md).
@Suite struct DialogueTests {
    @Test func theIssueExampleIsBelowThreshold() {
        let answer = ask("我2023年下半年考了41和50分,在喀什,能补领吗?")
        #expect(answer.intent == "eligibility")
        #expect(answer.answer.contains("41分,低于2023年下半年单独划线合格标准42分(含)"))
        #expect(!answer.answer.contains("可以申领"))
        #expect(answer.citations.contains("notice:三(一)2"))
        #expect(answer.needs.isEmpty)
    }

    @Test func asksForOneMissingThingAtATime() {
        let answers = converse(["我能补申领吗?", "软考", "2024年下半年", "高级", "40 41 42", "在拉萨报名的"])
        #expect(answers.map { $0.needs.first } == ["exam", "session", "level", "scores", "category", nil])
        #expect(answers[3].answer.contains("综合知识、案例分析、论文"))
        let verdict = answers[5]
        #expect(verdict.answer.contains("符合申领条件"))
        #expect(verdict.answer.contains("40分(含)"))
        #expect(verdict.citations.contains("notice:二(一)"))
        #expect(verdict.citations.contains("notice:三(一)4"))
    }

    @Test func usesWhatWasSaidInAnyOrder() {
        let answer = ask("在拉萨报名,高级,40 41 42,2024年下半年软考,能领吗")
        #expect(answer.needs.isEmpty)
        #expect(answer.answer.contains("符合申领条件"))
        let reordered = converse(["40 41 42", "拉萨考的", "24下", "系统架构设计师"])
        #expect(reordered.last?.answer.contains("符合申领条件") == true)
    }

    @Test func doesNotAskWhatCannotChangeTheAnswer() {
        // 2023H2: 初级 and 中级 both 42 and both two subjects: the level does not matter; 41 is below.
        let answer = ask("23年下半年软考考了41和43")
        #expect(answer.needs.isEmpty)
        #expect(answer.answer.contains("42"))
    }

    @Test func relocatedCandidateCitesTheSecondCategory() {
        let answer = ask("2024年上半年软考中级40和41,我在北京考的,现在调到西藏工作了,能补申领吗")
        #expect(answer.answer.contains("符合申领条件"))
        #expect(answer.citations.contains("notice:二(二)"))
        #expect(!answer.citations.contains("notice:二(一)"))
    }

    @Test func notInAnAreaIsToldSo() {
        let answer = ask("2024年上半年软考中级40和41,在北京报名,在北京工作")
        #expect(answer.answer.contains(VerdictText.statusNames[.notInArea]!))
    }

    @Test func nationalPassNeedsNoDelineatedCertificate() {
        let answer = ask("2024年上半年软考中级46和50,在拉萨考的,能申领吗")
        #expect(answer.answer.contains("45"))
        #expect(answer.answer.contains(VerdictText.statusNames[.nationalPass]!))
    }

    @Test func followUpsReuseContext() {
        let answers = converse(["2024年下半年中级单独划线分数线是多少", "高级呢?", "那2023年下半年呢?"])
        #expect(answers[0].answer.contains("39分(含)"))
        #expect(answers[1].answer.contains("高级:各科目40分(含)"))
        #expect(answers[1].citations.contains("notice:三(一)4"))
        #expect(answers[2].answer.contains("42分(含)"))
        #expect(!answers[2].answer.contains("39分"))
    }

    @Test func eligibilityFollowUpChangesOnlyTheSession() {
        let answers = converse(["2023年下半年软考中级41和43,在拉萨报名的,能申请吗", "那如果是2024年上半年考的呢?"])
        #expect(answers[0].answer.contains("低于2023年下半年"))
        #expect(answers[1].answer.contains("符合申领条件"))
        #expect(answers[1].answer.contains("39"))
    }

    @Test func resetForgetsTheConversation() {
        var conversation = Repo.bot.conversation()
        _ = conversation.reply(to: "2024年下半年高级分数线", now: duringWindow)
        conversation.reset()
        #expect(conversation.context.isEmpty)
        // Without the session said before the reset, the senior thresholds of every session are listed.
        let answer = conversation.reply(to: "高级呢?", now: duringWindow).answer
        #expect(answer.answer.contains("2023年上半年"))
    }

    @Test func answersInTheScriptOfTheQuestion() {
        let answer = ask("補申領什麼時候截止?")
        #expect(answer.intent == "window")
        #expect(answer.answer.contains("2025年2月28日17:00"))
        #expect(answer.answer.contains("來源"))
        #expect(!answer.answer.contains("来源"))
        #expect(ask("补申领什么时候截止?").answer.contains("来源"))
    }
}
