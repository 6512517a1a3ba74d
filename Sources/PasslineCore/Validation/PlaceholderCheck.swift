import Foundation
import Yams

/// Finds the `待填` markers a scaffold (`passline new`) leaves, and says what to fill in each.
///
/// One message per marker, naming the key: the other errors the marker causes downstream ("'待填' is
/// not a number", "unknown exam '待填'") repeat it less helpfully, so `collapse` drops them.
enum PlaceholderCheck {
    static let marker = Scaffold.placeholder
    /// Every placeholder message contains this, so `collapse` can recognise them.
    static let tag = "is still \(Scaffold.placeholder)"

    static func scan(_ file: ContentFile, folder: String, log: DiagnosticLog) {
        var path: [String] = []
        visit(file.frontMatter, path: &path, file: file, log: log)
        guard PlainText.contains(file.body, marker) else { return }
        for (offset, line) in file.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: marker) else { continue }
            let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
            let what = ["notices": "the notice's text (or, for a summary, your summary)", "faq": "the answer"][folder] ?? "your text"
            log.error(file.path, (file.bodyStartLine + offset, column), "the text below the front matter \(tag): replace this line with \(what)")
        }
    }

    /// `path` is the keys leading to `node`, grown and shrunk in place: building a new array for every
    /// value of every file was most of this check's time.
    private static func visit(_ node: Node, path: inout [String], file: ContentFile, log: DiagnosticLog) {
        switch node {
        case let .mapping(mapping):
            for (key, value) in mapping {
                path.append(key.string ?? "?")
                visit(value, path: &path, file: file, log: log)
                path.removeLast()
            }
        case let .sequence(sequence):
            for item in sequence { visit(item, path: &path, file: file, log: log) }
        case let .scalar(scalar):
            guard PlainText.contains(scalar.string, marker) else { return }
            let name = path.joined(separator: ".")
            let location = Fields.location(of: node)
            log.error(file.path, location, "'\(name)' \(tag): fill in \(hint(for: path.last ?? ""))")
        default:
            return
        }
    }

    /// What kind of value a key takes, for the message.
    private static func hint(for key: String) -> String {
        switch key {
        case "start", "end": "a Beijing time to the minute, like 2025-01-22T09:00+08:00"
        case "clause": "the number of the clause of the text below that states it, like 一(一)"
        case "exam": "ruankao or tongxin"
        case "session": "the session, like 2024-H2 (软考) or \"2024\" (通信)"
        case "junior", "intermediate", "senior": "the threshold the notice states for this level, a number"
        case "sources", "legal_basis": "an id defined in sources.md"
        case "cites": "where the answer comes from: notice:<clause> or source:<id from sources.md>"
        default: "what the comment on this line says"
        }
    }

    /// Keeps one message per marker: drops the errors that only repeat a placeholder as a bad value.
    static func collapse(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.message.contains(tag) || !$0.message.contains("'\(marker)") }
    }
}
