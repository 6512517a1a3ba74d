import PasslineCore

/// Every question with its own anchor; answers rendered from Markdown with facts already filled in.
/// Each answer ends with what it rests on: the clauses of the current notice (`通知二(一)、二(二)`) and the
/// sources, named by the ids the answers themselves use.
struct FAQPage: SitePage {
    struct Entry {
        let id: String
        let question: String
        let answer: SafeHTML
        let clauses: [NamedLink]
        let sources: [NamedLink]
    }

    let chrome: Chrome
    let entries: [Entry]

    init(book: RuleBook, map: SiteMap, chrome: Chrome) {
        self.chrome = chrome
        entries = book.faq.sorted { ($0.order, $0.id) < ($1.order, $1.id) }.map { entry in
            func links(_ prefix: String) -> [NamedLink] { entry.cites.filter { $0.hasPrefix(prefix) }.compactMap(map.citation) }
            return Entry(id: entry.id, question: entry.question, answer: SafeHTML(markdown: entry.answer),
                         clauses: links("notice:"), sources: links("source:"))
        }
    }

    var title: Markup { "常见问题" }

    func main(_ page: inout PageWriter) {
        page += "<h1>常见问题</h1>\n"
        for entry in entries {
            page += """
                <section id="\(entry.id)">
                <h2>\(entry.question)</h2>
                \(entry.answer)
                """
            if !entry.clauses.isEmpty || !entry.sources.isEmpty {
                page += #"<p class="small">依据:"#
                if !entry.clauses.isEmpty {
                    page += "通知"
                    for (index, clause) in entry.clauses.enumerated() {
                        if index > 0 { page += "、" }
                        page += #"<a href="\#(clause.href)">\#(clause.name)</a>"#
                    }
                }
                for source in entry.sources { page += #" <a href="\#(source.href)">\#(source.name)</a>"# }
                page += "</p>\n"
            }
            page += "</section>\n"
        }
    }
}

/// The background sources, each anchored by its id so answers and areas can cite it.
struct SourcesPage: SitePage {
    let chrome: Chrome
    let sources: [Source]

    init(book: RuleBook, chrome: Chrome) {
        self.chrome = chrome
        sources = book.sources
    }

    var title: Markup { "资料来源" }

    func main(_ page: inout PageWriter) {
        page += """
            <h1>资料来源</h1>
            <p>通知本身没有写明的内容(如全国合格标准、地区名单)取自以下资料。“可靠程度”是本站对来源的判断。</p>

            """
        for source in sources {
            page += """
                <section class="source-item" id="\(source.id)">
                <h2 class="h3"><a href="\(source.url)">\(source.title)</a></h2>
                <p class="small"><span class="label">编号:</span>\(source.id) · <span class="label">可靠程度:</span>\(Self.confidence(source.confidence))</p>

                """
            if let note = source.note { page += #"<p class="small">\#(note)</p>"# }
            page += "\n</section>\n"
        }
    }

    /// The reader's word for how far a source can be trusted.
    static func confidence(_ confidence: Source.Confidence) -> Markup {
        switch confidence {
        case .strong: "高"
        case .medium: "中"
        case .weak: "低"
        }
    }
}

/// The page for an address that leads nowhere (404.html).
struct NotFoundPage: SitePage {
    let chrome: Chrome

    var title: Markup { "找不到页面" }

    func main(_ page: inout PageWriter) {
        page += """
            <h1>找不到这个页面</h1>
            <p>地址可能有误,或页面已经移动。</p>
            <ul class="links">
            <li><a href="index.html">首页</a></li>
            <li><a href="notice.html">通知原文</a></li>
            <li><a href="calculator.html">自测能否申领</a></li>
            </ul>

            """
    }
}
