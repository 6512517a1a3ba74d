import ArgumentParser
import Foundation
import PasslineCore
import PasslineInquiry

/// `inquiry eval FILE…`: replays evaluation sets (eval.json, dev.jsonl, a held-out jsonl) and prints
/// conversations and turns passed, per-intent precision/recall/F1, the confusion matrix and the failed
/// turns. Files are read only when it runs. Fails when a conversation fails, unless `--report-only`.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Run evaluation sets and print the report.")

    @Option(help: "The content directory.") var content = "Content"
    @Option(help: "A published rules.json to use instead of --content.") var rules: String?
    @Option(help: "The number of conversations the set must hold (printed as passed/N).") var expectConversations: Int?
    @Option(help: "The number of turns the set must hold.") var expectTurns: Int?
    @Flag(help: "Exit 0 even when conversations fail (a measurement, not a gate).") var reportOnly = false
    @Argument(help: "Evaluation files: .json (eval.json format) or .jsonl (one turn per line).") var files: [String]

    func run() throws {
        let bot = InquiryBot(book: try RuleBookSource(content: content, rules: rules).load())
        let runner = EvaluationRunner(bot: bot)
        var conversations: [EvaluationConversation] = []
        for file in files { conversations += try EvaluationFile.load(file) }
        let report = runner.run(runner.expanded(conversations))
        print(report.text(expectedConversations: expectConversations, expectedTurns: expectTurns))
        if !reportOnly && report.conversationsPassed < report.conversations { throw ExitCode(1) }
    }
}
