import PasslineCore

/// A notice's own page. A full notice is the official text, each clause wrapped in an element whose id is
/// the clause's anchor. A summary is our own words, so it says so first, shows the data its body leaves
/// to the data (windows, sessions and thresholds, hotline) and names the sources it was read from.
struct NoticePage: SitePage {
    struct ClauseBlock { let anchor: String; let depth: Int; let html: SafeHTML }
    struct Link { let name: String; let href: String }
    /// A source with the reader's word for its confidence (messages.md), linking to its entry.
    struct SourceLink { let id: String; let title: String; let url: String; let mark: String }

    let chrome: Chrome
    /// `2025年1月15日通知`: how the page and the notice list name it.
    let name: String
    /// The notice's own title (`title` is the page's).
    let noticeTitle: String
    let issuer: String
    let dateText: String
    let addressee: String?
    let sourceURL: String
    let provenance: Provenance
    let summary: Bool
    let clauses: [ClauseBlock]
    /// A summary's body (our words), through cmark's safe mode.
    let bodyHTML: SafeHTML
    /// Only a summary shows them (the full text states its own facts); not built for thousands of full notices.
    let facts: NoticeFacts?
    let sources: [SourceLink]
    /// The plain-text copy, for full notices.
    let textHref: String?
    /// Set on the pages of a round that is no longer the newest: where the newest one is.
    let newest: Link?

    var title: Markup { summary ? "\(name)(摘要)" : "\(name)原文" }

    func main(_ page: inout PageWriter) {
        if let newest {
            page += """
                <p class="note noprint">这是较早的一轮补申领。最新的是<a href="\(newest.href)">\(newest.name)</a>;各轮通知见<a href="notices.html">通知列表</a>。</p>

                """
        }
        page += """
            <article class="notice">
            <p class="issuer">\(issuer)</p>
            <h1>\(noticeTitle)</h1>

            """
        if summary { summaryPart(&page) }
        if let addressee { page += #"<p class="addressee">\#(addressee):</p>"# }
        page += "\n"
        for clause in clauses {
            page += """
                <div class="clause d\(clause.depth)" id="\(clause.anchor)">
                \(clause.html)</div>

                """
        }
        page += """
            <div class="signature">
            <p>\(issuer)</p>
            <p>\(dateText)</p>
            </div>

            """
        if !summary { provenance.write(&page) }
        page += """

            </article>
            <p class="noprint">
            """
        if let textHref { page += #"<a href="\#(textHref)">纯文本版本</a>(便于复制转发) · "# }
        page += """
            <a href="notices.html">全部通知</a></p>

            """
    }

    /// A summary says it is one, shows the data its body leaves out and names its sources.
    private func summaryPart(_ page: inout PageWriter) {
        page += """
            <p class="note banner"><strong>摘要,非原文</strong>:原文不在本站。下面是本站根据资料来源所作的概括,不是原文的措辞,也没有条款编号;引用请以原文为准。</p>
            \(bodyHTML)

            """
        if let facts {
            page += """
                <h2>本页数据</h2>
                <dl class="facts">
                <dt>申请时间</dt><dd>\(facts.application)(北京时间)</dd>

                """
            if let review = facts.review { page += "<dt>审核时间</dt><dd>\(review)</dd>" }
            page += "\n<dt>涵盖场次与单独划线合格标准</dt><dd><ul>"
            for line in facts.covered { page += "<li>\(line.exam) \(line.session):\(line.thresholds)(各科目,含本数)</li>" }
            page += """
                </ul></dd>
                <dt>申请入口</dt><dd>“\(facts.entry)”</dd>
                <dt>咨询电话</dt><dd><a href="tel:\(facts.hotlineTel)">\(facts.hotline)</a></dd>
                </dl>

                """
        }
        page += "<h2>资料来源</h2>\n<ul>"
        for source in sources {
            page += #"<li><a href="\#(source.url)">\#(source.title)</a>(<a href="sources.html#\#(source.id)">\#(source.mark)</a>)</li>"#
        }
        page += "</ul>\n"
    }

    init(notice: Notice, book: RuleBook, map: SiteMap, permanent: Bool, chrome: Chrome) {
        self.chrome = chrome
        name = SiteMap.name(of: notice)
        noticeTitle = notice.title
        issuer = notice.issuer
        dateText = SiteMap.chineseDay(notice.date)
        addressee = notice.addressee
        sourceURL = notice.sourceURL
        provenance = Provenance(notice: notice, book: book)
        summary = notice.kind == .summary
        clauses = notice.clauses.map { ClauseBlock(anchor: $0.anchor, depth: $0.depth, html: SafeHTML(cmarkOutput: $0.html)) }
        bodyHTML = SafeHTML(markdown: notice.kind == .summary ? notice.body : "")
        facts = notice.kind == .summary ? NoticeFacts(notice: notice, book: book) : nil
        sources = notice.sources.compactMap(book.source).map {
            SourceLink(id: $0.id, title: $0.title, url: $0.url, mark: book.confidenceWord($0.confidence) ?? $0.confidence.rawValue)
        }
        textHref = map.textPage(ofNotice: notice, permanent: permanent)
        newest = book.currentNotice.flatMap { current in
            current.id == notice.id ? nil : Link(name: SiteMap.name(of: current), href: map.page(ofNotice: current.id))
        }
    }
}

/// `notice.txt`: the notice as plain text, for pasting into a chat message.
struct NoticeTextPage {
    struct Block { let text: String }
    let title: String
    let addressee: String?
    let blocks: [Block]
    let issuer: String
    let dateText: String
    let provenance: Provenance

    /// The file's text, in `converter`'s script when one is given.
    func render(converter: TraditionalConverter? = nil) -> [UInt8] {
        var file = PageWriter(converter: converter)
        file.write("\(title)\n\n")
        if let addressee { file.write("\(addressee):\n\n") }
        for block in blocks { file.write("\(block.text)\n\n") }
        file.write("\(issuer)\n\(dateText)\n\n\(provenance.plainText)")
        return file.finish()
    }

    init(notice: Notice, book: RuleBook) {
        title = notice.title
        addressee = notice.addressee
        blocks = notice.clauses.map { Block(text: $0.text) }
        issuer = notice.issuer
        dateText = SiteMap.chineseDay(notice.date)
        provenance = Provenance(notice: notice, book: book)
    }
}
