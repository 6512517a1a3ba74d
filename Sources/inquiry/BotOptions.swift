import ArgumentParser
import Foundation
import PasslineCore
import PasslineInquiry

/// Options every conversation command shares: where the rules come from, the clock, the output.
struct BotOptions: ParsableArguments {
    @Option(help: "The content directory.") var content = "Content"
    @Option(help: "A published rules.json to use instead of --content.") var rules: String?
    @Option(help: "The instant to answer at, ISO 8601 with offset (default: now, Beijing time).") var now: String?
    @Flag(help: "Print one JSON object per answer: {\"answer\",\"intent\",\"citations\",\"needs\"}.") var json = false
    @Option(
        help:
            "Append every question not fully answered (fallback, not covered, partial) to this file, redacted (ID numbers, phones, names).")
    var log: String?
    @Flag(help: .hidden) var explain = false

    func validate() throws {
        if let now, Instant.parse(now) == nil {
            throw ValidationError("--now must be ISO 8601 with an offset, e.g. 2025-02-10T10:00:00+08:00")
        }
    }

    /// The fixed instant, or the current time for each answer.
    func instant() -> Date { now.flatMap(Instant.parse) ?? Date() }

    func makeBot() throws -> InquiryBot {
        let opening = InquiryBot.prepare()
        defer { _ = opening.value }
        return InquiryBot(book: try RuleBookSource(content: content, rules: rules).load())
    }

    /// Prints a reply and records a fallback in the gap log.
    func emit(_ reply: Conversation.Reply, question: String) {
        if json {
            let data = (try? RuleBook.jsonEncoder().encode(reply.answer)) ?? Data("{}".utf8)
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(reply.answer.answer)
        }
        if explain { FileHandle.standardError.write(Data((reply.explanation + "\n").utf8)) }
        if reply.completeness != .full, let log { GapLog(path: log).append(question, kind: reply.completeness.rawValue, at: instant()) }
    }
}

/// Questions the bot could not answer, for editors to turn into FAQ entries; one line each.
struct GapLog {
    let path: String

    func append(_ question: String, kind: String, at date: Date) {
        let cleaned = InputSanitizer.clean(question)
        guard !cleaned.isEmpty else { return }
        let line = Instant.iso(date) + "\t" + kind + "\t" + Redactor.redact(Normalizer.halfWidth(cleaned)) + "\n"
        let url = URL(fileURLWithPath: path)
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = try? FileHandle(forWritingTo: url) else {
            FileHandle.standardError.write(Data("inquiry: cannot write the log \(path)\n".utf8))
            return
        }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(line.utf8))
    }
}
