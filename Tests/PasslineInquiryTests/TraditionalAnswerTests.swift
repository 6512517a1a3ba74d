import Foundation
import PasslineCore
import Testing
@testable import PasslineInquiry

/// The bot answers a Traditional question in the same Traditional as the site's zh-Hant pages: OpenCC
/// s2tw with the content's own forms (Content/traditional.md).
@Suite struct TraditionalAnswerTests {
    @Test func aPlaceIsNamedAsTheTableWritesIt() {
        let answer = ask("岳普湖縣在單獨劃線地區嗎")
        #expect(answer.answer.contains("岳普湖縣"), "\(answer.answer)")
        #expect(!answer.answer.contains("嶽普湖"), "\(answer.answer)")
    }

    @Test func answersUseTheFormsReadersInTaiwanAndHongKongRead() {
        let answer = ask("審核時間是什麼時候")
        #expect(answer.answer.contains("審核"), "\(answer.answer)")
        #expect(!answer.answer.contains("審覈") && !answer.answer.contains("爲"), "\(answer.answer)")
    }

    @Test func theTableTravelsInRulesJSON() throws {
        let decoded = try RuleBook.decode(try RuleBook.jsonEncoder().encode(Repo.book))
        let bot = InquiryBot(book: decoded)
        var conversation = bot.conversation()
        let answer = conversation.reply(to: "岳普湖縣在單獨劃線地區嗎", now: duringWindow).answer
        #expect(answer.answer.contains("岳普湖縣") && !answer.answer.contains("嶽普湖"), "\(answer.answer)")
    }
}
