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
        site.put(
            "zh-Hant/faq.html",
            text:
                ##"<a href="../notice.html#c1">ok</a> <a href="../notice.html#c9">bad</a> <a href="gone.html">gone</a> <a href="/notice.html">root</a> <a href="https://example.org/x#y">out</a> <a href="#here">self</a>"##
        )
        let problems = LinkChecker().check(site)
        #expect(problems.map(\.href) == ["../notice.html#c9", "gone.html", "/notice.html", "#here"])
        #expect(problems.first?.reason == "notice.html 上没有「c9」这个位置(#c9),请检查 # 后面的名字")
    }

    @Test func aBrokenAnchorStopsTheBuild() throws {
        let sabotage = BuildStep("add a page with a broken anchor") { context in
            context.files.put("extra.html", text: #"<a href="notice.html#no-such-clause">x</a>"#)
        }
        var steps = SiteBuilder.generationSteps
        steps.insert(sabotage, at: steps.firstIndex { $0.name == BuildStep.checkLinks.name }!)
        let failure = #expect(throws: BuildFailure.self) { try Fixture.generate(steps: steps) }
        #expect(failure?.step == "check links")
        #expect(
            failure?.lines == [
                "error: 页面 extra.html 有一个打不开的链接「notice.html#no-such-clause」:notice.html 上没有「no-such-clause」这个位置(#no-such-clause),请检查 # 后面的名字"
            ])
    }

    /// Relative links resolved the way a browser resolves them from the page's folder.
    @Test func relativeLinksResolveFromThePagesFolder() {
        #expect(LinkChecker.resolve("../notice.html", from: "zh-Hant/faq.html") == "notice.html")
        #expect(LinkChecker.resolve("notice.html", from: "zh-Hant/faq.html") == "zh-Hant/notice.html")
        #expect(
            LinkChecker.resolve("./calculator/ruankao-2024-H2.js", from: "zh-Hant/calculator.html")
                == "zh-Hant/calculator/ruankao-2024-H2.js")
        #expect(LinkChecker.resolve("a//b/../c.html", from: "index.html") == "a/c.html")
        #expect(LinkChecker.resolve("../../x.html", from: "zh-Hant/faq.html") == nil, "above the root")
        #expect(LinkChecker.resolve("../x.html", from: "index.html") == nil)
        #expect(LinkChecker.resolve("..", from: "zh-Hant/faq.html") == "")
        #expect(LinkChecker.resolve("地区/重庆.html", from: "zh-Hant/faq.html") == "zh-Hant/地区/重庆.html", "non-ASCII parts kept whole")
        #expect(LinkChecker.split("faq.html?x=1#who-can-apply") == ("faq.html", "who-can-apply"))
        #expect(LinkChecker.split("#here") == ("", "here"))
        #expect(LinkChecker.split("notice.html") == ("notice.html", nil))
    }
}
