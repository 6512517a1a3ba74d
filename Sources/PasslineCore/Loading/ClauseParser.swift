import Markdown

/// Finds a notice's numbered clauses by walking cmark's block tree.
///
/// The notice numbers its clauses the way Chinese official documents do: `一、` for sections, `(一)`
/// for items, `1.` for sub-items. A block whose text starts with such a number opens a clause;
/// other blocks belong to the clause before them. Text before the first number is `序`, and a
/// thematic break (`* * *`) closes the numbered part: what follows is `结语`.
enum ClauseParser {
    struct Found {
        var clause: Clause
        /// Line of the clause's first block within the body.
        var line: Int
    }

    /// A block that opens like a clause but whose number cannot be one (`一一一…一、`).
    struct Problem {
        var line: Int
        var number: String
    }

    /// The highest number a clause may have at any level: notices count to a dozen or so, and a
    /// number that cannot be counted (a run of a thousand 一) must not become one.
    static let highest = 99

    static func clauses(in document: MarkdownDocument) -> [Found] { parse(document).found }

    static func parse(_ document: MarkdownDocument) -> (found: [Found], problems: [Problem]) {
        var found: [Found] = []
        var problems: [Problem] = []
        var section: (name: String, number: Int)?
        var item: (name: String, number: Int)?
        var closing = false

        // A block's plain text is built by walking its inline nodes: once per block, shared by both uses.
        func open(id: String, anchor: String, depth: Int, block: MarkdownNode, plain: String) {
            let text = plain.trimmingWhitespace
            found.append(Found(clause: Clause(id: id, anchor: anchor, depth: depth, text: text, html: block.html ?? ""), line: block.line))
        }
        func append(_ block: MarkdownNode, plain: String) {
            let text = plain.trimmingWhitespace
            found[found.count - 1].clause.text += (text.isEmpty ? "" : "\n" + text)
            found[found.count - 1].clause.html += block.html ?? ""
        }

        for block in document.root.children {
            if case .thematicBreak = block.kind {
                closing = true
                continue
            }
            let plain = block.plainText
            let text = String(plain.trimmingSpaces)
            if closing {
                if found.last?.clause.id == "结语" {
                    append(block, plain: plain)
                } else {
                    open(id: "结语", anchor: "closing", depth: 0, block: block, plain: plain)
                }
                continue
            }
            let sectionNumber = ClauseNumber.section(text)
            let itemNumber = sectionNumber == nil ? ClauseNumber.item(text) : nil
            if let m = sectionNumber ?? itemNumber, ChineseNumeral.value(String(m)).map({ $0 > highest }) ?? true {
                problems.append(Problem(line: block.line, number: String(m)))
                if found.isEmpty {
                    open(id: "序", anchor: "preamble", depth: 0, block: block, plain: plain)
                } else {
                    append(block, plain: plain)
                }
            } else if let m = sectionNumber, let n = ChineseNumeral.value(String(m)) {
                section = (String(m), n)
                item = nil
                open(id: section!.name, anchor: "c\(n)", depth: 1, block: block, plain: plain)
            } else if let m = itemNumber, let n = ChineseNumeral.value(String(m)), let s = section {
                item = ("\(s.name)(\(m))", n)
                open(id: item!.name, anchor: "c\(s.number)-\(n)", depth: 2, block: block, plain: plain)
            } else if let n = ClauseNumber.sub(text), let s = section {
                let parent = item?.name ?? s.name
                let anchor = item.map { "c\(s.number)-\($0.number)-\(n)" } ?? "c\(s.number)-0-\(n)"
                open(id: "\(parent)\(n)", anchor: anchor, depth: 3, block: block, plain: plain)
            } else if found.isEmpty {
                open(id: "序", anchor: "preamble", depth: 0, block: block, plain: plain)
            } else {
                append(block, plain: plain)
            }
        }
        return (found, problems)
    }
}

/// Chinese numerals as written in clause numbers and by callers (`十二`, `二十`, `〇`).
public enum ChineseNumeral {
    /// The digit characters and their values, shared with the bot's normaliser.
    public static let digits: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9
    ]

    /// The unit characters and their values.
    public static let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000]

    /// The largest value read: digit strings longer than eight digits are not numbers anyone writes.
    public static let largest = 99_999_999

    /// The value of a numeral (`四十二` → 42, `一百` → 100, `二〇二三` → 2023); `nil` if it is not one, or
    /// if it is larger than `largest` (a run of a thousand 一 overflowed and crashed the check).
    public static func value(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 16 else { return nil }
        var total = 0
        var current = 0
        for ch in text {
            if let d = digits[ch] {
                current = current * 10 + d
            } else if let unit = units[ch] {
                total += (current == 0 ? 1 : current) * unit
                current = 0
            } else {
                return nil
            }
            guard total <= largest, current <= largest else { return nil }
        }
        // Digit strings such as 二〇二三 read digit by digit; 四十二 by its units.
        return total + current <= largest ? total + current : nil
    }
}
