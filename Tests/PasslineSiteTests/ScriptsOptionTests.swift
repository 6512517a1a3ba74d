import Foundation
import Testing
@testable import PasslineSite

/// `passline build --scripts zh-Hans`: one script alone, as a benchmark compares with a generator that
/// writes each page once. Its pages must still all link somewhere real.
@Suite struct ScriptsOptionTests {
    @Test func aSimplifiedOnlyBuildHasNoTraditionalPagesAndNoSwitchToThem() throws {
        let context = try SiteBuilder(
            options: SiteOptions(content: Fixture.content, output: "/nonexistent", scripts: [.simplified]),
            steps: SiteBuilder.generationSteps
        ).build()
        let site = context.files
        #expect(!site.paths.contains { $0.hasPrefix("zh-Hant/") })
        #expect(site["calculator.html"] != nil && site["notice.html"] != nil)
        #expect(!site.html("index.html").contains(#"class="script""#), "no switch to a script that is not published")
        #expect(LinkChecker().check(site).isEmpty)
    }

    @Test func bothScriptsByDefaultEachPageLinksItsTwin() throws {
        let site = try Fixture.generate().files
        #expect(site.html("faq.html").contains(#"<a class="script" href="zh-Hant/faq.html" lang="zh-Hant" translate="no">繁體</a>"#))
        #expect(site["zh-Hant/faq.html"] != nil)
    }
}
