import Foundation
import Testing
@testable import PasslineCore

/// Parts of FAQ answers written for some states of the round's window (`:::截止后` … `:::`).
@Suite struct WindowTextTests {
    /// Advice that holds only while a round can still be applied to (issue 11: the words the five
    /// answers used to give in every state).
    static let openWindowAdvice = [
        "尽早提交", "不要拖到最后一天", "可以通过本轮补申领办理", "可以通过本次补申领办理",
        "如果全国开始时间已过", "现在正在受理"
    ]

    @Test func partsAreShownOnlyInTheirStates() {
        let text = "总是。\n\n:::开始前、申请期内\n尽早。\n:::\n\n:::截止后\n已截止。\n:::\n"
        #expect(WindowText.text(text, in: .open).contains("尽早。") && !WindowText.text(text, in: .open).contains("已截止"))
        #expect(WindowText.text(text, in: .before).contains("尽早。"))
        let closed = WindowText.text(text, in: .closed)
        #expect(closed.contains("总是。") && closed.contains("已截止。") && !closed.contains("尽早") && !closed.contains(":::"))
        #expect(WindowText.problems(text).isEmpty)
    }

    @Test func markersItCannotReadAreNamedByLineWithTheFix() {
        #expect(WindowText.problems("甲\n:::已结束\n乙\n:::").map(\.line) == [2])
        #expect(WindowText.problems("甲\n:::已结束\n乙\n:::").first?.message.contains("只能写 开始前、申请期内、截止后") == true)
        #expect(WindowText.problems(":::截止后\n乙\n").map(\.line) == [1], "never closed")
        #expect(WindowText.problems(":::截止后\n乙\n:::申请期内\n丙\n:::").map(\.line) == [3], "nested")
        #expect(WindowText.problems("甲\n:::\n").map(\.line) == [2], "closed without opening")
    }

    @Test func passlineCheckNamesTheFileAndLineInChinese() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.write(
            "faq/state-part.md",
            """
            ---
            id: state-part
            question: 截止后还能交吗?
            cites: ["notice:一(一)"]
            ---
            不能。

            :::截止以后
            已经截止。
            :::

            """)
        let messages = fixture.diagnostics()
        #expect(messages.contains { $0.contains("faq/state-part.md:8:1: error: '截止以后' 不是申请状态:只能写 开始前、申请期内、截止后") }, "\(messages)")
    }

    /// Every shipped answer in every state: none gives open-window advice once the round has closed,
    /// and the answers that advise do so while it is open.
    @Test func noShippedAnswerGivesOpenWindowAdviceWhenClosed() throws {
        let book = try Repo.book()
        #expect(book.faq.count >= 20)
        for entry in book.faq {
            #expect(WindowText.problems(entry.answer).isEmpty, "\(entry.id)")
            let closed = entry.answer(in: .closed)
            for advice in Self.openWindowAdvice { #expect(!closed.contains(advice), "faq/\(entry.id).md says “\(advice)” after the close") }
            for state in [WindowState.before, .open, .closed] { #expect(!entry.answer(in: state).contains(":::"), "\(entry.id)") }
        }
        let application = try #require(book.faq.first { $0.id == "application-window" })
        #expect(application.answer(in: .open).contains("尽早提交"))
        #expect(application.answer(in: .closed).contains("已于2025年2月28日17:00截止"))
    }
}
