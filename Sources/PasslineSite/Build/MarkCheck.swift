import Foundation
import PasslineCore

/// A fact that rests on a medium or weak source is never shown without its mark: on every zh-Hans
/// page (the zh-Hant pages are those pages converted, `TraditionalPageTests`) each sentence that
/// states it must carry the reader's word for its confidence (messages.md `confidence.*`). Today the
/// facts so sourced are exams' full marks with `full_marks_sources` (通信's 满分100分). The sources
/// page is not read: each of its entries is a source, shown with its own level.
enum MarkCheck {
    /// One problem per sentence that shows such a fact without its mark, naming the page.
    static func problems(book: RuleBook, files: SiteFiles) -> [String] {
        var problems: [String] = []
        for exam in book.exams {
            guard let confidence = book.fullMarksConfidence(exam), confidence != .strong else { continue }
            guard let word = book.confidenceWord(confidence) else {
                problems.append(
                    "Content/messages.md:在 messages 里加上 'confidence.\(confidence.rawValue)':读者看到的可靠程度说法,要写在\(exam.shortName)的满分旁边"
                )
                continue
            }
            let full = Score.text(exam.fullMarks)
            let fact = "满分\(full)分"
            let lead = Array(String(fact.prefix(1)).utf8)
            for path in files.paths
            where path.hasSuffix(".html") && !path.hasPrefix(ScriptVariant.traditional.folder) && path != "sources.html" {
                guard let data = files[path] else { continue }
                // `text(of:)` removes tags and spaces and adds sentence ends, but never makes a
                // character: a page without the fact's first character cannot state it. Most pages
                // (every notice of a large archive) are then passed with one byte scan instead of
                // three regular expressions, which took most of a 10,000-notice build.
                let mayState = data.withUnsafeBytes { ByteScan.find(lead, in: $0.bindMemory(to: UInt8.self), from: 0) != nil }
                guard mayState else { continue }
                let html = String(decoding: data, as: UTF8.self)
                for sentence in sentences(stating: fact, in: text(of: html)) where !sentence.contains(word) {
                    problems.append(
                        "\(path):“\(sentence)”写了\(exam.shortName)的满分,但没有注明“\(word)”:这个满分的来源不够可靠,页面上必须带着这个说法(模板或 Content/exams 里的文字)")
                }
            }
        }
        return problems
    }

    /// The page's text: tags removed, spaces dropped (the pages write `满分 100 分`), block ends kept as
    /// sentence ends.
    static func text(of html: String) -> String {
        var text = html.replacing(#/<(/p|/td|/th|/caption|/li|br|/h[1-6]|/legend)[^>]*>/#, with: "。")
        text = text.replacing(#/<[^>]*>/#, with: "")
        return text.replacing(#/[ \u00A0]/#, with: "")
    }

    /// Each stretch from `fact` to the end of its sentence.
    static func sentences(stating fact: String, in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let hit = rest.range(of: fact) {
            let end = rest[hit.upperBound...].firstIndex { "。\n".contains($0) } ?? rest.endIndex
            found.append(String(rest[hit.lowerBound..<end]))
            rest = rest[hit.upperBound...]
        }
        return found
    }
}

extension BuildStep {
    /// Fails the build when a medium- or weak-sourced fact is rendered without its mark (`MarkCheck`).
    public static let checkMarks = BuildStep("check marks") { context in
        let book = try context.requireBook()
        let problems = MarkCheck.problems(book: book, files: context.files)
        guard problems.isEmpty else { throw StepProblem(problems) }
    }
}
