import Foundation
import PasslineCore
/// Re-exported so every file of this target sees `beijing`, `Repository` and the rest without its own import.
@_exported import PasslineTesting
@testable import PasslineImport

/// This target's paths inside the repository (`Repository` in PasslineTesting finds the root).
enum Repo {
    static let content = Repository.content
    static let fixtures = Repository.url("Tests/PasslineImportTests/Fixtures")

    static func fixture(_ name: String) throws -> Data { try Data(contentsOf: fixtures.appendingPathComponent(name)) }
}

/// The instant the shipped content is loaded at: inside the 2025-01-15 application window.
let duringTheWindow = beijing("2025-02-01T10:00")

/// The shipped content, validated.
func shippedBook() throws -> RuleBook { try ContentLoader(directory: Repo.content, now: duringTheWindow).load().book }

/// The catalog the import reads from the shipped content.
func shippedCatalog() -> ImportCatalog { ImportCatalog(book: ContentLoader(directory: Repo.content).draft()) }

/// Runs the whole pipeline on a fixture against the shipped content's catalog; `existing` as on disk.
func importFixture(_ name: String, id: String? = nil, sourceURL: String? = nil, existing: (String) -> String? = { _ in nil }) throws
    -> NoticeImport
{
    try NoticeImport.run(
        try Repo.fixture(name), options: .init(fileName: name, id: id, sourceURL: sourceURL), catalog: shippedCatalog(),
        phrasing: try Phrasing.standard(), existing: existing)
}

/// A temporary copy of the shipped `Content/`, which a test edits and loads.
struct ContentCopy {
    /// The copy itself (`PasslineTesting`); this type adds what the import reads of it.
    private let scratch: ScratchContent
    var root: URL { scratch.root }
    var top: URL { scratch.top }

    init(removing removed: [String] = []) throws { scratch = try ScratchContent(removing: removed) }

    func remove() { scratch.remove() }

    func read(_ relative: String) throws -> String { try scratch.read(relative) }

    func write(_ relative: String, _ text: String) throws { try scratch.write(relative, text) }

    func exists(_ relative: String) -> Bool { scratch.exists(relative) }

    /// What an import sees of this copy: a file's text by relative path.
    func existing(_ relative: String) -> String? { try? read(relative) }

    func catalog() -> ImportCatalog { ImportCatalog(book: ContentLoader(directory: root.path).draft()) }

    func load(now: Date = duringTheWindow) throws -> RuleBook { try ContentLoader(directory: root.path, now: now).load().book }
}

/// The body of a content file: what follows the front matter's closing `---`.
func body(of text: String) -> String {
    let parts = text.components(separatedBy: "\n---\n")
    return parts.dropFirst().joined(separator: "\n---\n")
}

import Markdown

/// How cmark reads a draft's Markdown back: each top-level block's plain text (a thematic break as
/// `* * *`), to show that escaped text is read as the same text and the clause structure survives.
enum MarkdownProbe {
    static func plainText(_ markdown: String) -> [String]? {
        let document = MarkdownDocument(parsing: markdown)
        return document.root.children.map { block in
            if case .thematicBreak = block.kind { return "<hr>" }
            return block.plainText
        }
    }
}
