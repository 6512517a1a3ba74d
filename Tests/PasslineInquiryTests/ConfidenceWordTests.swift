import Foundation
import PasslineCore
import Testing
@testable import PasslineInquiry

/// The bot says how far a cited source can be trusted in the site's words: the one vocabulary of
/// Content/messages.md (`confidence.*`), never words of its own in Content/inquiry.
@Suite struct ConfidenceWordTests {
    /// 新疆 rests on a medium source (sources.md nanjiang-four): the answer's source line names it
    /// with messages.md's word for medium.
    @Test func aCitedMediumSourceIsSaidInMessagesWords() throws {
        let answer = ask("南疆四地州包括哪些地方?")
        let word = try #require(Repo.book.messages["confidence.medium"])
        let title = try #require(Repo.book.source("nanjiang-four")?.title)
        #expect(answer.answer.contains("\(title)(\(word))"), "\(answer.answer)")
    }

    /// Changing the word in messages.md changes what the bot says: it has no copy of its own.
    @Test func theBotFollowsAnEditOfMessages() throws {
        var book = Repo.book
        book.messages["confidence.medium"] = "测试用的说法"
        var conversation = InquiryBot(book: book).conversation()
        let answer = conversation.reply(to: "南疆四地州包括哪些地方?", now: duringWindow).answer
        #expect(answer.answer.contains("(测试用的说法)"), "\(answer.answer)")
    }

    @Test func inquiryContentDefinesNoConfidenceWords() {
        #expect(Repo.book.inquiry?.replies.keys.contains { $0.hasPrefix("confidence.") } == false)
    }
}
