import Foundation
import PasslineCore
import Testing
@testable import PasslineSite

/// Readers see a source by its name, with the mark of its level, never by the id editors use for it
/// (`bangfu-counties` means nothing to a candidate in 凉山).
@Suite struct SourceNamesTests {
    let site: SiteFiles
    let ids: [String]
    init() throws {
        site = try Fixture.generate().files
        ids = try ContentLoader(directory: Fixture.content).load().book.sources.map(\.id)
    }

    /// What a person sees or hears: the text between tags, and the attributes a browser shows or a
    /// screen reader speaks; not `href` or `id`, which hold the ids on purpose (sources.html#id).
    private func readable(_ html: String) -> String {
        var text = html.replacing(#/<script[\s\S]*?</script>/#, with: " ")
        let spoken = text.matches(of: #/(?:title|alt|aria-label|placeholder)="([^"]*)"/#).map { String($0.output.1) }
        text = text.replacing(#/<[^>]*>/#, with: " ")
        return ([text] + spoken).joined(separator: " ")
    }

    @Test func noPageShowsASourceID() {
        var pages = 0
        for path in site.paths where path.hasSuffix(".html") {
            pages += 1
            let text = readable(site.html(path))
            for id in ids {
                let shown = text.matches(of: Regex<Substring>(verbatim: id)).contains { match in
                    // A whole id, not part of a longer one or of an address.
                    let before = match.range.lowerBound == text.startIndex ? " " : text[text.index(before: match.range.lowerBound)]
                    let after = match.range.upperBound == text.endIndex ? " " : text[match.range.upperBound]
                    return !(before.isASCII && (before.isLetter || before.isNumber || "-/.".contains(before)))
                        && !(after.isASCII && (after.isLetter || after.isNumber || "-/".contains(after)))
                }
                #expect(!shown, "\(path) shows the source id \(id)")
            }
        }
        #expect(pages > 200, "both scripts' pages were read")
    }

    /// 工作地 FAQ cites a strong and a medium source: the strong by its short name, the medium with 较可靠.
    @Test func aFAQAnswerCitesItsSourcesByNameWithTheirMarks() {
        let page = site.html("faq-who.html")
        #expect(page.contains(#"<a href="sources.html#hrss-2022-25">人社厅发〔2022〕25号</a>"#))
        #expect(page.contains(#"<a href="sources.html#qinghai-list">青海省单独划线地区名单(转载)(较可靠)</a>"#))
        #expect(site.html("zh-Hant/faq-who.html").contains("(較可靠)</a>"))
    }

    /// The Xinjiang notes name the two sources that disagree about 巴州, each readable and marked.
    @Test func areaNotesNameTheirSources() {
        let areas = site.html("areas.html")
        #expect(areas.contains("(来源:人社厅发〔2022〕25号、南疆四地州的范围(较可靠))"))
        #expect(areas.contains("(较可靠,来源:新疆南疆五地州名单(转载))"))
        #expect(areas.contains(#"<a href="sources.html#xinjiang-list">新疆南疆五地州名单(转载)(较可靠)</a>"#))
    }

    /// The sources page gives each source's title and level; its anchor keeps the id, its text does not.
    @Test func theSourcesPageShowsTitlesAndLevelsNotIDs() {
        let page = site.html("sources.html")
        #expect(page.contains(#"<section class="source-item" id="bangfu-counties">"#))
        #expect(!page.contains("编号"))
        #expect(page.contains("国家乡村振兴重点帮扶县名单(2021年8月27日公布,160个)摘录"))
    }
}
