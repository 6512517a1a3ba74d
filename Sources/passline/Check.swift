import ArgumentParser
import Foundation
import PasslineCore

/// `passline check`: validates Content/ and lists every problem as `path:line:column: error: …`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate Content/ and report every error with its file and line.")

    @Option(help: "The content directory.")
    var content = "Content"

    @Flag(help: "Print what the content holds after a successful check.")
    var summary = false

    @Option(help: "Judge time-dependent warnings (a current notice whose window has passed) at this instant, e.g. 2025-02-01T10:00+08:00; default now.")
    var now: String?

    func run() throws {
        let instant = try parseNow(now)
        do {
            let (book, warnings) = try ContentLoader(directory: content, now: instant).load()
            warnings.forEach { printError($0.description) }
            print("\(content): OK — \(ContentSummary(book: book).line)")
            if summary { print(ContentSummary(book: book).details) }
        } catch let errors as ContentErrors {
            errors.diagnostics.forEach { printError($0.description) }
            let count = errors.diagnostics.filter { $0.severity == .error }.count
            printError("\(count) error\(count == 1 ? "" : "s") in \(content)")
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
