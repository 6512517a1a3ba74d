import Foundation
import PasslineCore
/// Re-exported so every file of this target sees `beijing`, `Repository` and the rest without its own import.
@_exported import PasslineTesting
@testable import PasslineInquiry

/// This target's paths inside the repository (`Repository` in PasslineTesting finds the root).
enum Repo {
    static let content = Repository.content
    static let evaluation = Repository.url("Tests/PasslineInquiryTests/Evaluation/eval.json")

    /// The shipped content and a bot on it, built once for all tests (loading is the slow part).
    static let book: RuleBook = {
        do { return try ContentLoader(directory: content).load().book } catch { fatalError("shipped content does not load: \(error)") }
    }()
    static let bot = InquiryBot(book: book)
}

/// A moment inside the application window (2025年1月22日9:00 – 2月28日17:00, notice 一(一)).
let duringWindow = beijing("2025-02-10T10:00")

/// Asks one question in a fresh conversation.
func ask(_ question: String, at now: Date = duringWindow) -> Answer {
    var conversation = Repo.bot.conversation()
    return conversation.reply(to: question, now: now).answer
}

/// Asks questions in turn in one conversation, returning every answer.
func converse(_ questions: [String], at now: Date = duringWindow) -> [Answer] {
    var conversation = Repo.bot.conversation()
    return questions.map { conversation.reply(to: $0, now: now).answer }
}
