import Foundation
import PasslineCore
import Testing
@testable import PasslineSite

/// One vocabulary for how far a source can be trusted, and no weak-sourced fact without its mark.
@Suite struct ConfidenceMarkTests {
    let site: SiteFiles
    init() throws { site = try Fixture.generate().files }

    /// 通信 每科满分100分 rests on one weak page (Content/sources.md tongxin-fullmarks): shown with its mark.
    @Test func tongxinFullMarksCarryTheirMarkOnThePagesThatShowThem() {
        #expect(site.html("thresholds.html").contains("每科满分 100 分(弱来源,仅供参考)"))
        #expect(site.html("calculator.html").contains("每科满分 100 分(弱来源,仅供参考),全国合格标准 60 分"))
        #expect(site.html("zh-Hant/thresholds.html").contains("每科滿分 100 分(弱來源,僅供參考)"))
        #expect(site.html("thresholds.html").contains("每科满分 75 分;"), "软考's 75 rests on strong sources: no mark")
    }

    /// The fixture that drops one: the thresholds page without the mark fails the check, by name.
    @Test func aPageThatDropsTheMarkFailsTheBuildCheck() throws {
        let book = try ContentLoader(directory: Fixture.content).load().book
        #expect(MarkCheck.problems(book: book, files: site).isEmpty)
        var dropped = site
        dropped.put("thresholds.html", text: site.html("thresholds.html").replacingOccurrences(of: "(弱来源,仅供参考)", with: ""))
        let problems = MarkCheck.problems(book: book, files: dropped)
        #expect(problems.count == 1 && problems[0].hasPrefix("thresholds.html:“"), "\(problems)")
        #expect(problems.first?.contains("写了通信考试的满分,但没有注明“弱来源,仅供参考”") == true, "\(problems)")
    }

    @Test func withoutTheWordForWeakTheBuildStops() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixture.contentCopy(in: folder)
        let messages = content.appendingPathComponent("messages.md")
        let text = try String(contentsOf: messages, encoding: .utf8).replacingOccurrences(of: "  confidence.weak: 弱来源,仅供参考\n", with: "")
        try text.write(to: messages, atomically: true, encoding: .utf8)
        #expect(throws: BuildFailure.self) { try Fixture.generate(content: content.path) }
    }

    @Test func theSourcesPageAndNoticesUseTheWordsNotALinkCalledReliability() {
        let sources = site.html("sources.html")
        #expect(sources.contains("分三档:可靠、较可靠、弱来源,仅供参考"))
        #expect(!sources.contains(">高<") && !sources.contains(">中<") && !sources.contains(">低<"))
        for page in site.paths where page.hasSuffix(".html") {
            #expect(!site.html(page).contains(">可靠程度</a>"), "\(page)")
        }
        #expect(site.html("notice-2024-09-20.html").contains(#"(<a href="sources.html#notice-2024-09-20-cq">较可靠</a>)"#))
    }

    /// Content's prose says 可靠/较可靠/弱来源, never the file's strong/medium/weak.
    @Test func noPageShowsTheFilesEnglishLevels() {
        for page in site.paths where page.hasSuffix(".html") {
            let text = site.html(page).replacing(#/<[^>]*>/#, with: "")
            for word in ["strong", "medium", "weak"] { #expect(!text.contains(word), "\(page) shows “\(word)”") }
        }
    }

    /// Our text of the 2025 notice is one repost (source_kind: repost): the page and notice.txt say so
    /// and point to the official websites (exams' website in Content/exams).
    @Test func theNoticeSaysItsTextIsOneRepostAndWhereTheAuthorityIs() {
        let page = site.html("notice.html")
        #expect(page.contains("本站的通知文字录自一份转载:<a href=\"http://cqitrk.jjxxw.cq.gov.cn/"))
        #expect(page.contains("这不是官方发布页面") && page.contains(#"<a href="https://www.ruankao.org.cn/">中国计算机技术职业资格网</a>"#))
        let text = site.text("notice.txt") ?? ""
        #expect(text.contains("本站的通知文字录自一份转载:http://cqitrk.jjxxw.cq.gov.cn/") && text.contains("中国计算机技术职业资格网 https://www.ruankao.org.cn/"))
    }
}
