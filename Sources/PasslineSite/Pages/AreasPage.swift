import Markdown
import PasslineCore

/// The delineated areas, each with its places, its sources and, where the list is partial, a plain
/// note to check with the provincial office.
struct AreasPage: SitePage {
    struct Entry {
        let id: String
        let region: String
        let basis: String
        let whole: Bool
        let places: [String]
        let incomplete: Bool
        let notes: SafeHTML
        let sources: [NamedLink]
    }

    let chrome: Chrome
    let areas: [Entry]

    init(book: RuleBook, map: SiteMap, chrome: Chrome) {
        self.chrome = chrome
        areas = book.areas.map { area in
            Entry(
                id: area.id, region: area.region, basis: area.basis, whole: area.scope == .whole, places: area.places,
                incomplete: !area.complete, notes: SafeHTML(markdown: area.notes), sources: area.sources.compactMap(map.source))
        }
    }

    var title: Markup { "单独划线地区" }

    func main(_ page: inout PageWriter) {
        page += """
            <h1>单独划线地区</h1>
            <p>以下名单整理自各地公布的文件,每个地区都注明了来源。申请时以所在省(区、市)考试机构公布的名单为准。</p>
            <ul class="toc">
            """
        for area in areas { page += ##"<li><a href="#\##(area.id)">\##(area.region)</a></li>"## }
        page += "</ul>\n"
        for area in areas {
            page += """
                <section class="area" id="\(area.id)">
                <h2>\(area.region)</h2>
                <p><span class="label">范围:</span>\(area.basis)</p>

                """
            if area.whole { page += "<p>全境都在单独划线范围内。</p>" }
            page += "\n"
            if !area.places.isEmpty { page += #"<p><span class="label">地方:</span>\#(area.places.joined(separator: "、"))</p>"# }
            page += "\n"
            if area.incomplete {
                page += #"<p class="note"><span aria-hidden="true">⚠ </span>这份名单不完整。请向\#(area.region)的省级考试机构核实你所在的地方是否在范围内。</p>"#
            }
            page += """

                \(area.notes)
                <p class="small"><span class="label">来源:</span>
                """
            for (index, source) in area.sources.enumerated() {
                if index > 0 { page += ";" }
                page += #"<a href="\#(source.href)">\#(source.name)</a>"#
            }
            page += "</p>\n</section>\n"
        }
    }
}

/// Editors' Markdown as HTML through cmark's safe mode: raw HTML is dropped and `javascript:` links
/// are emptied, so nothing an editor (or an attacker with commit access) writes can run in a reader's phone.
enum SafeMarkdown {
    static func html(_ text: String) -> String {
        text.isEmpty ? "" : MarkdownDocument(parsing: text).html
    }
}
