import Foundation
import Testing
@testable import PasslineCore

/// One broken copy of the content per validator rule: each must fail with exactly the diagnostic an
/// editor needs, at the offending line. Fixtures are overlays on `Fixtures/base` (a valid content
/// tree); `make-broken-fixtures.py` regenerates them.
@Suite struct ValidatorFixtureTests {
    static let names: [String] = {
        let dir = Repo.fixtures.appendingPathComponent("broken")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }()

    @Test func everyRuleHasAFixture() {
        #expect(Self.names.count >= 23)
    }

    @Test func theLanguageTestTellsEnglishFromChinese() {
        #expect(!EditorLanguage.isChinese("unknown key 'lable' (did you mean 'label'?)"))
        #expect(!EditorLanguage.isChinese("2023年下半年 senior threshold is 41 here but clause 三(一)2 says 42分: change both together"))
        #expect(EditorLanguage.isChinese("不认识的键 'lable'(是不是 'label'?):改正拼写,或删掉这一行(每种文件有哪些键见 docs/content-format.md)"))
    }

    @Test func baseIsValid() throws {
        _ = try ContentLoader(directory: Repo.fixtures.appendingPathComponent("base").path).load()
    }

    @Test(arguments: names)
    func rejected(_ name: String) throws {
        let fixture = Repo.fixtures.appendingPathComponent("broken/\(name)")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("passline-fixture-\(name)-\(UUID().uuidString)")
        let content = work.appendingPathComponent("Content")
        let fm = FileManager.default
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        try fm.copyItem(at: Repo.fixtures.appendingPathComponent("base"), to: content)
        let overlay = fixture.appendingPathComponent("overlay")
        if let files = fm.enumerator(atPath: overlay.path) {
            for case let relative as String in files {
                let source = overlay.appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                _ = fm.fileExists(atPath: source.path, isDirectory: &isDirectory)
                let target = content.appendingPathComponent(relative)
                if isDirectory.boolValue { try fm.createDirectory(at: target, withIntermediateDirectories: true); continue }
                try? fm.removeItem(at: target)
                try fm.copyItem(at: source, to: target)
            }
        }
        if let deletions = try? String(contentsOf: fixture.appendingPathComponent("delete.txt"), encoding: .utf8) {
            for line in deletions.split(separator: "\n") { try fm.removeItem(at: content.appendingPathComponent(String(line))) }
        }
        let expected = try String(contentsOf: fixture.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)

        let loader = ContentLoader(directory: content.path)
        let error = #expect(throws: ContentErrors.self) { try loader.load() }
        let prefix = content.path + "/"
        // Paths are shown relative to the content directory, as an editor reads them.
        let normalised = (error?.diagnostics ?? []).map { $0.description.replacingOccurrences(of: prefix, with: "") }
        for line in expected {
            #expect(normalised.contains(line), "expected \(line)\ngot:\n\(normalised.joined(separator: "\n"))")
        }
        // Editors read Chinese: every message, not only the expected one.
        for diagnostic in error?.diagnostics ?? [] {
            #expect(EditorLanguage.isChinese(diagnostic.message), "not Chinese: \(diagnostic)")
        }
    }
}

/// What "a message in Chinese" means for a test: it has Chinese words, and outside what it quotes
/// ('…': keys and values as written in the file) and the paths it names, no English sentence words.
enum EditorLanguage {
    static let englishWords: Set<String> = [
        "the", "is", "are", "must", "be", "a", "an", "of", "in", "to", "and", "not", "with", "found", "missing",
        "unknown", "duplicate", "should", "this", "that", "here", "there", "but", "has", "it", "for", "from",
        "line", "file", "key", "value", "error", "add", "write", "remove", "did", "you", "mean", "says", "change"
    ]

    static func isChinese(_ message: String) -> Bool {
        guard message.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) else { return false }
        // Quoted keys and values, and paths with their line (a/b.md:12), are as written, not words.
        let unquoted = message.replacing(#/'[^']*'/#, with: " ").replacing(#/[A-Za-z0-9_.\-]*\/[A-Za-z0-9_.\/\-]*(:\d+)?/#, with: " ")
        let words = unquoted.split { !($0.isASCII && $0.isLetter) }.map { $0.lowercased() }
        return !words.contains(where: englishWords.contains)
    }
}
