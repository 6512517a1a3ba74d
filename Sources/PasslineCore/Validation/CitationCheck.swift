/// Sources cited inside prose (FAQ answers, area and exam notes) are cited by reference,
/// `{{source.hrss-2022-25}}`, which reads as the source's name (`name:` or `title:` in sources.md), and
/// a sentence that cites a medium or weak source carries the reader's word for that level
/// (messages.md `confidence.*`).
///
/// Two ways a page or an answer could mislead without this: an id such as `bangfu-counties` written
/// into the text reaches candidates as a code they cannot read; and a fact resting on a weak source,
/// written without its mark, looks as strong as the notice itself. Both are caught here, at load, so
/// the site, rules.json and the bot (which all read the resolved text) are covered by one check.
enum CitationCheck {
    /// Ends of a sentence: a mark written anywhere between two of these covers the sentence's citations.
    private static let sentenceEnds: Set<Character> = ["。", "!", "?", "！", "？"]

    static func run(_ content: LoadedContent, log: DiagnosticLog) {
        let book = content.book
        let ids = Set(book.sources.map(\.id))
        guard !ids.isEmpty else { return }
        for template in content.templates {
            for (offset, line) in template.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let lineNumber = template.bodyStartLine + offset
                checkBareIDs(in: line, ids: ids, path: template.path, line: lineNumber, book: book, log: log)
                checkMarks(in: line, path: template.path, line: lineNumber, book: book, log: log)
            }
        }
    }

    /// A source id written as text instead of a reference.
    private static func checkBareIDs(
        in line: Substring, ids: Set<String>, path: String, line number: Int, book: RuleBook, log: DiagnosticLog
    ) {
        guard line.utf8.contains(where: { $0 == 0x2D }) else { return } // every id has a hyphen
        var text = String(line)
        // Blank out references (keeping columns) so `{{source.x}}` itself is not a bare id.
        var search = text.startIndex
        while let reference = FactTable.firstReference(in: text[search...]) {
            let blank = String(repeating: " ", count: text.distance(from: reference.range.lowerBound, to: reference.range.upperBound))
            let start = text.distance(from: text.startIndex, to: reference.range.lowerBound)
            text.replaceSubrange(reference.range, with: blank)
            search = text.index(text.startIndex, offsetBy: start + blank.count)
        }
        for token in tokens(in: text) where ids.contains(token.word) {
            let name = book.source(token.word)?.readerName ?? token.word
            log.error(
                path, (number, token.column),
                "正文里写了来源编号 '\(token.word)',读者看不懂这个编号:改成 {{source.\(token.word)}},页面和回答里会显示为“\(name)”")
        }
    }

    /// A sentence that cites a medium or weak source without the reader's word for it.
    private static func checkMarks(in line: Substring, path: String, line number: Int, book: RuleBook, log: DiagnosticLog) {
        guard line.contains("{{") else { return }
        for sentence in sentences(of: line) {
            var cited: [(id: String, column: Int)] = []
            var rest = sentence.text
            while let reference = FactTable.firstReference(in: rest) {
                if reference.key.hasPrefix("source.") {
                    let column = sentence.column + sentence.text.distance(from: sentence.text.startIndex, to: reference.range.lowerBound)
                    cited.append((String(reference.key.dropFirst("source.".count)), column))
                }
                rest = rest[reference.range.upperBound...]
            }
            guard let weakest = book.weakestConfidence(cited.map(\.id)), weakest != .strong else { continue }
            guard let word = book.confidenceWord(weakest) else { continue } // messages.md's own check names the missing word
            guard !sentence.text.contains(word) else { continue }
            let first = cited.first { book.source($0.id)?.confidence == weakest } ?? cited[0]
            let name = book.source(first.id)?.readerName ?? first.id
            log.error(
                path, (number, first.column),
                "这句话引用的“\(name)”可靠程度是“\(word)”,但句子里没有写明:在这句话里注明(\(word)),读者才知道这件事的依据有多可靠")
        }
    }

    /// The line's sentences with the column (1-based, in characters) each starts at.
    private static func sentences(of line: Substring) -> [(text: Substring, column: Int)] {
        var result: [(Substring, Int)] = []
        var start = line.startIndex, column = 1, index = line.startIndex, position = 1
        while index < line.endIndex {
            let next = line.index(after: index)
            if sentenceEnds.contains(line[index]) {
                result.append((line[start..<next], column))
                start = next
                column = position + 1
            }
            index = next
            position += 1
        }
        if start < line.endIndex { result.append((line[start...], column)) }
        return result
    }

    /// Runs of id characters (ASCII letters, digits, `-`, `_`, `.`) with their 1-based columns.
    private static func tokens(in text: String) -> [(word: String, column: Int)] {
        var result: [(String, Int)] = []
        var current = "", start = 0, column = 0
        func isIDCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".") }
        for character in text {
            column += 1
            if isIDCharacter(character) {
                if current.isEmpty { start = column }
                current.append(character)
            } else if !current.isEmpty {
                result.append((current.trimmingTrailingDots(), start))
                current = ""
            }
        }
        if !current.isEmpty { result.append((current.trimmingTrailingDots(), start)) }
        return result
    }
}

extension String {
    /// `bangfu-counties.` at a sentence's end is still the id.
    fileprivate func trimmingTrailingDots() -> String {
        var s = self
        while s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
