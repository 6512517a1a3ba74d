import ArgumentParser
import Foundation
import PasslineCore

/// `passline new`: a correctly shaped content file to fill in, checked at once so the editor sees
/// what is left to fill.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new notice, session or FAQ file with every required key explained, then check it.",
        discussion: """
            The new file holds 待填 ("to fill") wherever only you know the value; the command ends by listing \
            every 待填 left in the content, file by file, with what goes there. Examples:
              passline new session --id ruankao-2025-H1
              passline new notice --id 2025-09-01            (--summary when only a summary is at hand)
              passline new faq --id deadline-weekend
            Exit status: 0 the file was created (it fails the check until filled); 2 it could not be created.
            """
    )

    @Argument(help: "What to create: notice, session or faq.")
    var kind: String

    @Option(help: "The content directory.")
    var content = "Content"

    @Option(help: "The new file's id: a day for a notice (default today), <exam>-<session> for a session, a word-like id for a FAQ entry.")
    var id: String?

    @Flag(help: "For a notice: write a summary of a notice whose official text is not at hand.")
    var summary = false

    @Option(help: "The instant the check judges windows at (see passline check --now).")
    var now: String?

    func run() throws {
        let instant = try parseNow(now)
        let draft = ContentLoader(directory: content).draft()
        let scaffold: Scaffold
        do {
            switch Scaffold.Kind(rawValue: kind) {
            case .notice: scaffold = try Scaffold.notice(id: id ?? Instant.day(Date()), summary: summary)
            case .session: scaffold = try Scaffold.session(id: try required("ruankao-2025-H1"), exams: draft.exams)
            case .faq:
                scaffold = try Scaffold.faq(
                    id: try required("deadline-weekend"), order: (draft.faq.map(\.order).max() ?? 0) + 10, topics: draft.faqTopics ?? [])
            case nil: throw Scaffold.Problem(description: "passline new 不能创建“\(kind)”:请写 notice、session 或 faq")
            }
        } catch let problem as Scaffold.Problem {
            printError(problem.description)
            throw ExitCode(2)
        }

        let file = URL(fileURLWithPath: content).appendingPathComponent(scaffold.relativePath)
        let shown = content + "/" + scaffold.relativePath
        guard !FileManager.default.fileExists(atPath: file.path) else {
            printError("\(shown) 已经有了:直接改它,或换一个 --id")
            throw ExitCode(2)
        }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try scaffold.text.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            printError("写不进 \(shown):\(error.localizedDescription)")
            throw ExitCode(2)
        }
        print("已创建 \(shown)")
        print("")
        checkAndListBlanks(content: content, now: instant)
    }

    private func required(_ example: String) throws -> String {
        guard let id else { throw Scaffold.Problem(description: "用 --id 说明要创建哪一个 \(kind),如 --id \(example)") }
        return id
    }
}
