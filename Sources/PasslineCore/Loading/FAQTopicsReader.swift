import Yams

/// Reads Content/faq-topics.md — `topics:`, the FAQ's pages in order, each `{id, name}` — and checks
/// every FAQ entry's `topic:` against it.
///
/// The FAQ is split by topic so that the page budget is a limit an editor can act on: when one topic's
/// page grows too heavy, the build names the heaviest answers and the fix is to move some to another
/// topic (or add one here). Content without this file keeps every entry on one page.
enum FAQTopicsReader {
    /// The file's name at the top of Content/.
    static let file = "faq-topics.md"

    static func read(_ file: ContentFile, log: DiagnosticLog) -> [FAQTopic] {
        guard var fields = Fields(file.frontMatter, path: file.path, log: log, what: "文件头") else { return [] }
        var topics: [FAQTopic] = []
        var seen: [String: Int] = [:]
        for node in fields.list("topics") {
            guard var entry = Fields(node, path: file.path, log: log, what: "topics 的每一项") else { continue }
            let id = entry.string("id")
            let name = entry.string("name")
            entry.finish()
            guard let id, let name else { continue }
            let at = Fields.location(of: entry.valueNode(of: "id"))
            if let problem = ContentID.problem(with: id) {
                log.error(file.path, at, "主题 id '\(id.shown)' \(problem):id 只能用小写字母、数字和 '-',如 apply;它是页面文件名 faq-<id>.html 的一部分")
                continue
            }
            if let first = seen[id] {
                log.error(file.path, at, "主题 '\(id)' 写了两次(第一次在第 \(first) 行):每个主题只写一次")
                continue
            }
            seen[id] = at.line
            topics.append(FAQTopic(id: id, name: name))
        }
        fields.finish()
        if topics.isEmpty { log.error(file.path, (1, 1), "topics 里至少要有一个主题,如 - {id: apply, name: 申请时间与办理}") }
        return topics
    }

    /// Every entry names a declared topic when there are topics, and none does when there are none.
    /// An entry without `topic:` is put on the last topic's page, with a warning (a new entry written
    /// without one still shows, and the editor is told where); a topic no entry names gets no page.
    static func check(_ content: inout LoadedContent, topicsPath: String, log: DiagnosticLog) {
        if let last = content.book.faqTopics?.last {
            for index in content.book.faq.indices where content.book.faq[index].topic == nil {
                let entry = content.book.faq[index]
                let at = content.locations.at(.faq(entry.id))
                log.warning(
                    at.path, (at.line, at.column),
                    "FAQ '\(entry.id)' 没有写 topic:先放在最后一个主题“\(last.name)”的页上;在文件头加一行 topic: 主题id,写它在哪一页(\(topicsPath) 里的主题:\(content.book.faqTopics!.map(\.id).joined(separator: "、")))"
                )
                content.book.faq[index].topic = last.id
            }
        }
        let book = content.book
        func place(_ entry: FAQEntry, _ key: String) -> SourceLocation {
            content.locations.at(key == "topic" ? .faqTopic(entry.id) : .faq(entry.id))
        }
        guard let topics = book.faqTopics else {
            for entry in book.faq where entry.topic != nil {
                let at = place(entry, "topic")
                log.error(at.path, (at.line, at.column), "这里写了 topic: \(entry.topic!),但没有 \(topicsPath):先在那里列出主题(id 和名称),或删掉这一行")
            }
            return
        }
        let ids = topics.map(\.id)
        let list = ids.joined(separator: "、")
        for entry in book.faq {
            guard let topic = entry.topic else { continue }
            // A blank left to fill is reported as one (PlaceholderCheck), not as an unknown topic.
            guard ids.contains(topic) || topic.contains(Scaffold.placeholder) else {
                let at = place(entry, "topic")
                let hint = Suggest.closest(to: topic, in: ids).map { "(是不是 '\($0)'?)" } ?? ""
                log.error(at.path, (at.line, at.column), "没有叫 '\(topic.shown)' 的主题\(hint):主题列在 \(topicsPath) 里(\(list)),要新的主题就先在那里加一项")
                continue
            }
        }
        for topic in topics where !book.faq.contains(where: { $0.topic == topic.id }) {
            log.warning(topicsPath, (1, 1), "主题“\(topic.name)”(\(topic.id))还没有问答,网站不会为它生成页面")
        }
    }
}
