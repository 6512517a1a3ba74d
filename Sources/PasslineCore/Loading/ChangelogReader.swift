import Foundation
import Markdown

/// Reads `Content/changelog.md`: each `## 2025-03-01` heading opens an entry, the list items under it
/// are its changes, other paragraphs its note. Text before the first heading is an introduction for
/// editors and is not published.
struct ChangelogReader {
    let log: DiagnosticLog
    private var entries: [ChangelogEntry] = []

    init(log: DiagnosticLog) { self.log = log }

    mutating func read(_ file: ContentFile) {
        guard var fields = Fields(file.frontMatter, path: file.path, log: log, what: "front matter") else { return }
        _ = fields.string("title", required: false)
        fields.finish()
        let document = MarkdownDocument(parsing: file.body)
        BodyCheck.run(file, document: document, log: log)
        var current: (entry: ChangelogEntry, line: Int)?
        func close() {
            guard let (entry, line) = current else { return }
            if entry.changes.isEmpty && entry.note.isEmpty {
                log.error(file.path, (line, 1), "\(entry.date) 这一条没有列出改动:在标题下面加 '- …' 行,或删掉这个标题")
            }
            entries.append(entry)
            current = nil
        }
        for block in document.root.children {
            let line = file.bodyStartLine + block.line - 1
            let text = block.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
            if case .heading(level: 2) = block.kind {
                close()
                guard let m = text.wholeMatch(of: #/(\d{4}-\d{2}-\d{2})\s*(.*)/#) else {
                    log.error(file.path, (line, 1), "'## \(text.shown)' 不是更新记录的标题:每一条以日期开头,如 '## 2025-03-01'")
                    continue
                }
                let day = String(m.1)
                guard Instant.parseDay(day) != nil else {
                    let problem = DateProblem.describe(day, withTime: false)
                    log.error(file.path, (line, 1), "'\(day)' 不是一个日期" + (problem.map { ",\($0.reason):\($0.fix)" } ?? ":写成 2025-03-01 这样"))
                    continue
                }
                let title = String(m.2).trimmingCharacters(in: .whitespaces)
                current = (ChangelogEntry(id: day, date: day, title: title.isEmpty ? nil : title, changes: [], note: ""), line)
                continue
            }
            guard current != nil else { continue }
            if case .list = block.kind {
                for item in block.children {
                    let change = item.plainText.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(
                        in: .whitespaces)
                    if !change.isEmpty { current?.entry.changes.append(change) }
                }
            } else if !text.isEmpty, var open = current {
                open.entry.note += (open.entry.note.isEmpty ? "" : "\n\n") + text
                current = open
            }
        }
        close()
    }

    /// Gives same-day entries distinct ids and puts the newest first.
    func finish(_ loaded: LoadedContent) -> LoadedContent {
        var loaded = loaded
        var seen: [String: Int] = [:]
        var numbered: [ChangelogEntry] = []
        for var entry in entries {
            let count = seen[entry.date, default: 0] + 1
            seen[entry.date] = count
            if count > 1 { entry.id = "\(entry.date)-\(count)" }
            numbered.append(entry)
        }
        loaded.book.changelog = numbered.enumerated().sorted { ($0.element.date, $0.offset) > ($1.element.date, $1.offset) }.map(\.element)
        return loaded
    }
}
