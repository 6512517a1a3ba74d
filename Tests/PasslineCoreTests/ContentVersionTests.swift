import Foundation
import Testing
@testable import PasslineCore

/// `contentVersion`: which content a book (and so rules.json) was made from, so the helpdesk can say
/// which rules it answers from. Site/ is committed and CI rebuilds it byte for byte, so the version may
/// depend on nothing but the content files themselves.
struct ContentVersionTests {
    private func fnv(_ text: String) -> UInt64 {
        var hash = FNV1a()
        hash.add(Array(text.utf8))
        return hash.value
    }

    @Test func theHashIsFNV1aAsPublished() {
        // The 64-bit FNV-1a test vectors of the algorithm's authors (Fowler, Noll, Vo).
        #expect(fnv("") == 0xcbf2_9ce4_8422_2325)
        #expect(fnv("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(fnv("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func aCopyElsewhereWithOtherFileTimesHasTheSameVersion() throws {
        let original = try ContentFixture(), copy = try ContentFixture()
        defer { original.remove(); copy.remove() }
        // A fresh clone has new modification times; a working copy keeps old ones.
        for file in ["sources.md", "notices/2025-01-15.md", "faq/hotline.md"] {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSince1970: 86_400)],
                ofItemAtPath: copy.root.appendingPathComponent(file).path)
        }
        let version = try #require(try original.load().book.contentVersion)
        #expect(version.count == 12)
        #expect(version.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(try copy.load().book.contentVersion == version)
        #expect(try copy.load(now: beijing("2030-01-01T00:00")).book.contentVersion == version, "the clock plays no part")
    }

    @Test func anEditAnywhereChangesIt() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        let before = try fixture.load().book.contentVersion
        try fixture.replace("faq/hotline.md", "也可以直接联系", with: "也可以联系")
        let afterFAQ = try fixture.load().book.contentVersion
        #expect(afterFAQ != before)
        try fixture.replace("sessions/ruankao-2024-H2.md", "\n---\n", with: "\n---\n\n")
        #expect(try fixture.load().book.contentVersion != afterFAQ, "even a blank line: the version names bytes, not meaning")
    }

    @Test func filesTheLoaderDoesNotReadDoNotCount() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        let before = try fixture.load().book.contentVersion
        try fixture.write("notes.txt", "an editor's scratch file")
        try fixture.write(".drafts/next.md", "---\nid: x\n---\n")
        #expect(try fixture.load().book.contentVersion == before)
    }

    @Test func aRenamedFileIsADifferentContent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passline-version-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.md"), b = folder.appendingPathComponent("b.md")
        try Data("同一内容".utf8).write(to: a)
        try Data("另一内容".utf8).write(to: b)
        let both = ContentVersion.of([("a.md", a), ("b.md", b)])
        #expect(ContentVersion.of([("a.md", a), ("b.md", b)]) == both)
        #expect(ContentVersion.of([("faq/a.md", a), ("b.md", b)]) != both)
        #expect(ContentVersion.of([("a.md", b), ("b.md", a)]) != both, "the same bytes under swapped names")
        #expect(ContentVersion.of([("a.md", a)]) != both)
    }

    @Test func rulesJSONKeepsItThroughEncodingAndDecoding() throws {
        let book = try Repo.book()
        let version = try #require(book.contentVersion)
        let json = try RuleBook.jsonEncoder(pretty: true).encode(book)
        #expect(String(decoding: json, as: UTF8.self).contains("\"contentVersion\" : \"\(version)\""))
        #expect(try RuleBook.decode(json).contentVersion == version)
        // A rules.json written before the field existed still reads, without a version.
        var older = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        older["contentVersion"] = nil
        #expect(try RuleBook.decode(JSONSerialization.data(withJSONObject: older)).contentVersion == nil)
    }
}
