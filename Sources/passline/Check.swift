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

    func run() throws {
        do {
            let (book, warnings) = try ContentLoader(directory: content).load()
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

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
