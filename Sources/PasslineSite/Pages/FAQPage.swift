import PasslineCore

/// Every question with its own anchor; answers rendered from Markdown with facts already filled in.
/// Each answer ends with what it rests on: the clauses of the current notice (`通知二(一)、二(二)`) and the
/// sources, named by the ids the answers themselves use.
struct FAQPage {
    struct Cite { let name: String; let href: String; let last: Bool }
    struct Entry {
        let id: String
        let question: String
        let answerHTML: String
        let hasCites: Bool
        let hasClauses: Bool
        let clauses: [Cite]
        let sources: [Cite]
    }

    let chrome: Chrome
    let entries: [Entry]

    init(book: RuleBook, map: SiteMap, chrome: Chrome) {
        self.chrome = chrome
        entries = book.faq.sorted { ($0.order, $0.id) < ($1.order, $1.id) }.map { entry in
            func links(_ prefix: String) -> [Cite] {
                let found = entry.cites.filter { $0.hasPrefix(prefix) }.compactMap(map.citation)
                return found.enumerated().map { Cite(name: $1.name, href: $1.href, last: $0 == found.count - 1) }
            }
            let clauses = links("notice:"), sources = links("source:")
            return Entry(id: entry.id, question: entry.question, answerHTML: SafeMarkdown.html(entry.answer),
                         hasCites: !clauses.isEmpty || !sources.isEmpty, hasClauses: !clauses.isEmpty, clauses: clauses, sources: sources)
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
