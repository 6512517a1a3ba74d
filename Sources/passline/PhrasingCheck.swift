import Foundation
import PasslineCore
import PasslineInquiry

/// The warning of `passline check` for a phrasing of Content/inquiry that matches two intents (issue 10
/// item 8): the bot would take the question for another intent's, so the phrasing teaches it the wrong
/// thing. Said in Chinese at the phrasing's file and line, naming both intents by what they answer.
struct PhrasingCheck {
    let book: RuleBook
    let content: String

    func warnings() -> [String] {
        let found = InquiryBot(book: book).ambiguousPhrasings
        guard !found.isEmpty else { return [] }
        let files = inquiryFiles()
        return found.map { item in
            let place = location(of: item, in: files).map { "\($0.path):\($0.line):\($0.column): " } ?? ""
            let others = item.others.map { "「\(about($0))」" }.joined(separator: "、")
            return "\(place)warning: 说法“\(item.phrasing)”写在「\(about(item.intent))」下,机器人却会把它当成\(others)的问题:"
                + "改写这句说法,或改 patterns,让一句话只对应一个意图"
        }
    }

    /// What an intent answers, as its `about` begins (editors know intents by what they answer).
    func about(_ id: String) -> String {
        guard let about = book.inquiry?.intent(id)?.about else { return id }
        return String(about.prefix { !"(,、;:(".contains($0) })
    }

    /// The files of Content/inquiry with their lines.
    func inquiryFiles() -> [(path: String, lines: [String])] {
        let folder = URL(fileURLWithPath: content).appendingPathComponent("inquiry")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".md") }.sorted() ?? []
        return names.compactMap { name in
            let url = folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
            return (url.path, text.components(separatedBy: "\n"))
        }
    }

    /// The line of the phrasing in its intent's entry: the first `"phrasing"` after `- id: <intent>`.
    func location(of item: PhrasingAmbiguity, in files: [(path: String, lines: [String])]) -> SourceLocation? {
        let quoted = "\"\(item.phrasing)\""
        for file in files {
            guard let start = file.lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "- id: \(item.intent)" }) else {
                continue
            }
            for index in start..<file.lines.count {
                guard let range = file.lines[index].range(of: quoted) else { continue }
                let column = file.lines[index].distance(from: file.lines[index].startIndex, to: range.lowerBound) + 1
                return SourceLocation(path: file.path, line: index + 1, column: column)
            }
        }
        return nil
    }
}
