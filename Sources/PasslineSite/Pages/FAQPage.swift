import PasslineCore

/// Every question with its own anchor; answers rendered from Markdown with facts already filled in.
struct FAQPage {
    struct Cite { let name: String; let href: String; let clause: Bool; let last: Bool }
    struct Entry { let id: String; let question: String; let answerHTML: String; let hasCites: Bool; let cites: [Cite] }

    let chrome: Chrome
    let entries: [Entry]

    init(book: RuleBook, map: SiteMap, chrome: Chrome) {
        self.chrome = chrome
        entries = book.faq.sorted { ($0.order, $0.id) < ($1.order, $1.id) }.map { entry in
            let cites = entry.cites.compactMap { cite in map.citation(cite).map { (cite, $0) } }
            return Entry(id: entry.id, question: entry.question, answerHTML: SafeMarkdown.html(entry.answer), hasCites: !cites.isEmpty,
                         cites: cites.enumerated().map { index, pair in
                             Cite(name: pair.1.name, href: pair.1.href, clause: pair.0.hasPrefix("notice:"), last: index == cites.count - 1)
                         })
        }
    }
}

/// The background sources, each anchored by its id so answers and areas can cite it.
struct SourcesPage {
    struct Entry { let id: String; let title: String; let url: String; let strong: Bool; let medium: Bool; let weak: Bool; let note: String? }
    let chrome: Chrome
    let sources: [Entry]

    init(book: RuleBook, chrome: Chrome) {
        self.chrome = chrome
        sources = book.sources.map {
            Entry(id: $0.id, title: $0.title, url: $0.url, strong: $0.confidence == .strong, medium: $0.confidence == .medium,
                  weak: $0.confidence == .weak, note: $0.note)
        }
    }
}

/// A page with nothing but the layout (404).
struct PlainPage {
    let chrome: Chrome
}
