import PasslineCore

/// 更新记录: what changed for candidates and when, newest first, from Content/changelog.md (kept by
/// `passline diff --record`). Each entry is anchored by its stable id, which the feed links to.
struct ChangelogPage: SitePage {
    struct Entry { let id: String; let day: String; let title: String?; let changes: [String]; let note: [String] }

    let chrome: Chrome
    let entries: [Entry]

    init(book: RuleBook, chrome: Chrome) {
        self.chrome = chrome
        entries = book.changelog.map(ChangelogPage.entry)
    }

    static func entry(_ entry: ChangelogEntry) -> Entry {
        Entry(
            id: entry.id, day: SiteMap.chineseDay(entry.date), title: entry.title, changes: entry.changes,
            note: entry.note.components(separatedBy: "\n\n").filter { !$0.isEmpty })
    }

    var title: Markup { "更新记录" }

    func head(_ page: inout PageWriter) {
        page += """
            <link rel="alternate" type="application/atom+xml" href="\(chrome.root)feed.xml" title="通知与更新记录">

            """
    }

    func main(_ page: inout PageWriter) {
        page += """

            <h1>更新记录</h1>
            <p>本站内容对考生有影响的改动,按发布日期排列,最新的在前。也可以<a href="\(chrome.root)feed.xml">订阅</a>(Atom)。</p>

            """
        for entry in entries {
            page += """
                <section class="log" id="\(entry.id)">
                <h2>\(entry.day)
                """
            if let title = entry.title { page += " \(title)" }
            page += "</h2>\n<ul>"
            for change in entry.changes { page += "<li>\(change)</li>" }
            page += "</ul>\n"
            for paragraph in entry.note { page += "<p>\(paragraph)</p>" }
            page += "\n</section>\n"
        }
        page += entries.isEmpty ? "<p>还没有记录。</p>\n" : "\n"
    }
}
