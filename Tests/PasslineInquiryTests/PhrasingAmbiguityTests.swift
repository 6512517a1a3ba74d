import Foundation
import PasslineCore
import Testing
@testable import PasslineInquiry

/// A phrasing of Content/inquiry that the bot would take for another intent's question is found (what
/// `passline check` warns about); the shipped phrasings each belong to their own intent.
@Suite struct PhrasingAmbiguityTests {
    @Test func theShippedPhrasingsEachLeadToTheirOwnIntent() {
        #expect(Repo.bot.ambiguousPhrasings.isEmpty, "\(Repo.bot.ambiguousPhrasings)")
    }

    @Test func aHotlinePhrasingThatAsksForTheDeadlineIsFound() throws {
        var book = Repo.book
        var content = try #require(book.inquiry)
        let index = try #require(content.intents.firstIndex { $0.id == "hotline" })
        content.intents[index].phrasings.append("申请什么时候截止")
        book.inquiry = content
        let found = InquiryBot(book: book).ambiguousPhrasings
        #expect(found.count == 1)
        #expect(found.first?.intent == "hotline")
        #expect(found.first?.phrasing == "申请什么时候截止")
        #expect(found.first?.others.first == "window")
    }
}
