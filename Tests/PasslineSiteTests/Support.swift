import Foundation
import PasslineCore
/// Re-exported so every file of this target sees `beijing`, `Repository` and the rest without its own import.
@_exported import PasslineTesting
import Testing
@testable import PasslineSite

/// Where the real content lives, and helpers to build the site from it (or from a changed copy).
enum Fixture {
    static let root = Repository.root
    static let content = Repository.content

    /// The site generated in memory from `content`, every check included, nothing written.
    static func generate(content: String = Fixture.content, steps: [BuildStep] = SiteBuilder.generationSteps, now: Date? = nil) throws
        -> BuildContext
    {
        try SiteBuilder(options: SiteOptions(content: content, output: "/nonexistent", now: now), steps: steps).build()
    }

    /// A scratch folder removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("passline-site-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of Content/ to break or poison, inside `folder`.
    static func contentCopy(in folder: URL) throws -> URL {
        let copy = folder.appendingPathComponent("Content", isDirectory: true)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: content), to: copy)
        return copy
    }

    /// Replaces `old` by `new` in a content file; fails loudly if `old` is not there.
    static func edit(_ file: URL, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard text.contains(old) else { throw EditError.notFound(old, file.lastPathComponent) }
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    enum EditError: Error { case notFound(String, String) }
}

extension SiteFiles {
    func html(_ path: String) -> String { text(path) ?? "" }

    /// The FAQ page (of `folder`'s script) that holds the answer `id`: the FAQ is split by topic, and
    /// which topic an entry is on is content, not something a test should repeat.
    func faqPage(holding id: String, folder: String = "") -> String? {
        paths.first { path in
            let name = String(path.dropFirst(folder.count))
            return path.hasPrefix(folder) && !name.contains("/") && name.hasPrefix("faq") && name.hasSuffix(".html")
                && html(path).contains(#"<section id="\#(id)">"#)
        }
    }

    /// Every zh-Hans FAQ page (`faq.html` and the topics' pages), in path order.
    var faqPages: [String] { paths.filter { !$0.contains("/") && $0.hasPrefix("faq") && $0.hasSuffix(".html") } }

    /// The data the calculator loads for one session (`calculator/<exam>-<session>.js`).
    func calculatorSession(_ exam: String, _ session: String, folder: String = "") throws -> CalculatorSessionFile {
        let script = try #require(text(folder + CalculatorSessionFile.page(exam: exam, session: session)))
        let json = try #require(CalculatorSessionFile.json(inScript: script))
        return try RuleBook.jsonDecoder().decode(CalculatorSessionFile.self, from: Data(json.utf8))
    }
}

extension String {
    func count(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}
