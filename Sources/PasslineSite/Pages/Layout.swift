/// A page of the site: what it shows inside the shared layout (`Layout`). Adding a page is adding a
/// type that conforms: the compiler asks for its title and its main content, and for every field
/// they use.
protocol SitePage {
    var chrome: Chrome { get }
    /// `<title>`, before the site's name.
    var title: Markup { get }
    /// Extra elements in `<head>` (a feed link), each line ending in a newline.
    func head(_ page: inout PageWriter)
    /// The content of `<main>`.
    func main(_ page: inout PageWriter)
    /// Script elements after the footer.
    func scripts(_ page: inout PageWriter)
    /// Whether the page states the current round's window itself (the home page), so the layout's
    /// line under the header would repeat it.
    var statesWindow: Bool { get }
    /// Whether the page has a window state for window.js to refine at the reader's clock (one that
    /// had not closed when the site was built); only then is the script loaded.
    var needsWindowScript: Bool { get }
}

extension SitePage {
    func head(_ page: inout PageWriter) {}
    func scripts(_ page: inout PageWriter) {}
    var statesWindow: Bool { false }
    var needsWindowScript: Bool { false }

    /// The page, in `chrome`'s script: converted to zh-Hant as it is written when a converter is given.
    func render(converter: TraditionalConverter? = nil) -> [UInt8] {
        var page = PageWriter(converter: converter)
        Layout.write(self, into: &page)
        return page.finish()
    }
}

/// The layout every page shares: head, header with the script switch and navigation, main, footer.
enum Layout {
    static func write(_ content: some SitePage, into page: inout PageWriter) {
        let chrome = content.chrome
        page += """
            <!doctype html>
            <html lang="\(chrome.variant.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'">
            <meta name="referrer" content="no-referrer">
            <title>\(content.title) · 单独划线证书补申领指南</title>
            <link rel="stylesheet" href="\(chrome.root)assets/site.css">

            """
        content.head(&page)
        page += """
            </head>
            <body>
            <a class="skip" href="#main">跳到正文</a>
            <header class="top">
            <p class="bar"><a class="brand" href="index.html">单独划线证书补申领指南</a>

            """
        if chrome.hasTwin {
            // One piece, start tag to end tag: the switch names the other script in that script's own
            // characters (translate="no" keeps the zh-Hant page's 简体 from being converted).
            let label: Markup = chrome.variant == .traditional ? "简体" : "繁體"
            page += #"<a class="script" href="\#(chrome.twinHref)" lang="\#(chrome.variant.twin.rawValue)" translate="no">\#(label)</a>"#
        }
        page += """
            </p>
            <nav><ul>
            <li><a href="index.html"\(chrome.marker(.home))>首页</a></li>
            <li><a href="notice.html"\(chrome.marker(.notice))>通知原文</a></li>
            <li><a href="thresholds.html"\(chrome.marker(.thresholds))>合格标准</a></li>
            <li><a href="areas.html"\(chrome.marker(.areas))>地区</a></li>
            <li><a href="faq.html"\(chrome.marker(.faq))>问答</a></li>
            <li><a href="check.html"\(chrome.marker(.calculator))>自测</a></li>
            </ul></nav>

            """
        // Inside the header's landmark, so that every line of the page belongs to one (axe "region").
        if let status = chrome.status, !content.statesWindow {
            page += #"<div class="round-state">"#
            status.write(&page, lead: "补申领(\(chrome.round)):")
            page += "</div>\n"
        }
        page += """
            </header>
            <main id="main">

            """
        content.main(&page)
        page += """

            </main>
            <footer class="foot">
            <p>咨询电话 <a href="tel:\(chrome.hotlineTel)">\(chrome.hotline)</a></p>
            <p>本站依据通知原文整理,以官方发布和省级考试机构的要求为准。\(chrome.updatedLine)</p>
            <p><a href="notices.html"\(chrome.marker(.notices))>全部通知</a> · <a href="changelog.html"\(chrome.marker(.changelog))>更新记录</a> · <a href="sources.html"\(chrome.marker(.sources))>资料来源</a> · <a href="\(chrome.root)rules.json">rules.json</a></p>
            </footer>

            """
        content.scripts(&page)
        if content.needsWindowScript {
            page += #"<script src="\#(chrome.root)assets/window.js"></script>"#
        }
        page += "\n</body>\n</html>\n"
    }
}
