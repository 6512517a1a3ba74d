import ArgumentParser
import Foundation
import PasslineCore

/// `inquiry check`: the eligibility verdict for one candidate, as text or JSON.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Decide whether a candidate may apply, citing the notice.")

    @Option(help: "ruankao or tongxin.") var exam = ""
    @Option(help: "2024-H2 (软考) or 2024 (通信).") var session = ""
    @Option(help: "junior, intermediate or senior.") var level = ""
    @Option(parsing: .unconditional, help: "Comma-separated scores, one per subject, e.g. 40,41,45.") var scores = ""
    @Option(help: "local, relocated or none.") var category = ""
    @Option(help: "The instant to judge the window at, ISO 8601 with offset (default: now).") var now: String?
    @Option(help: "The content directory.") var content = "Content"
    @Option(help: "A published rules.json to use instead of --content.") var rules: String?
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let book = try RuleBookSource(content: content, rules: rules).load()
        let list = scores.isEmpty ? [] : scores.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
        let input = EligibilityInput(exam: exam, session: session, level: level, scores: list, category: category, now: now)
        let verdict = EligibilityEngine(book: book).evaluate(input)
        if json {
            let data = try RuleBook.jsonEncoder().encode(verdict)
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(VerdictText(book: book).render(verdict))
        }
        if verdict.status == .invalidInput { throw ExitCode(2) }
    }
}
