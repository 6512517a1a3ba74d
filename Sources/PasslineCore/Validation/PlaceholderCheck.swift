import Foundation
import Yams

/// Finds the `待填` markers a scaffold (`passline new`) leaves, and says what to fill in each.
///
/// One message per marker, naming the key: the other errors the marker causes downstream ("'待填' is
/// not a number", "unknown exam '待填'") repeat it less helpfully, so `collapse` drops them.
enum PlaceholderCheck {
    static let marker = Scaffold.placeholder
    /// Every placeholder message contains this, so `collapse` can recognise them.
    static let tag = "还是\(Scaffold.placeholder)"

    static func scan(_ file: ContentFile, folder: String, log: DiagnosticLog) {
        var path: [String] = []
        visit(file.frontMatter, path: &path, file: file, log: log)
        guard PlainText.contains(file.body, marker) else { return }
        for (offset, line) in file.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: marker) else { continue }
            let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
            let what = ["notices": "通知原文(摘要则写你的摘要)", "faq": "答案"][folder] ?? "你的文字"
            log.error(file.path, (file.bodyStartLine + offset, column), "文件头下面的正文\(tag):把这一行换成\(what)")
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
            log.error(file.path, location, "'\(name)' \(tag):填上\(hint(for: path.last ?? ""))")
        default:
            return
        }
    }

    /// What kind of value a key takes, for the message.
    private static func hint(for key: String) -> String {
        switch key {
        case "start", "end": "北京时间,精确到分钟,如 2025-01-22T09:00+08:00"
        case "clause": "正文里写这件事的条款编号,如 一(一)"
        case "exam": "考试 id:ruankao 或 tongxin"
        case "session": "场次,如 2024-H2(软考)或 \"2024\"(通信)"
        case "junior", "intermediate", "senior": "通知给这个级别的合格标准,一个数"
        case "sources", "legal_basis": "sources.md 里定义的来源 id"
        case "cites": "答案的出处:notice:条款 或 source:sources.md 里的 id"
        default: "这一行注释说的内容"
        }
    }

    /// Keeps one message per marker: drops the errors that only repeat a placeholder as a bad value.
    static func collapse(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.message.contains(tag) || !$0.message.contains("'\(marker)") }
    }
}
