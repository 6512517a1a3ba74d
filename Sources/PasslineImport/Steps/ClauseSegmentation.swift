/// Steps 5 and 6: the text between addressee and signature as numbered clauses, written in Markdown the
/// way `docs/content-format.md` reads them back.
///
/// One line is one paragraph. `一、…` becomes a `##` heading; `(一)…` a `###` heading when it is a title
/// (no sentence punctuation) over `1.` items, else a paragraph; `1.…` a paragraph. Text before the first
/// `一、` is `序`. The closing sentences between the last clause and the signature (ones saying 如有…问题 or
/// giving a phone number, but never the only text under a heading) go after `* * *`, as `结语`. Clause ids
/// are built as the loader builds them (`三(一)4`), so the extracted facts can cite them.
public struct SegmentedNotice: Sendable, Hashable {
    public struct Clause: Sendable, Hashable {
        /// The citation form: `序`, `一`, `一(一)`, `三(一)4`, `结语`.
        public var id: String
        /// 0 for `序` and `结语`, 1 for `一、`, 2 for `(一)`, 3 for `1.`.
        public var depth: Int
        /// The clause's own lines (not its sub-clauses'), as in the notice.
        public var lines: [String]
        /// The id of the top-level clause it belongs to (itself for `一`; `序`, `结语` for those).
        public var section: String
        public var text: String { lines.joined(separator: "\n") }
    }

    public var clauses: [Clause]
    /// The notice's body as Markdown, ending in a newline.
    public var markdown: String
    /// Item numbers written in full-width digits (`１．`), rewritten in ASCII (`1.`): the loader reads
    /// only those as clause numbers.
    public var renumbered: [String] = []

    public func clause(_ id: String) -> Clause? { clauses.first { $0.id == id } }

    public static func segment(_ original: [String], phrasing: Phrasing) -> SegmentedNotice {
        var lines = original
        var renumbered: [String] = []
        if let first = lines.firstIndex(where: { NoticeGrammar.section($0) != nil }) {
            for i in lines.indices where i > first && NoticeGrammar.sub(lines[i]) != nil {
                let digits = lines[i].prefix { NoticeGrammar.digit($0) != nil }
                guard !digits.allSatisfy(\.isASCII) else { continue }
                renumbered.append(String(lines[i].prefix(digits.count + 1)))
                lines[i] = digits.map { String(NoticeGrammar.digit($0)!) }.joined() + lines[i].dropFirst(digits.count)
            }
        }
        enum Kind {
            case section(String), item(String), sub(Int), plain
            var isSection: Bool { if case .section = self { return true }; return false }
        }
        let kinds: [Kind] = lines.map { line in
            if let (numeral, _) = NoticeGrammar.section(line) { return .section(numeral) }
            if let (numeral, _) = NoticeGrammar.item(line) { return .item(numeral) }
            if let n = NoticeGrammar.sub(line) { return .sub(n) }
            return .plain
        }
        func isSub(_ i: Int) -> Bool { if i < kinds.count, case .sub = kinds[i] { return true }; return false }
        func isPlain(_ i: Int) -> Bool { if case .plain = kinds[i] { return true }; return false }
        let firstSection = kinds.firstIndex {
            if case .section = $0 { return true }; return false
        }
        // An item is a heading when it is a title over numbered items.
        let headings: Set<Int> = Set(
            lines.indices.filter { i in
                switch kinds[i] {
                case .section: return true
                case .item: return !NoticeGrammar.hasSentencePunctuation(lines[i]) && isSub(i + 1) && firstSection.map { $0 < i } == true
                default: return false
                }
            })
        // The closing: trailing plain lines that read like one, after the numbered part.
        var closing = lines.count
        if let first = firstSection {
            while closing - 1 > first, isPlain(closing - 1), isClosing(lines[closing - 1], phrasing), !headings.contains(closing - 2) {
                closing -= 1
            }
        }

        var clauses: [Clause] = []
        var blocks: [String] = []
        var section: String?
        var item: String?
        func open(_ id: String, _ depth: Int, _ line: String) {
            clauses.append(Clause(id: id, depth: depth, lines: [line], section: section ?? id))
        }
        for (i, line) in lines.enumerated() {
            if i == closing {
                blocks.append("* * *")
                section = nil
            }
            if i >= closing {
                if clauses.last?.id == "结语" { clauses[clauses.count - 1].lines.append(line) } else { open("结语", 0, line) }
                blocks.append(MarkdownText.paragraph(line))
                continue
            }
            switch kinds[i] {
            case let .section(numeral):
                section = numeral
                item = nil
                open(numeral, 1, line)
            case let .item(numeral) where section != nil:
                item = "\(section!)(\(numeral))"
                open(item!, 2, line)
            case let .sub(n) where section != nil:
                open("\(item ?? section!)\(n)", 3, line)
            default:
                if clauses.isEmpty { open("序", 0, line) } else { clauses[clauses.count - 1].lines.append(line) }
            }
            if headings.contains(i) {
                blocks.append((kinds[i].isSection ? "## " : "### ") + MarkdownText.inline(line))
            } else {
                blocks.append(MarkdownText.paragraph(line))
            }
        }
        return SegmentedNotice(
            clauses: clauses, markdown: blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n", renumbered: renumbered)
    }

    static func isClosing(_ line: String, _ phrasing: Phrasing) -> Bool {
        phrasing.closing.contains { line.contains($0) } || !PhoneNumbers.find(in: line).isEmpty
    }
}

/// Text as Markdown that cmark reads back as the same text: characters cmark would take as markup are
/// escaped, and a line that would open a list, quote, heading or rule is escaped at its start.
enum MarkdownText {
    static let inlineSpecials: Set<Character> = ["\\", "*", "_", "`", "[", "]", "<", "&"]

    static func inline(_ text: String) -> String {
        var out = ""
        for c in text {
            if inlineSpecials.contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    static func paragraph(_ text: String) -> String {
        var escaped = inline(text)
        if let first = escaped.first, "#>-+=~|".contains(first) { escaped.insert("\\", at: escaped.startIndex) }
        // `1. text` or `1) text` would open an ordered list.
        let digits = escaped.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = escaped.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true {
                escaped.insert("\\", at: escaped.index(escaped.startIndex, offsetBy: digits.count))
            }
        }
        return escaped
    }
}
