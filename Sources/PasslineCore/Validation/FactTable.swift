import Foundation

/// The facts a FAQ answer or note may name by reference (`{{application.end}}`), so that a date or a
/// score is written once in data and every answer that mentions it follows an edit.
enum FactTable {
    static func facts(of book: RuleBook) -> [String: String] {
        var facts = ArchiveFacts.facts(of: book)
        if let notice = book.currentNotice {
            facts["notice.title"] = notice.title
            facts["notice.issuer"] = notice.issuer
            if let day = Instant.parseDay(notice.date) { facts["notice.date"] = Instant.chinese(day, withTime: false) }
            facts["notice.hotline"] = notice.hotline
            facts["notice.entry"] = notice.entry
            facts["application.start"] = Instant.chinese(notice.application.start)
            facts["application.end"] = Instant.chinese(notice.application.end)
            if let review = notice.review {
                facts["review.start"] = Instant.chinese(review.start)
                facts["review.end"] = Instant.chinese(review.end)
            }
        }
        for session in book.sessions {
            for threshold in session.thresholds {
                facts["threshold.\(session.exam).\(session.id).\(threshold.level.rawValue)"] = Score.text(threshold.score)
            }
        }
        for source in book.sources { facts["source.\(source.id)"] = source.readerName }
        for exam in book.exams {
            facts["national.\(exam.id).pass"] = Score.text(exam.passMark)
            facts["national.\(exam.id).full"] = Score.text(exam.fullMarks)
            if let site = exam.website {
                facts["website.\(exam.id).name"] = site.name
                facts["website.\(exam.id).url"] = site.url
            }
        }
        return facts
    }

    /// A `{{ key }}` reference found in a line: its range and the key.
    struct Reference {
        var range: Range<Substring.Index>
        var key: String
    }

    /// The first `{{key}}` in `text` (spaces allowed inside the braces; a key is ASCII letters, digits,
    /// `_`, `.` and `-`). A byte scan, not a regex: this runs over every FAQ answer at every load.
    static func firstReference(in text: Substring) -> Reference? {
        var search = text.startIndex
        while let open = text[search...].range(of: "{{") {
            guard let close = text[open.upperBound...].range(of: "}}") else { return nil }
            let inner = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            let isKey =
                !inner.isEmpty
                && inner.utf8.allSatisfy { b in
                    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2E || b == 0x2D
                }
            if isKey { return Reference(range: open.lowerBound..<close.upperBound, key: inner) }
            search = open.upperBound
        }
        return nil
    }

    /// Fills every reference; an unknown key is an error at its line.
    static func resolve(_ content: LoadedContent, log: DiagnosticLog) -> RuleBook {
        var book = content.book
        var resolved: [ContentKey: String] = [:]
        for template in content.templates {
            guard template.text.contains("{{") else {
                resolved[template.owner] = template.text
                continue
            }
            var output = ""
            for (offset, line) in template.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if offset > 0 { output += "\n" }
                var rest = Substring(line)
                while let m = firstReference(in: rest) {
                    output += rest[rest.startIndex..<m.range.lowerBound]
                    if let value = book.facts[m.key] {
                        output += MarkdownText.escaped(value)
                    } else {
                        let column = line.distance(from: line.startIndex, to: m.range.lowerBound) + 1
                        let hint = Suggest.closest(to: m.key, in: book.facts.keys).map { "(是不是 '{{\($0)}}'?)" } ?? ""
                        log.error(
                            template.path, (template.bodyStartLine + offset, column),
                            "不认识的引用 '{{\(m.key.shown)}}'\(hint):能引用的数据见 docs/content-format.md 的 Fact references 一节")
                        output += rest[m.range]
                    }
                    rest = rest[m.range.upperBound...]
                }
                output += rest
            }
            resolved[template.owner] = output
        }
        for i in book.faq.indices { book.faq[i].answer = resolved[.faq(book.faq[i].id)] ?? book.faq[i].answer }
        for i in book.areas.indices { book.areas[i].notes = resolved[.area(book.areas[i].id)] ?? book.areas[i].notes }
        for i in book.exams.indices { book.exams[i].notes = resolved[.exam(book.exams[i].id)] ?? book.exams[i].notes }
        return book
    }
}

/// Text put into Markdown so that it reads as itself: a fact is data, never markup. `&amp;` in a title
/// stays `&amp;` on the page, `<b>` shows as `<b>` (not dropped as raw HTML, never run), `*` and `_`
/// stay stars and underscores. Backslash escapes are CommonMark's own and work in link destinations
/// too, so `[官网]({{website.ruankao.url}})` still links.
enum MarkdownText {
    /// Characters with a meaning anywhere in a line.
    private static let inline: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "!", "~", "|"]
    /// Characters with a meaning at the start of a line (headings, lists, quotes, setext underlines).
    private static let lineStartMarks: Set<Character> = ["#", "-", "+", "=", ">"]

    static func escaped(_ text: String) -> String {
        guard text.contains(where: { inline.contains($0) || lineStartMarks.contains($0) || $0 == "." || $0 == ")" }) else { return text }
        let characters = Array(text)
        var out = ""
        var lineStart = 0
        for (index, character) in characters.enumerated() {
            let atLineStart = index == lineStart
            if inline.contains(character) || (atLineStart && lineStartMarks.contains(character)) {
                out.append("\\")
            } else if character == "." || character == ")", index > lineStart, index - lineStart <= 9,
                characters[lineStart..<index].allSatisfy({ $0.isASCII && $0.isNumber }),
                index + 1 == characters.count || characters[index + 1] == " " || characters[index + 1] == "\n"
            {
                // `1.` or `1)` then a space, at a line's start, would open an ordered list.
                out.append("\\")
            }
            out.append(character)
            if character == "\n" { lineStart = index + 1 }
        }
        return out
    }
}
