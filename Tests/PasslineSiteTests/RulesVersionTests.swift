import Foundation
import PasslineCore
import Testing
@testable import PasslineSite

/// The published rules.json names the content it was built from (`inquiry version --rules` reads it).
struct RulesVersionTests {
    @Test func rulesJSONCarriesTheVersionOfTheContentItWasBuiltFrom() throws {
        let version = try #require(try ContentLoader(directory: Fixture.content).load().book.contentVersion)
        let site = try Fixture.generate()
        let rules = try #require(site.files.text("rules.json"))
        #expect(rules.contains("\n  \"contentVersion\" : \"\(version)\",\n"))
        #expect(try RuleBook.decode(Data(rules.utf8)).contentVersion == version)
    }

    @Test func anEditedCopyPublishesAnotherVersion() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = try Fixture.contentCopy(in: folder)
        let before = try #require(try ContentLoader(directory: copy.path).load().book.contentVersion)
        try Fixture.edit(copy.appendingPathComponent("faq/application-window.md"), replacing: "建议尽早提交", with: "请尽早提交")
        let rules = try #require(try Fixture.generate(content: copy.path, steps: SiteBuilder.generationSteps).files.text("rules.json"))
        #expect(!rules.contains(before))
        #expect(rules.contains("\"contentVersion\" : \""))
    }
}
