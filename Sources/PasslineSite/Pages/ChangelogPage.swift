import PasslineCore

/// 更新记录: what changed for candidates and when, newest first, from Content/changelog.md (kept by
/// `passline diff --record`). Each entry is anchored by its stable id, which the feed links to.
struct ChangelogPage {
    struct Line { let text: String }
    struct Entry { let id: String; let day: String; let title: String?; let changes: [Line]; let note: [Line] }

    let chrome: Chrome
    let entries: [Entry]

    init(book: RuleBook, chrome: Chrome) {
        self.chrome = chrome
        entries = book.changelog.map(ChangelogPage.entry)
    }

    static func entry(_ entry: ChangelogEntry) -> Entry {
        Entry(id: entry.id, day: SiteMap.chineseDay(entry.date), title: entry.title, changes: entry.changes.map(Line.init),
              note: entry.note.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map(Line.init))
    }
}
