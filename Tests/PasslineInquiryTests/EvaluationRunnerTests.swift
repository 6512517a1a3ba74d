import Foundation
import PasslineCore
import Testing
@testable import PasslineInquiry

/// The runner behind `make eval` and `make eval-heldout`, tried on a small synthetic set in the
/// held-out format (HeldOut/HELDOUT-FORMAT.md), and the dev set it gates.
@Suite struct EvaluationRunnerTests {
    static let hotline = Repo.book.currentNotice?.hotline ?? "?"

    /// Three conversations, four turns: one passes, one fails on `must`, one fails on `must_any`.
    static var synthetic: String {
        [
            #"{"conv":"s-1","now":"2025-02-10T10:00:00+08:00","q":"咨询电话是多少","intent":"hotline","must":["\#(hotline)"],"must_not":[]}"#,
            #"{"conv":"s-1","q":"谢谢","intent":"thanks","must":[],"must_not":["不符合"]}"#,
            #"{"conv":"s-2","now":"2025-02-10T10:00:00+08:00","q":"咨询电话是多少","intent":"window","must":["这串字不会出现"],"must_not":[]}"#,
            "",
            #"{"conv":"s-3","now":"2025-02-10T10:00:00+08:00","q":"你好","intent":"greeting","must":[],"must_not":[],"must_any":["也不会出现","同样不会"],"note":"ignored"}"#
        ].joined(separator: "\n")
    }

    @Test func countsConversationsTurnsAndIntentsAsTheContractSays() throws {
        let conversations = try EvaluationFile.lines(Data(Self.synthetic.utf8), path: "synthetic.jsonl")
        #expect(conversations.map(\.id) == ["s-1", "s-2", "s-3"])
        #expect(conversations[0].turns.count == 2)
        let runner = EvaluationRunner(bot: Repo.bot)
        let report = runner.run(conversations)
        #expect(report.conversations == 3 && report.conversationsPassed == 1)
        #expect(report.turns == 4 && report.turnsPassed == 2)
        #expect(report.failedConversations == ["s-2", "s-3"])
        #expect(report.failures.first { $0.conversation == "s-3" }?.anyMissing == ["也不会出现", "同样不会"])
        // s-2 expected `window` but the bot answered the hotline: a miss for window, a false positive for hotline.
        let scores = Dictionary(uniqueKeysWithValues: report.scores.map { ($0.label, $0) })
        #expect(scores["window"]?.recall == 0)
        #expect(scores["hotline"]?.precision == 0.5 && scores["hotline"]?.recall == 1)
        let text = report.text(expectedConversations: 308, expectedTurns: 407)
        #expect(text.contains("conversations passed: 1/308 (read 3)"))
        #expect(text.contains("turns passed: 2/407 (read 4)"))
        #expect(text.contains("window → hotline: 1"))
    }

    /// `must_any` as groups (the held-out set's shape): every group needs one of its strings; a group
    /// none of whose strings appears is what the failure names, the satisfied group is not.
    @Test func eachGroupOfAlternativesMustBeMet() throws {
        let lines = [
            #"{"conv":"g-1","now":"2025-02-10T10:00:00+08:00","q":"咨询电话是多少","intent":"hotline","must":[],"must_not":[],"must_any":[["\#(Self.hotline)","不会出现"],["也不会出现","同样不会"]]}"#,
            #"{"conv":"g-2","now":"2025-02-10T10:00:00+08:00","q":"咨询电话是多少","intent":"hotline","must":[],"must_not":[],"must_any":[["不会出现","\#(Self.hotline)"]]}"#
        ].joined(separator: "\n")
        let conversations = try EvaluationFile.lines(Data(lines.utf8), path: "groups.jsonl")
        #expect(conversations.first?.turns.first?.mustAny?.count == 2)
        let report = EvaluationRunner(bot: Repo.bot).run(conversations)
        #expect(report.failedConversations == ["g-1"])
        #expect(report.failures.first?.anyMissing == ["也不会出现", "同样不会"])
    }

    @Test func aFirstLineWithoutAClockIsAnError() {
        #expect(throws: EvaluationFile.Problem.self) {
            try EvaluationFile.lines(Data(#"{"conv":"x","q":"你好"}"#.utf8), path: "bad.jsonl")
        }
    }

    @Test func everyBotIntentMapsOntoALabel() {
        for intent in Composer.composed { #expect(IntentLabels.label(of: intent) != nil, "\(intent)") }
        for intent in Repo.book.inquiry?.intents ?? [] { #expect(IntentLabels.label(of: intent.id) != nil, "\(intent.id)") }
        #expect(IntentLabels.label(of: "empty") == "fallback")
        #expect(IntentLabels.label(of: "faq:same-sitting") == "faq:same-sitting")
        #expect(IntentLabels.label(of: "no-such-intent") == nil)
    }

    @Test func traditionalVariantsAreGeneratedWithOpenCC() {
        let turn = EvaluationConversation.Turn(q: "单独划线地区有哪些", intent: "areas", must: ["单独划线"], mustNot: ["北京"], mustAny: nil)
        let conversation = EvaluationConversation(id: "v", now: "2025-02-10T10:00:00+08:00", turns: [turn], variants: ["hant"])
        let expanded = EvaluationRunner(bot: Repo.bot).expanded([conversation])
        #expect(expanded.map(\.id) == ["v", "v-hant"])
        #expect(expanded[1].turns[0].q == "單獨劃線地區有哪些")
        #expect(expanded[1].turns[0].must == ["單獨劃線"])
        #expect(expanded[1].turns[0].mustNot.contains("这"))
    }

    static let evaluation = Repository.url("Tests/PasslineInquiryTests/Evaluation")

    @Test func theDevSetPassesWhole() throws {
        var conversations = try EvaluationFile.load(Self.evaluation.appendingPathComponent("eval.json").path)
        let dev = try EvaluationFile.load(Self.evaluation.appendingPathComponent("dev.jsonl").path)
        #expect(dev.count >= 100, "at least 100 new dev conversations")
        conversations += dev
        let runner = EvaluationRunner(bot: Repo.bot)
        let report = runner.run(runner.expanded(conversations))
        let failed = report.failures.map {
            "\($0.conversation)[\($0.turn)] \($0.question.prefix(40)) → \($0.actual) missing \($0.missing) forbidden \($0.forbidden) any \($0.anyMissing)"
        }
        #expect(report.conversationsPassed == report.conversations, "\(failed.joined(separator: "\n"))")
    }
}

/// Intents and word lists named in content are the bot's own (enums checked when the bot is built).
@Suite struct ContentNamesTests {
    @Test func contentNamesOnlyIntentsAndListsTheBotKnows() {
        #expect(Repo.bot.contentProblems.isEmpty, "\(Repo.bot.contentProblems)")
        for list in WordList.allCases { #expect(!Repo.bot.lexicon.words(list).isEmpty, "vocabulary.lists.\(list.rawValue) is empty") }
    }
}
