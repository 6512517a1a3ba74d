import PasslineCore
import Testing
@testable import PasslineInquiry

/// Content/inquiry agrees with the bot: every sentence it says exists, every intent is answerable.
@Suite struct ContentCoverageTests {
    @Test func everyReplyTheBotUsesIsInContent() {
        #expect(Repo.bot.missingReplies.isEmpty, "add to Content/inquiry/replies.md: \(Repo.bot.missingReplies)")
    }

    @Test func everyIntentIsAnswerable() {
        #expect(Repo.bot.unanswerableIntents.isEmpty, "intents with neither a composer nor a faq: \(Repo.bot.unanswerableIntents)")
    }

    @Test func everyIntentIsReachableByItsOwnPhrasings() {
        for intent in Repo.book.inquiry!.intents {
            for phrasing in intent.phrasings {
                let answer = ask(phrasing)
                // A scope question that names a level or session is answered as well by the eligibility
                // check, which then says whether it is covered.
                let named = !Repo.bot.slotReader.read(Repo.bot.normalizer.normalize(phrasing), now: duringWindow).slots.isEmpty
                let equivalent = intent.id == "scope" && answer.intent == "eligibility" && named
                #expect(answer.intent == intent.id || equivalent, "'\(phrasing)' of \(intent.id) → \(answer.intent)")
            }
        }
    }
}
