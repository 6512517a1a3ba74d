import Foundation
import PasslineCore

/// Which content files make a page heavy, heaviest first: what a page-budget failure names, so the
/// editor knows which files to change (the budget alone, "faq.html exceeds 30000 bytes", names none).
///
/// Each part of a page that comes from one file is rendered alone, as the page writes it, and weighed:
/// a FAQ answer with its question and citations, a question on the FAQ's list. Pages whose weight is
/// not the sum of content files' parts get no list, and the fix says so.
struct PageShares {
    struct Share: Sendable, Hashable {
        /// `Content/faq/materials.md:2`: the file and the line of its id.
        let place: String
        let bytes: Int
    }

    let shares: [Share]
    /// What the editor can do, in plain words.
    let fix: String

    /// How many files a message names at most.
    static let named = 5

    /// `now`: the build's instant, which decides how state-dependent answers are written (`FAQPage.entry`).
    static func of(page path: String, book: RuleBook, files: [String: SourceLocation], content: String, now: Date) -> PageShares {
        let page = path.hasPrefix(ScriptVariant.traditional.folder) ? String(path.dropFirst(ScriptVariant.traditional.folder.count)) : path
        let map = SiteMap(book: book)
        func place(_ key: String) -> String {
            files[key].map { "\($0.path):\($0.line)" } ?? key
        }
        func weigh(_ write: (inout PageWriter) -> Void) -> Int {
            var writer = PageWriter(capacity: 1_024)
            write(&writer)
            return writer.finish().count
        }
        let final = book.currentNotice.flatMap { try? WindowStatus(notice: $0, book: book, now: now) }?.final
        let topicsFile = (content.hasSuffix("/") ? String(content.dropLast()) : content) + "/faq-topics.md"
        // A topic's page, or the one FAQ page of content without topics: weighed answer by answer.
        let topic = map.faqTopics.first { map.faqPage(ofTopic: $0.id) == page }
        if topic != nil || (page == "faq.html" && map.faqTopics.isEmpty) {
            let shares = FAQPage.entries(of: book, topic: topic?.id).map { entry in
                Share(
                    place: place("faq:\(entry.id)"), bytes: weigh { FAQPage.write(FAQPage.entry(entry, map: map, final: final), into: &$0) }
                )
            }
            let fix =
                topic == nil
                ? "改法:把常见问题分成几页——在 \(topicsFile) 里列出主题(topics: 每项 id 和 name),再在每个 faq 文件的文件头写 topic: 它属于哪个主题;或者缩短上面这些答案。"
                : "改法:把上面几条移到别的主题——改它们文件头的 topic:(主题列在 \(topicsFile) 里),也可以在那里加一个新主题再移过去;或者缩短这些答案。"
            return PageShares(shares: sorted(shares), fix: fix)
        }
        if page == "faq.html" {
            let shares = book.faq.map { entry in
                Share(
                    place: place("faq:\(entry.id)"),
                    bytes: weigh {
                        $0 += #"<li><a href="\#(map.faqLink(ofEntry: entry))">\#(entry.question)</a></li>"#; $0 += "\n"
                    })
            }
            return PageShares(shares: sorted(shares), fix: "改法:这一页列出全部问题,问题太多或太长了:缩短上面这些问题(question:),或把不再需要的问答删掉。")
        }
        return PageShares(shares: [], fix: "这一页的大小主要不是某一个内容文件决定的:请联系开发者调整页面(Sources/PasslineSite/Pages)。")
    }

    private static func sorted(_ shares: [Share]) -> [Share] {
        shares.sorted { ($0.bytes, $1.place) > ($1.bytes, $0.place) }
    }

    /// `Content/faq/a.md:2(2,345 字节)、…`: the heaviest files, at most `named`.
    var heaviest: String {
        shares.prefix(Self.named).map { "\($0.place)(\(PageShares.number($0.bytes)) 字节)" }.joined(separator: "、")
    }

    /// `31,200`: bytes as editors read a large number.
    static func number(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}
