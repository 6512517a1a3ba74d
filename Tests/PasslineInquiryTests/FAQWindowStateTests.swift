import Foundation
import Testing
@testable import PasslineCore
@testable import PasslineInquiry

/// The bot answers a FAQ question as the answer reads at the moment asked: after the close it gives
/// none of the advice that holds only while the round is open.
@Suite struct FAQWindowStateTests {
    static let afterClose = beijing("2026-12-01T10:00")
    static let openWindowAdvice = [
        "尽早提交", "不要拖到最后一天", "可以通过本轮补申领办理", "可以通过本次补申领办理",
        "如果全国开始时间已过", "现在正在受理"
    ]

    @Test func everyFAQQuestionAfterTheCloseGetsNoOpenWindowAdvice() {
        for entry in Repo.book.faq {
            let answer = ask(entry.question, at: Self.afterClose).answer
            for advice in Self.openWindowAdvice { #expect(!answer.contains(advice), "“\(entry.question)” → “\(advice)”") }
            #expect(!answer.contains(":::"), "\(entry.id)")
        }
    }

    @Test func theSameQuestionInsideTheWindowStillAdvises() {
        #expect(ask("补申领什么时候开始,什么时候截止？", at: duringWindow).answer.contains("尽早提交"))
        #expect(ask("补申领什么时候开始,什么时候截止？", at: Self.afterClose).answer.contains("已于2025年2月28日17:00截止"))
    }
}
