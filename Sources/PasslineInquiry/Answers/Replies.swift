import Foundation
import PasslineCore

/// Fills the sentences of Content/inquiry (`replies`) and messages.md, and renders citations as a
/// reader sees them. A missing sentence yields its key, never a crash, and `ReplyCoverageTests`
/// checks every key the bot uses is in content.
struct Replies: Sendable {
    let book: RuleBook
    let replies: [String: String]

    init(book: RuleBook) {
        self.book = book
        replies = book.inquiry?.replies ?? [:]
    }

    func say(_ key: String, _ slots: [String: String] = [:]) -> String {
        fill(replies[key] ?? book.messages[key] ?? key, slots)
    }

    func has(_ key: String) -> Bool { replies[key] != nil || book.messages[key] != nil }

    /// `{slot}`s of a template replaced by their values in one pass (a value is never read as a slot);
    /// an unknown `{name}` stays as it is.
    func fill(_ template: String, _ slots: [String: String]) -> String {
        guard !slots.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = slots[String(rest[rest.index(after: open)..<close])] else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// `来源:2025年1月15日通知第一(一)条;常见问题“…”;《…》(可靠)`.
    func sourceLine(_ citations: [Citation]) -> String? {
        var parts: [String] = []
        var clausesByNotice: [(String, [String])] = []
        for citation in citations {
            switch citation {
            case let .notice(id, clause):
                if let i = clausesByNotice.firstIndex(where: { $0.0 == id }) {
                    if !clausesByNotice[i].1.contains(clause) { clausesByNotice[i].1.append(clause) }
                } else {
                    clausesByNotice.append((id, [clause]))
                }
            default: break
            }
        }
        for (id, clauses) in clausesByNotice {
            let notice = book.notice(id)
            let date = notice.flatMap { Instant.parseDay($0.date) }.map { Instant.chinese($0, withTime: false) } ?? id
            // Numbered clauses read "第二(一)、四条"; the unnumbered opening and closing read as parts.
            let numbered = clauses.filter { notice?.clause($0)?.depth != 0 }
            let unnumbered = clauses.filter { notice?.clause($0)?.depth == 0 }
            var cited: [String] = []
            if !numbered.isEmpty { cited.append(say("cite.notice", ["clauses": numbered.joined(separator: "、")])) }
            cited += unnumbered.map { say("cite.notice.part", ["part": $0]) }
            parts.append(date + cited.joined(separator: "、"))
        }
        for citation in citations {
            switch citation {
            case .notice: continue
            case let .faq(id):
                if let entry = book.faq.first(where: { $0.id == id }) { parts.append(say("cite.faq", ["question": entry.question])) }
            case let .source(id):
                if let source = book.source(id) {
                    parts.append(citeSource(source))
                }
            case let .area(id):
                if let area = book.areas.first(where: { $0.id == id }) {
                    for sourceID in area.sources where !citations.contains(.source(sourceID)) {
                        if let source = book.source(sourceID) {
                            parts.append(
                                citeSource(source))
                        }
                    }
                }
            }
        }
        var unique: [String] = []
        for part in parts where !unique.contains(part) { unique.append(part) }
        return unique.isEmpty ? nil : say("source-line", ["sources": unique.joined(separator: ";")])
    }

    /// `《…》(较可靠)`: the level in the words of messages.md (`confidence.*`), the site's vocabulary,
    /// taken from the model (`RuleBook.confidenceWord`) so the bot has no words of its own for it.
    func citeSource(_ source: Source) -> String {
        say("cite.source", ["title": source.title, "confidence": book.confidenceWord(source.confidence) ?? ""])
    }

    /// A FAQ citation (`notice:一(一)`, `source:id`) as a `Citation` of the current notice.
    func citation(fromFAQ cite: String) -> Citation? {
        if cite.hasPrefix("notice:"), let notice = book.currentNotice { return .notice(id: notice.id, clause: String(cite.dropFirst(7))) }
        if cite.hasPrefix("source:") { return .source(String(cite.dropFirst(7))) }
        return nil
    }

    /// Markdown as plain text for a terminal: emphasis removed, list items as `· `.
    static func plain(_ markdown: String) -> String {
        var lines: [String] = []
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("- ") || line.hasPrefix("* ") { line = "· " + line.dropFirst(2) }
            if line.hasPrefix("#") { line = String(line.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces) }
            line = line.replacingOccurrences(of: "**", with: "")
            if !line.isEmpty { lines.append(line) }
        }
        return lines.joined(separator: "\n")
    }

    /// Two decimals at most, no trailing zeros: `40`, `42.5`.
    static func score(_ value: Double) -> String { Score.text(value) }
}
