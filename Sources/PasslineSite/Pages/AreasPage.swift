import Markdown
import PasslineCore

/// The delineated areas, each with its places, its sources and, where the list is partial, a plain
/// note to check with the provincial office.
struct AreasPage {
    struct Source { let name: String; let href: String; let last: Bool }
    struct Entry {
        let id: String
        let region: String
        let basis: String
        let whole: Bool
        let hasPlaces: Bool
        let places: String
        let incomplete: Bool
        let notesHTML: String
        let sources: [Source]
    }

    let chrome: Chrome
    let areas: [Entry]

    init(book: RuleBook, map: SiteMap, chrome: Chrome) {
        self.chrome = chrome
        areas = book.areas.map { area in
            let links = area.sources.map(map.source)
            return Entry(id: area.id, region: area.region, basis: area.basis, whole: area.scope == .whole,
                         hasPlaces: !area.places.isEmpty, places: area.places.joined(separator: "、"),
                         incomplete: !area.complete, notesHTML: SafeMarkdown.html(area.notes),
                         sources: links.enumerated().map { Source(name: $1.name, href: $1.href, last: $0 == links.count - 1) })
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
