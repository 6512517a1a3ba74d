import Foundation
import PasslineCore
import Testing
@testable import PasslineSite
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The archive of rounds on the site: the notice list, each notice's own page (a summary saying it is
/// one), the 更新记录 page and its feed entries. Dates are the notices' own: 2025-01-15 一(一) opens
/// 2025年1月22日9:00 – 2月28日17:00; the first round (通告 of 2024-09-20, kept as a summary) ran
/// 2024年9月23日9:00 – 10月25日17:00 and reopened 2023年上半年 软考 at 40分(含) (三(一)1 of 2025-01-15).
@Suite struct ArchivePageTests {
    let site: SiteFiles

    init() throws { site = try Fixture.generate().files }

    @Test func theNoticeListShowsEveryRoundNewestFirstWithItsDatesAndItsState() throws {
        for path in ["notices.html", "zh-Hant/notices.html"] {
            let html = site.html(path)
            let newer = try #require(html.range(of: #"<section class="round" id="2025-01-15">"#))
            let older = try #require(html.range(of: #"<section class="round" id="2024-09-20">"#))
            #expect(newer.lowerBound < older.lowerBound, "newest first in \(path)")
            // Both rounds had closed when the site was built: said in the text, nothing for a script.
            #expect(
                html.count(of: #"<p class="state" data-state="closed">"#) == 3,
                "each round's state, and the line under the header, without JavaScript")
            #expect(!html.contains("data-start=") && !html.contains("window.js"))
        }
        let html = site.html("notices.html")
        // Without JavaScript the windows are still there, as the notices write them.
        #expect(html.contains("<span class=\"label\">申请时间:</span>2025年1月22日9:00至2025年2月28日17:00(北京时间)"))
        #expect(html.contains("<span class=\"label\">申请时间:</span>2024年9月23日9:00至2024年10月25日17:00(北京时间)"))
        #expect(
            html.contains(#"<p class="state" data-state="closed">申请已于2024年10月25日17:00截止,过期不予受理。</p>"#), "each round's own closing sentence")
        #expect(html.contains(#"<p class="state" data-state="closed">当前通知:申请已于2025年2月28日17:00截止,过期不予受理。</p>"#))
        #expect(html.contains(#"<a href="notice-2024-09-20.html">2024年9月20日通告</a> <span class="tag">摘要</span>"#))
        #expect(
            html.contains(#"<a href="notice-2025-01-15.html">2025年1月15日通知</a> <span class="tag">当前通知</span>"#),
            "what the label says is what it is, not 最新")
        #expect(html.contains("<p class=\"small\">软考:2023年上半年、2023年下半年、2024年上半年</p>"), "the first round reopened three 软考 sessions")
    }

    @Test func aSummaryNoticeSaysItIsNotTheOfficialTextAndNamesItsSources() throws {
        let book = try ContentLoader(directory: Fixture.content).load().book
        let html = site.html("notice-2024-09-20.html")
        #expect(html.contains("<p class=\"note banner\"><strong>摘要,非原文</strong>"))
        #expect(html.contains("<title>2024年9月20日通告(摘要) · "))
        #expect(!html.contains(#"<div class="clause"#), "a summary has no clauses to anchor")
        #expect(!html.contains(".txt\""), "no plain-text copy: the words are ours, not the notice's")
        #expect(site["notice-2024-09-20.txt"] == nil)
        // Its sources, each with the address it was read at and its entry on the sources page.
        for id in ["notice-2024-09-20", "notice-2024-09-20-rk", "notice-2024-09-20-cq"] {
            let source = try #require(book.source(id))
            #expect(
                html.contains(
                    #"<li><a href="\#(source.url)">\#(source.title)</a>(<a href="sources.html#\#(id)">\#(book.confidenceWord(source.confidence) ?? "")</a>)</li>"#
                ), "\(id)")
        }
        // The data its body refers readers to.
        #expect(html.contains("<dt>申请时间</dt><dd>2024年9月23日9:00至2024年10月25日17:00(北京时间)</dd>"))
        #expect(html.contains("<li>软考 2023年上半年:初级40分、中级40分、高级40分(各科目,含本数)</li>"))
        #expect(html.contains(#"<a href="tel:010-68607734">010-68607734</a>"#))
        // An older round points to the newest one.
        #expect(html.contains(#"最新的是<a href="notice.html">2025年1月15日通知</a>"#))
        #expect(site.html("zh-Hant/notice-2024-09-20.html").contains("<strong>摘要,非原文</strong>"))
    }

