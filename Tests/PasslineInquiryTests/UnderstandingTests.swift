import Foundation
import PasslineCore
import Testing
@testable import PasslineInquiry

/// What a turn does before what it says (issue 10, items 1–3, 5, 6). Expected values from the
/// notice of 2025-01-15: 软考 2023H2 42, 2024H1 39, 2024H2 初中级 39 (三(一)); 通信 subjects
/// 通信专业综合能力、通信专业实务 (exams/tongxin.md); categories 二(一)/二(二); hotline 010-68607734;
/// the first round (notices/2024-09-20.md) 2024年9月23日9:00 – 2024年10月25日17:00.
@Suite struct UnderstandingTests {
    static let hotline = Repo.book.currentNotice?.hotline ?? "?"

    @Test func aNumberInARuleQuestionIsNotTheCallersScore() {
        let answer = ask("考到40分算过线吗")
        #expect(answer.intent == "threshold")
        #expect(answer.answer.contains("39分(含)") && answer.answer.contains("42分(含)"))
        #expect(!answer.answer.contains("不符合") && !answer.answer.contains("低于"))
        let conversation = converse(["考到40分算过线吗", "2024年上半年软考中级"])
        #expect(!conversation[1].answer.contains("40分"), "the rule's number became a score: \(conversation[1].answer)")
    }

    @Test func theYearOfMovingIsNotTheExamSession() {
        let answer = ask("我前年调去凉山上班,2024年上半年软考中级考了40和41分,能申请吗")
        #expect(answer.answer.contains("39分(含)"))
        #expect(answer.answer.contains("二(二)"))
        let alone = ask("我前年调去凉山上班,软考中级考了40和41分,能申请吗")
        #expect(alone.needs.first == "session", "前年 was read as the session: \(alone.answer)")
    }

    @Test func aCorrectionChangesTheOneSubjectNamed() {
        let answers = converse(["我2024年上半年软考中级考了40和38分", "刚才说错了,下午那科是43"])
        #expect(answers[0].answer.contains("38分,低于2024年上半年"))
        #expect(!answers[1].answer.contains("低于"), "\(answers[1].answer)")
        #expect(answers[1].answer.contains("成绩已达到2024年上半年单独划线合格标准39分(含)"))
        let first = converse(["我2024年上半年软考中级考了38和40分", "上午那科是41"])
        #expect(!first[1].answer.contains("低于"), "\(first[1].answer)")
    }

    @Test func anExamSwitchResetsWhatDependsOnIt() {
        let answers = converse(["2023年下半年软考中级43和44分能申领吗", "我说错了,考的是通信"])
        #expect(answers[1].intent == "eligibility")
        #expect(answers[1].needs.first == "scores")
        #expect(answers[1].answer.contains("通信专业综合能力"))
    }

    @Test func terseRepliesFillThePendingQuestion() {
        let start = "2024年下半年中级软考40和41分能申领吗"
        let yes = converse([start, "是的"])
        #expect(yes[1].answer.contains("符合申领条件") && yes[1].citations.contains("notice:二(一)"))
        let elsewhere = converse([start, "外地考的,现在在拉萨工作"])
        #expect(elsewhere[1].citations.contains("notice:二(二)"))
        let level = converse(["我2024年下半年软考考了40和41分,能申领吗", "中级"])
        #expect(level[1].intent == "eligibility" && level[1].answer.contains("39分(含)"))
        let county = converse([start, "在安康考的", "汉滨区"])
        #expect(county[1].needs == ["county"])
        #expect(county[2].answer.contains("符合申领条件"), "\(county[2].answer)")
        let exam = converse(["我能补申领吗?", "软考", "2024年下半年", "中级", "40 41", "在拉萨报名的"])
        #expect(exam.map { $0.needs.first } == ["exam", "session", "level", "scores", "category", nil])
    }

    @Test func aVerdictIsKeptAndRestatedWhenAFactChangesIt() {
        let answers = converse(["2023年下半年软考中级43和44分,在拉萨考的,能申领吗", "谢谢", "那审核什么时候", "我记错了,是在北京考的,现在也在北京工作"])
        #expect(answers[0].answer.contains("符合申领条件"))
        #expect(answers[3].answer.contains("结论有变化"), "\(answers[3].answer)")
        #expect(answers[3].answer.contains("不符合"))
    }

    @Test func theFirstRoundIsAnsweredFromItsNotice() {
        let during = ask("第一轮补申领什么时候截止", at: beijing("2024-10-10T14:00"))
        #expect(during.answer.contains("2024年9月23日9:00") && during.answer.contains("2024年10月25日17:00"))
        #expect(during.answer.contains("正在受理"))
        let later = ask("第一轮补申领什么时候截止", at: duringWindow)
        #expect(later.answer.contains("2024年10月25日17:00") && later.answer.contains("截止"))
        let between = ask("补申领什么时候开始", at: beijing("2024-11-15T10:00"))
        #expect(!between.answer.contains("2025年1月22日9:00"), "the second notice did not exist yet: \(between.answer)")
    }

    @Test func theNextRoundIsNotInvented() {
        let answer = ask("下一轮补申领什么时候开始?", at: beijing("2026-12-02T15:00"))
        #expect(answer.intent == "next-round")
        #expect(answer.answer.contains(Self.hotline))
        #expect(!answer.answer.contains("正在受理") && !answer.answer.contains("尚未开始"))
    }

    @Test func theQuestionAtTheEndOfALongMessageIsAnswered() {
        let story = String(repeating: "我从小在农村长大,大学读的是计算机专业,毕业以后在一家小公司做网络维护,工作很辛苦。后来听同事说考个证书有帮助,就开始利用下班时间复习,每天晚上学习到很晚,周末也不休息。", count: 24)
        #expect(story.count >= 2_000)
        let answer = ask(story + "请问补申领什么时候截止?")
        #expect(answer.intent == "window")
        #expect(answer.answer.contains("2025年2月28日17:00"))
        let hotline = ask(story + "你们的咨询电话是多少?")
        #expect(hotline.answer.contains(Self.hotline))
    }

    @Test func aScriptNeutralTurnKeepsTheConversationsScript() {
        let answers = converse(["單獨劃線地區有哪些?", "西藏"])
        #expect(answers[1].answer.contains("單獨劃線"), "\(answers[1].answer)")
        #expect(!answers[1].answer.contains("单独划线"))
        let simplified = converse(["单独划线地区有哪些?", "西藏"])
        #expect(simplified[1].answer.contains("单独划线"))
    }

    @Test func anEnglishQuestionGetsAnHonestChineseReply() {
        let answer = ask("When is the deadline for the application?")
        #expect(answer.answer.contains(Self.hotline))
        #expect(answer.answer.contains("中文"))
    }

    @Test func typosOfReviewAreReview() {
        for typo in ["审合什么时候结束", "审和什么时候开始"] { #expect(ask(typo).intent == "review", "\(typo)") }
    }

    @Test func whyTheBotAsksKeepsItsQuestion() {
        let answers = converse(["2024年下半年中级软考40和41分能申领吗", "为什么要问这个", "在拉萨考的"])
        #expect(answers[1].intent == "meta" && answers[1].answer.contains(Self.hotline))
        #expect(answers[2].answer.contains("符合申领条件"))
    }

    @Test func livingThereIsNotWorkingThere() {
        let answer = ask("我家在林芝,在成都上班,2023年下半年软考中级考了43和44分,能申领吗")
        #expect(!answer.answer.contains("符合申领条件"))
        #expect(answer.answer.contains("工作"))
    }
}
