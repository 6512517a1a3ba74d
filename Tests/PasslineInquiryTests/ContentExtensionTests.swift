import Foundation
import PasslineCore
import Testing
@testable import PasslineInquiry

/// The bot learns from content alone: a FAQ entry an editor adds is answered with no code change,
/// and a published rules.json carries everything the bot needs.
@Suite struct ContentExtensionTests {
    /// A temporary copy of Content/, removed afterwards.
    func withContentCopy(_ body: (URL) throws -> Void) throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("passline-inquiry-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Repo.content), to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        try body(copy)
    }

    @Test func aNewFAQFileIsAnsweredWithoutCodeChanges() throws {
        try withContentCopy { copy in
            let question = "补申领可以找人代办吗?"
            #expect(first(question, book: try ContentLoader(directory: copy.path).load().book).intent == "fallback")
            let faq = """
                ---
                id: proxy-application
                question: "补申领可以请别人代办吗？"
                phrasings: ["能不能找人代办", "让家人帮忙申请行吗", "可以代替别人申请吗"]
                keywords: ["代办", "代替", "帮忙申请"]
                cites: ["notice:四"]
                order: 999
                ---
                通知要求参考人员输入注册时的账号和密码提交申请(通知四)。咨询电话{{notice.hotline}}。
                """
            try faq.write(to: copy.appendingPathComponent("faq/proxy-application.md"), atomically: true, encoding: .utf8)
            let book = try ContentLoader(directory: copy.path).load().book
            let answer = first(question, book: book)
            #expect(answer.intent == "faq:proxy-application")
            #expect(answer.answer.contains("注册时的账号和密码"))
            #expect(answer.answer.contains("010-68607734"))
            #expect(answer.citations.contains("notice:四"))
        }
    }

    @Test func aNewPhrasingInContentTeachesAnIntent() throws {
        try withContentCopy { copy in
            let question = "补申领的大门啥时候关"
            let path = copy.appendingPathComponent("inquiry/extra.md")
            try """
            ---
            intents:
              - id: window-extra
                about: 申请时间的另一种问法
                phrasings: ["补申领的大门什么时候关"]
                faq: application-window
            ---
            """.write(to: path, atomically: true, encoding: .utf8)
            let answer = first(question, book: try ContentLoader(directory: copy.path).load().book)
            #expect(answer.intent == "window-extra")
            #expect(answer.answer.contains("2025年2月28日17:00"))
        }
    }

    @Test func brokenInquiryContentIsReportedAtItsLine() throws {
        try withContentCopy { copy in
            try """
            ---
            intents:
              - id: bad
                about: x
                patterns: ["(unclosed"]
                faq: no-such-entry
            ---
            """.write(to: copy.appendingPathComponent("inquiry/bad.md"), atomically: true, encoding: .utf8)
            #expect(throws: ContentErrors.self) { try ContentLoader(directory: copy.path).load() }
            do { _ = try ContentLoader(directory: copy.path).load() } catch let errors as ContentErrors {
                let text = errors.diagnostics.map(\.description).joined(separator: "\n")
                #expect(text.contains("bad.md:5"))
                #expect(text.contains("no FAQ entry 'no-such-entry'"))
            }
        }
    }

    @Test func rulesJSONCarriesWhatTheBotNeeds() throws {
        let data = try RuleBook.jsonEncoder().encode(Repo.book)
        let decoded = try RuleBook.decode(data)
        #expect(decoded.inquiry == Repo.book.inquiry)
        let fromBundle = InquiryBot(book: decoded)
        for question in ["我2023年下半年考了41和50分,在喀什,能补领吗?", "拉萨算吗", "补申领什么时候截止", "证书丢了怎么办"] {
            var a = fromBundle.conversation(), b = Repo.bot.conversation()
            #expect(a.reply(to: question, now: duringWindow).answer == b.reply(to: question, now: duringWindow).answer)
        }
    }
}

/// The answer to a first question, by a bot on `book`, during the application window.
func first(_ question: String, book: RuleBook) -> Answer {
    var conversation = InquiryBot(book: book).conversation()
    return conversation.reply(to: question, now: duringWindow).answer
}