    @Test func theCurrentNoticeAlsoKeepsAPageOfItsOwnWithTheSameAnchorsAndText() throws {
        let current = site.html("notice.html"), permanent = site.html("notice-2025-01-15.html")
        let anchors = { (html: String) in html.matches(of: #/<div class="clause d\d" id="([^"]+)">/#).map { String($0.1) } }
        #expect(anchors(current) == anchors(permanent))
        #expect(anchors(permanent).contains("c3-1-1"))
        #expect(current.contains(#"<a href="notice.txt">纯文本版本</a>"#))
        #expect(permanent.contains(#"<a href="notice-2025-01-15.txt">纯文本版本</a>"#))
        #expect(site["notice-2025-01-15.txt"] == site["notice.txt"])
        #expect(site.text("zh-Hant/notice-2025-01-15.txt")?.contains("單獨劃線") == true)
        #expect(!current.contains("较早的一轮"), "the newest round is not called older")
    }

    @Test func theCalculatorKnowsEveryRoundsPageAndName() throws {
        // 2023年上半年 is covered by both rounds: its file carries both (newest first), with pages and names,
        // for applicableNotice in the browser.
        let both = try site.calculatorSession("ruankao", "2023-H1")
        #expect(both.notices.map(\.id) == ["2025-01-15", "2024-09-20"])
        let pages = both.pages
        #expect(pages["2025-01-15"]?.href == "notice.html" && pages["2025-01-15"]?.name == "2025年1月15日通知")
        #expect(pages["2024-09-20"]?.href == "notice-2024-09-20.html" && pages["2024-09-20"]?.summary == true)
        let first = try #require(both.notices.first { $0.id == "2024-09-20" })
        #expect(first.covers.map(\.session) == ["2023-H1"], "only the session asked about")
        #expect(Instant.iso(first.application.end) == "2024-10-25T17:00:00+08:00")
        // 2024年下半年 only by the newest; the page itself embeds no notice.
        #expect(try site.calculatorSession("ruankao", "2024-H2").notices.map(\.id) == ["2025-01-15"])
        let rules = try RuleBook.jsonDecoder().decode(
            CalculatorRules.self, from: Data(try #require(EmbeddedRulesReader.rules(inPage: site.html("calculator.html"))).utf8))
        #expect(rules.notices.isEmpty)
    }
}

/// 更新记录: the page and the feed, from a changelog written for the test.
@Suite struct ChangelogPageTests {
    static let changelog = """
        ---
        title: 更新记录
        ---
        Editors' note, not published.

        ## 2025-03-01

        - 2025年1月15日通知 申请截止: 2月28日17:00 → 3月7日17:00

        ## 2025-03-05

        - 2024年下半年 软考 高级 单独划线: 40 → 41 \\<b\\> & more

        A note & its reason.

        ## 2025-03-05 更正

        - 2025年1月15日通知 咨询电话: 010-1 → 010-2

        """

    func generate(changelog: String = ChangelogPageTests.changelog) throws -> SiteFiles {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixture.contentCopy(in: folder)
        try changelog.write(to: content.appendingPathComponent("changelog.md"), atomically: true, encoding: .utf8)
        return try Fixture.generate(content: content.path).files
    }

    /// A feed reader polls for what is new: after years of entries the feed keeps the newest 50
    /// (here 60 changelog days in March and April 2025, all newer than both notices), not all of them.
    @Test func theFeedKeepsOnlyTheNewestFiftyEntries() throws {
        let days = (1...31).map { String(format: "2025-03-%02d", $0) } + (1...29).map { String(format: "2025-04-%02d", $0) }
        let changelog = "---\ntitle: 更新记录\n---\n" + days.map { "\n## \($0)\n\n- 2025年1月15日通知 说明: 第\($0)条\n" }.joined()
        let site = try generate(changelog: changelog)
        let text = String(decoding: try #require(site["feed.xml"]), as: UTF8.self)
        let ids = text.matches(of: #/<entry>\n<title>[^<]*</title>\n<id>([^<]+)</id>/#).map { String($0.1) }
        #expect(ids.count == 50)
        #expect(ids.first == "urn:passline:changelog:2025-04-29", "the newest first")
        #expect(ids.last == "urn:passline:changelog:2025-03-11", "the 50th newest: 29 April days, then 31 down to 11 March")
        #expect(!ids.contains("urn:passline:notice:2025-01-15"), "older than every kept entry")
        #expect(site.html("changelog.html").contains(#"id="2025-03-01""#), "the page still lists every entry")
    }

    @Test func theChangelogPageListsEveryEntryNewestFirstAnchoredByItsId() throws {
        let site = try generate()
        let html = site.html("changelog.html")
        let ids = html.matches(of: #/<section class="log" id="([^"]+)">/#).map { String($0.1) }
        #expect(ids == ["2025-03-05-2", "2025-03-05", "2025-03-01"], "newest first; a second entry of a day gets -2")
        #expect(html.contains("<h2>2025年3月5日 更正</h2>"))
        #expect(html.contains("<li>2025年1月15日通知 申请截止: 2月28日17:00 → 3月7日17:00</li>"))
        #expect(html.contains("<li>2024年下半年 软考 高级 单独划线: 40 → 41 &lt;b&gt; &amp; more</li>"), "escaped, shown as text")
        #expect(html.contains("<p>A note &amp; its reason.</p>"))
        #expect(!html.contains("Editors' note"), "the text before the first entry is for editors")
        #expect(site.html("zh-Hant/changelog.html").contains(#"<section class="log" id="2025-03-05-2">"#), "anchors survive conversion")
    }

    @Test func everyChangelogEntryIsAFeedEntryWithItsOwnIdDayAndLink() throws {
        let site = try generate()
        let feed = try #require(site["feed.xml"])
        #expect(XMLParser(data: feed).parse(), "well-formed XML")
        let text = String(decoding: feed, as: UTF8.self)
        let ids = text.matches(of: #/<entry>\n<title>[^<]*</title>\n<id>([^<]+)</id>/#).map { String($0.1) }
        #expect(
            ids == [
                "urn:passline:changelog:2025-03-05-2", "urn:passline:changelog:2025-03-05", "urn:passline:changelog:2025-03-01",
                "urn:passline:notice:2025-01-15", "urn:passline:notice:2024-09-20"
            ], "newest first")
        #expect(text.contains("<updated>2025-03-05T00:00:00+08:00</updated>\n<author><name>"), "as new as the newest entry")
        #expect(text.contains(#"<link rel="alternate" type="text/html" href="changelog.html#2025-03-05-2"/>"#))
        #expect(text.contains("<title>更新记录 2025年3月5日 更正</title>"))
        // HTML content escaped once for the HTML, once more for Atom's type="html".
        #expect(text.contains("&lt;li&gt;2024年下半年 软考 高级 单独划线: 40 → 41 &amp;lt;b&amp;gt; &amp;amp; more&lt;/li&gt;"))
    }
}

/// The words of the calculator's category choices are content, and the build insists on them.
@Suite struct CategoryLabelTests {
    @Test func aMissingCategoryLabelStopsTheBuildNamingTheKey() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixture.contentCopy(in: folder)
        let messages = content.appendingPathComponent("messages.md")
        let text = try String(contentsOf: messages, encoding: .utf8)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  category.none:") }
        try kept.joined(separator: "\n").write(to: messages, atomically: true, encoding: .utf8)
        let failure = #expect(throws: BuildFailure.self) { try Fixture.generate(content: content.path) }
        #expect(failure?.step == "render pages")
        #expect(failure?.lines.first?.contains("'category.none'") == true, "\(failure?.lines ?? [])")
    }

    @Test func aPageCloseToTheBudgetIsReportedButBuilt() throws {
        let heavy = BuildStep("add a heavy page") { context in
            context.files.put("heavy.html", text: "<p>" + String(repeating: "x", count: PageWeight.budget - PageWeight.margin + 1) + "</p>")
        }
        var steps = SiteBuilder.generationSteps
        steps.insert(heavy, at: steps.firstIndex { $0.name == BuildStep.measurePages.name }!)
        let context = try Fixture.generate(steps: steps)
        #expect(
            context.warnings.contains { $0.hasPrefix("warning: 页面 heavy.html 共 27,008 字节,离上限 30,000 字节已不到 3,000 字节") },
            "\(context.warnings)")
    }
}
