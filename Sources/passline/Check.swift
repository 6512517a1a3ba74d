import ArgumentParser
import Foundation
import PasslineCore
import PasslineSite

/// `passline check`: the build without its last step. Every check `passline build` makes — content,
/// links, the page budget, feed and sitemap, the zh-Hant copies — runs here too, so `check` never says
/// OK where `build` then stops; only publishing (`SiteBuilder.writeAtomically`) is skipped, and
/// nothing is written where the site goes.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check Content/ the way the build does (every step but writing the site) and report every error with its file and line.")

    @Option(help: "The content directory.")
    var content = "Content"

    @Flag(help: "Print what the content holds after a successful check.")
    var summary = false

    @Option(
        help:
            "Judge time-dependent warnings (a current notice whose window has passed) at this instant, e.g. 2025-02-01T10:00+08:00; default now."
    )
    var now: String?

    func run() throws {
        let instant = try parseNow(now)
        // The generated files are spooled to a scratch folder (a large archive's pages are not held in
        // memory) and deleted with it; the real output is never touched.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "passline-check-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let options = SiteOptions(content: content, output: scratch.appendingPathComponent("Site").path, spool: true, now: instant)
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let context = try SiteBuilder(options: options, steps: SiteBuilder.generationSteps).build()
            context.files.spool?.discard()
            context.warnings.forEach(printError)
            guard let book = context.book else { return }
            PhrasingCheck(book: book, content: content).warnings().forEach(printError)
            print("\(content): OK — \(ContentSummary(book: book).line)")
            if summary { print(ContentSummary(book: book).details) }
        } catch let failure as BuildFailure where failure.step == "load content" {
            failure.lines.forEach(printError)
            let count = failure.lines.filter { $0.contains(": error: ") }.count
            printError("\(count) error\(count == 1 ? "" : "s") in \(content)")
            throw ExitCode(1)
        } catch let failure as BuildFailure {
            failure.lines.forEach(printError)
            printError("检查在「\(failure.title)」这一步发现问题(\(failure.step)):这样的内容 passline build 不会发布,改好后再运行 passline check")
            throw ExitCode(1)
        }
    }
}

/// `--now` as given, or the current time; a malformed value is a usage error.
func parseNow(_ text: String?) throws -> Date {
    guard let text else { return Date() }
    guard let date = Instant.parse(text) ?? Instant.parseDay(text) else {
        throw ValidationError("--now must be an ISO 8601 time with offset, e.g. 2025-02-01T10:00+08:00 (found '\(text)')")
    }
    return date
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
