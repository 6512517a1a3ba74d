import Foundation
import PasslineCore
@testable import PasslineInquiry

/// Paths inside the repository, found from this file's location so tests run from any directory.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let content = root.appendingPathComponent("Content").path
    static let evaluation = root.appendingPathComponent("Tests/PasslineInquiryTests/Evaluation/eval.json")
    static let scripts = root.appendingPathComponent("Tests/inquiry")

    /// The shipped content and a bot on it, built once for all tests (loading is the slow part).
    static let book: RuleBook = {
        do { return try ContentLoader(directory: content).load().book } catch { fatalError("shipped content does not load: \(error)") }
    }()
    static let bot = InquiryBot(book: book)
}

/// Beijing-time instant as the notice writes it, e.g. `2025-02-10T10:00`.
func beijing(_ text: String) -> Date { Instant.parse(text + "+08:00")! }

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

/// The `inquiry` executable built beside the tests, if any.
enum InquiryBinary {
    static let url: URL? = {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("inquiry")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }()
}
