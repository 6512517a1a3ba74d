import Foundation
import PasslineCore
import Testing
@testable import PasslineInquiry

/// Sessions, scores, levels, exams and places as callers say them.
@Suite struct SlotReaderTests {
    func slots(_ text: String, now: Date = duringWindow) -> Slots {
        Repo.bot.slotReader.read(Repo.bot.normalizer.normalize(text), now: now).slots
    }

    @Test func sessionsInEveryForm() {
        #expect(slots("2023年下半年").sessions == [SessionMention(year: 2023, half: 2)])
        #expect(slots("23年下半年").sessions == [SessionMention(year: 2023, half: 2)])
        #expect(slots("24上").sessions == [SessionMention(year: 2024, half: 1)])
        #expect(slots("二〇二三年上半年").sessions == [SessionMention(year: 2023, half: 1)])
        #expect(slots("通信2024年度").sessions == [SessionMention(year: 2024, half: nil)])
        #expect(slots("2024下").sessions == [SessionMention(year: 2024, half: 2)])
    }

    @Test func relativeYearsCountFromTheMomentAsked() {
        // Asked on 2025-02-10 (Beijing): 去年 is 2024.
        #expect(slots("去年下半年").sessions == [SessionMention(year: 2024, half: 2)])
        #expect(slots("前年上半年").sessions == [SessionMention(year: 2023, half: 1)])
        #expect(slots("去年下半年", now: beijing("2024-03-01T10:00")).sessions == [SessionMention(year: 2023, half: 2)])
    }

    /// A category the caller denies is not theirs: `不在单独划线地区报名的` contains the words for
    /// registering in an area, and `没有到单独划线地区工作` those for working there.
    @Test func aDeniedCategoryIsNotTheCallers() {
        #expect(slots("我考了41和43,不在单独划线地区报名的").category == nil)
        #expect(slots("不是在当地考的,也没有到单独划线地区工作").category == nil)
        #expect(slots("在单独划线地区报名的").category == .local)
        #expect(slots("在北京考的,现在调到拉萨工作").category == .relocated)
        // A lone 不 further back in the clause is not a denial (不知道…).
        #expect(slots("不知道算不算,我是在当地考的").category == .local)
    }

    @Test func datesAndTimesAreNotSessionsOrScores() {
        let s = slots("2025年2月28日17:00之前")
        #expect(s.sessions.isEmpty)
        #expect(s.scores.isEmpty)
    }

    @Test func severalScoresInOneSentence() {
        #expect(slots("考了41和43").scores.map(\.value) == [41, 43])
        #expect(slots("40 42").scores.map(\.value) == [40, 42])
        #expect(slots("考了四十一和五十分").scores.map(\.value) == [41, 50])
        let named = slots("综合知识42,案例分析39,论文45").scores
        #expect(named.map(\.value) == [42, 39, 45])
        #expect(named.map(\.subject) == ["综合知识", "案例分析", "论文"])
    }

    @Test func countsTotalsAndPhoneNumbersAreNotScores() {
        #expect(slots("考了3次").scores.isEmpty)
        #expect(slots("总分130").scores.isEmpty)
        #expect(slots("电话010-68607734").scores.isEmpty)
        #expect(slots("两科都是41").uniformScore)
    }

    @Test func levelsAndQualificationNames() {
        #expect(slots("高级").levels == [.senior])
        #expect(slots("信息安全工程师").levels == [.intermediate])
        #expect(slots("信息安全工程师").qualification == "信息安全工程师")
        #expect(slots("高项").levels == [.senior])
        #expect(slots("程序员").levels == [.junior])
        #expect(slots("初、中级").levels == [.junior, .intermediate])
    }

    @Test func examNamesAndAliases() {
        #expect(slots("软考").exam == "ruankao")
        #expect(slots("计算机软件资格考试").exam == "ruankao")
        #expect(slots("通信考试").exam == "tongxin")
        #expect(slots("全国通信专业技术人员职业水平考试").exam == "tongxin")
    }

    @Test func placesAndWhereTheyStand() {
        #expect(slots("拉萨").places.first?.status == .within(area: "xizang"))
        #expect(slots("西藏").places.first?.status == .region(area: "xizang"))
        #expect(slots("北京").places.first?.status == .notDelineated)
        #expect(slots("新疆").places.first?.status == .region(area: "xinjiang"))
        #expect(slots("喀什").places.first?.canonical == "喀什地区")
        #expect(slots("在凉山").places.first?.status == .listed(area: "sichuan"))
        #expect(slots("我在金华市").places.first.map { $0.status == nil } == true)
        // 海南州 is in 青海; 海南 alone is the province.
        #expect(slots("海南州").places.first?.status == .listed(area: "qinghai"))
        #expect(slots("海南").places.first?.status == .notDelineated)
        // Words ending in 区/县 that are not places.
        #expect(slots("我在单独划线地区报名").places.isEmpty)
        #expect(slots("中华人民共和国").places.isEmpty)
    }

    @Test func placeRolesTellExamFromWork() {
        let places = slots("我在北京考的,现在调到西藏工作了").places
        #expect(places.map(\.role) == [.exam, .work])
    }
}
