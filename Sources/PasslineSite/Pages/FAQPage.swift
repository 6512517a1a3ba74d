import PasslineCore

/// The questions of one FAQ topic (`faq-<topic>.html`), each with its own anchor; answers rendered
/// from Markdown with facts already filled in. Each answer ends with what it rests on: the clauses of
/// the current notice (`通知二(一)、二(二)`) and the sources, named by the ids the answers themselves use.
/// Content that declares no topics has every question on `faq.html` (`topic` nil).
struct FAQPage: SitePage {
    /// Part of an answer: for every state (`states == nil`), or only while the round is in `states`.
    struct Part {
        let states: [WindowState]?
        let html: SafeHTML
    }

    struct Entry {
        let id: String
        let question: String
        let answer: [Part]
        let clauses: [NamedLink]
        let sources: [NamedLink]
    }

    let chrome: Chrome
    /// The topic's name as the heading; nil for the one page of content without topics.
    let topicName: String?
    let entries: [Entry]
    /// The other topics' pages, for moving on without going back to the list.
    let otherTopics: [NamedLink]

    init(book: RuleBook, map: SiteMap, chrome: Chrome, topic: FAQTopic? = nil) {
        self.chrome = chrome
        topicName = topic?.name
        entries = FAQPage.entries(of: book, topic: topic?.id).map { FAQPage.entry($0, map: map, final: chrome.status?.final) }
        otherTopics = map.faqTopics.filter { $0.id != topic?.id }.map { NamedLink(name: $0.name, href: map.faqPage(ofTopic: $0.id)) }
    }

    /// The entries a topic's page shows, in page order (all of them when `topic` is nil).
    static func entries(of book: RuleBook, topic: String?) -> [FAQEntry] {
        book.faq.filter { topic == nil || $0.topic == topic }.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
    }

    /// Once the round has closed for good (`final`, `WindowStatus.final`) each answer is written as it
    /// reads then. Before that the page may be read before, during or after the window: the parts for
    /// before or during it are written, each labelled with its states so that it holds whenever it is
    /// read (the line under the header says when the window ends); parts only for after the close wait
    /// for the build after it (both parts of a page would not fit its byte budget).
    static func entry(_ entry: FAQEntry, map: SiteMap, final: WindowState?) -> Entry {
        func links(_ prefix: String) -> [NamedLink] { entry.cites.filter { $0.hasPrefix(prefix) }.compactMap(map.citation) }
        let parts =
            final.map { [Part(states: nil, html: SafeHTML(markdown: entry.answer(in: $0)))] }
            ?? WindowText.parts(entry.answer).filter { $0.states?.contains { $0 != .closed } ?? true }
            .map { Part(states: $0.states, html: SafeHTML(markdown: $0.text)) }
        return Entry(id: entry.id, question: entry.question, answer: parts, clauses: links("notice:"), sources: links("source:"))
    }

    var title: Markup {
        if let topicName { return "\(topicName) · 常见问题" }
        return "常见问题"
    }

    /// `申请期内、截止后`: the states a part is for, in the editors' words.
    static func label(_ states: [WindowState]) -> String {
        WindowText.names.filter { states.contains($0.state) }.map(\.name).joined(separator: "、")
    }

    func main(_ page: inout PageWriter) {
        if let topicName {
            page += """
                <p class="small"><a href="faq.html">常见问题</a></p>
                <h1>\(topicName)</h1>

                """
        } else {
            page += "<h1>常见问题</h1>\n"
        }
        for entry in entries { FAQPage.write(entry, into: &page) }
        if !otherTopics.isEmpty {
            page += "<p class=\"small\">其他问题:"
            for (index, topic) in otherTopics.enumerated() {
                if index > 0 { page += "、" }
                page += #"<a href="\#(topic.href)">\#(topic.name)</a>"#
            }
            page += "</p>\n"
        }
    }

    /// One question with its answer: also what the budget step renders alone to weigh each FAQ file.
    static func write(_ entry: Entry, into page: inout PageWriter) {
        page += """
            <section id="\(entry.id)">
            <h2>\(entry.question)</h2>

            """
        for part in entry.answer {
            guard let states = part.states else { page += "\(part.html)"; continue }
            page += #"<div class="when"><p class="small">\#(Self.label(states))适用:</p>"#
            page += "\(part.html)</div>\n"
        }
        if !entry.clauses.isEmpty || !entry.sources.isEmpty {
            page += #"<p class="small">依据:"#
            if !entry.clauses.isEmpty {
                page += "通知"
                for (index, clause) in entry.clauses.enumerated() {
                    if index > 0 { page += "、" }
                    page += #"<a href="\#(clause.href)">\#(clause.name)</a>"#
                }
            }
            if !entry.sources.isEmpty {
                // Titles may hold 、 themselves, so sources are set apart by ;.
                if !entry.clauses.isEmpty { page += " · 资料:" }
                for (index, source) in entry.sources.enumerated() {
                    if index > 0 { page += ";" }
                    page += #"<a href="\#(source.href)">\#(source.name)</a>"#
                }
            }
            page += "</p>\n"
        }
        page += "</section>\n"
    }
}

/// The background sources, each anchored by its id so answers and areas can cite it.
struct SourcesPage: SitePage {
    let chrome: Chrome
    let sources: [Source]
    /// The reader's words for the three levels (messages.md `confidence.*`): one vocabulary everywhere.
    let words: [Source.Confidence: String]

    init(book: RuleBook, chrome: Chrome) {
        self.chrome = chrome
        sources = book.sources
        words = Dictionary(
            uniqueKeysWithValues: [Source.Confidence.strong, .medium, .weak].map { ($0, book.confidenceWord($0) ?? $0.rawValue) })
    }

    var title: Markup { "资料来源" }

    func main(_ page: inout PageWriter) {
        page += """
            <h1>资料来源</h1>
            <p>通知本身没有写明的内容(如全国合格标准、地区名单)取自以下资料。“可靠程度”是本站对来源的判断,分三档:\(words[.strong] ?? "")、\(words[.medium] ?? "")、\(words[.weak] ?? "")。</p>

            """
        for source in sources {
            page += """
                <section class="source-item" id="\(source.id)">
                <h2 class="h3"><a href="\(source.url)">\(source.title)</a></h2>
                <p class="small"><span class="label">可靠程度:</span>\(words[source.confidence] ?? "")</p>

                """
            if let note = source.note { page += #"<p class="small">\#(note)</p>"# }
            page += "\n</section>\n"
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
