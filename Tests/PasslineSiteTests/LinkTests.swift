import Foundation
import Testing
@testable import PasslineSite

/// Every internal link and anchor of the site leads somewhere, and the check notices when one does not.
@Suite struct LinkTests {
    @Test func theGeneratedSiteHasNoBrokenLink() throws {
        let site = try Fixture.generate().files
        #expect(LinkChecker().check(site).isEmpty)
    }

    @Test func aBrokenAnchorAMissingFileAndARootLinkAreCaught() {
        var site = SiteFiles()
        site.put("notice.html", text: #"<p id="c1">一</p>"#)
        site.put("zh-Hant/faq.html", text: ##"<a href="../notice.html#c1">ok</a> <a href="../notice.html#c9">bad</a> <a href="gone.html">gone</a> <a href="/notice.html">root</a> <a href="https://example.org/x#y">out</a> <a href="#here">self</a>"##)
        let problems = LinkChecker().check(site)
        #expect(problems.map(\.href) == ["../notice.html#c9", "gone.html", "/notice.html", "#here"])
        #expect(problems.first?.reason == #"notice.html has no element with id "c9""#)
    }

    @Test func aBrokenAnchorStopsTheBuild() throws {
        let sabotage = BuildStep("add a page with a broken anchor") { context in
            context.files.put("extra.html", text: #"<a href="notice.html#no-such-clause">x</a>"#)
        }
        var steps = SiteBuilder.generationSteps
        steps.insert(sabotage, at: steps.firstIndex { $0.name == BuildStep.checkLinks.name }!)
        let failure = #expect(throws: BuildFailure.self) { try Fixture.generate(steps: steps) }
        #expect(failure?.step == "check links")
        #expect(failure?.lines == [#"extra.html: broken link "notice.html#no-such-clause": notice.html has no element with id "no-such-clause""#])
    }
}
