import Foundation
import Yams

/// A `待填` left in a content file: where it is and what goes there, so `passline new` and
/// `passline import` can end by listing every one, file by file.
///
/// Found by reading the files themselves, not the checker's messages: the list is the same whatever
/// else is wrong with the content, and whatever language the checker speaks.
public struct Blank: Sendable, Hashable, Comparable {
    /// The file as the editor named it, e.g. `Content/notices/2025-09-01.md`.
    public var path: String
    public var line: Int
    public var column: Int
    /// The key it stands for (`application.start`, `thresholds.senior`), or `正文` for the text below
    /// the front matter.
    public var key: String
    /// What goes there, in Chinese.
    public var hint: String

    public static func < (a: Blank, b: Blank) -> Bool { (a.path, a.line, a.column) < (b.path, b.line, b.column) }
}

public enum Blanks {
    /// Every `待填` in the Markdown files under `directory` (hidden folders skipped), sorted by file and
    /// line. `displayRoot` is how the directory appears in paths.
    public static func find(inDirectory directory: String, displayRoot: String? = nil) -> [Blank] {
        let root = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let shown = displayRoot ?? (directory.hasSuffix("/") ? String(directory.dropLast()) : directory)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        let marker = Data(Scaffold.placeholder.utf8)
        var found: [Blank] = []
        for case let url as URL in enumerator where url.pathExtension == "md" {
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(root.path + "/") ? String(full.dropFirst(root.path.count + 1)) : url.lastPathComponent
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                let data = try? Data(contentsOf: url), data.range(of: marker) != nil,
                let text = String(data: data, encoding: .utf8)
            else { continue }
            let folder = relative.split(separator: "/").dropLast().joined(separator: "/")
            found += find(in: text, path: shown + "/" + relative, folder: folder)
        }
        return found.sorted()
    }

    /// Every `待填` in one file's text.
    public static func find(in text: String, path: String, folder: String = "") -> [Blank] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        guard case let .success(file) = ContentFile.parse(text, displayPath: path) else {
            return textual(lines, path: path, from: 0)
        }
        var found: [Blank] = []
        var keys: [String] = []
        visit(file.frontMatter, keys: &keys) { key, node in
            let (line, column) = Fields.location(of: node)
            let text = line <= lines.count ? lines[line - 1] : ""
            let first =
                text.range(of: Scaffold.placeholder).map { text.distance(from: text.startIndex, to: $0.lowerBound) + 1 == column } ?? true
            found.append(Blank(path: path, line: line, column: column, key: key, hint: hint(key: key, line: text, firstOnLine: first)))
        }
        let bodyHint = ["notices": "通知原文,逐字照录(摘要通知则写摘要,并说明是摘要)", "faq": "答案"][folder] ?? "正文"
        for (offset, line) in lines.enumerated() where offset + 1 >= file.bodyStartLine {
            guard let range = line.range(of: Scaffold.placeholder) else { continue }
            found.append(
                Blank(
                    path: path, line: offset + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1, key: "正文",
                    hint: bodyHint))
        }
        return found
    }

    /// The list `passline new` and `passline import` end with, grouped by file; empty when none is left.
    public static func report(_ blanks: [Blank]) -> String {
        guard !blanks.isEmpty else { return "" }
        var out = ["还有 \(blanks.count) 处\(Scaffold.placeholder),按文件列出(每处写的是位置、键和该填什么):"]
        var current: String?
        for blank in blanks.sorted() {
            if blank.path != current {
                current = blank.path
                out.append("\(blank.path)(\(blanks.filter { $0.path == blank.path }.count) 处)")
            }
            out.append("  \(blank.path):\(blank.line):\(blank.column)  \(blank.key):\(blank.hint)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func visit(_ node: Node, keys: inout [String], _ found: (String, Node) -> Void) {
        switch node {
        case let .mapping(mapping):
            for (key, value) in mapping {
                keys.append(key.string ?? "?")
                visit(value, keys: &keys, found)
                keys.removeLast()
            }
        case let .sequence(sequence):
            for item in sequence { visit(item, keys: &keys, found) }
        case let .scalar(scalar):
            if scalar.string.contains(Scaffold.placeholder) { found(keys.joined(separator: "."), node) }
        default:
            return
        }
    }

    /// When the front matter does not parse: each marker with the key written before it on its line.
    private static func textual(_ lines: [String], path: String, from start: Int) -> [Blank] {
        var found: [Blank] = []
        for (offset, line) in lines.enumerated() where offset >= start {
            var rest = line[...]
            while let range = rest.range(of: Scaffold.placeholder) {
                let before = line[..<range.lowerBound]
                let key =
                    before.split(whereSeparator: { " {,[-".contains($0) }).last.map { String($0.drop { $0 == " " }) }?.replacingOccurrences(
                        of: ":", with: "") ?? ""
                found.append(
                    Blank(
                        path: path, line: offset + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1,
                        key: key.isEmpty ? "?" : key, hint: hint(key: key, line: line)))
                rest = line[range.upperBound...]
            }
        }
        return found
    }

    /// What goes in `key`: the comment on its line when it is written in Chinese (an import's comments
    /// say exactly what is missing), else what such a key takes, else the comment as written.
    static func hint(key: String, line: String, firstOnLine: Bool = true) -> String {
        let comment = line.range(of: " # ").map { String(line[$0.upperBound...]).trimmingCharacters(in: .whitespaces) }
        let chinese = comment.flatMap { $0.unicodeScalars.contains(where: { $0.properties.isIdeographic }) ? $0 : nil }
        let last = key.split(separator: ".").last.map(String.init) ?? key
        let known = hints[key] ?? hints[last]
        // A line with one blank: its comment says what goes there. Several blanks on one line
        // ({start: 待填, end: 待填, clause: 待填}): each key's own hint, the first also with the line's comment.
        let blanksOnLine = line.components(separatedBy: Scaffold.placeholder).count - 1
        if blanksOnLine > 1, let known { return firstOnLine ? chinese.map { known + "(这一行:" + $0 + ")" } ?? known : known }
        return chinese ?? known ?? comment ?? "见这一行的注释"
    }

    static let hints: [String: String] = [
        "start": "北京时间,精确到分钟,如 2025-01-22T09:00+08:00",
        "end": "北京时间,精确到分钟,如 2025-02-28T17:00+08:00",
        "clause": "写明它的条款编号,如 一(一)",
        "exam": "ruankao(软考)或 tongxin(通信)",
        "session": "场次,如 2024-H2(软考)或 \"2024\"(通信)",
        "junior": "通知写的初级合格标准(数字)",
        "intermediate": "通知写的中级合格标准(数字)",
        "senior": "通知写的高级合格标准(数字)",
        "sources": "sources.md 里的 id(先在 sources.md 加上这一项)",
        "legal_basis": "通知所依据文件在 sources.md 里的 id",
        "cites": "答案的出处:notice:条款编号(如 notice:一(一))或 source:sources.md 里的 id",
        "title": "通知的标题,照原文",
        "issuer": "落款的发文机关,如 工业和信息化部教育与考试中心",
        "date": "落款日期,如 2025-01-15",
        "addressee": "正文前的主送机关一行(不带冒号);通知没有就删掉这一行",
        "source_url": "通知原文所在网页的地址",
        "hotline": "通知给的咨询电话",
        "entry": "考试网站上入口的名称,如 单独划线补申领",
        "label": "场次名称,照通知写,如 2024年下半年 或 2024年度",
        "question": "考生会怎么问这个问题",
        "roles.scope": "说明涵盖哪些场次的条款编号,如 序(正文开头一段)",
        "roles.local": "在单独划线地区报考人员的申领条件的条款编号,如 二(一)",
        "roles.relocated": "在其他地区报考、到单独划线地区工作人员的申领条件的条款编号,如 二(二)",
        "roles.procedure": "申领方式的条款编号,如 四",
        "roles.penalties": "违纪违规处理的条款编号,如 五",
        "roles.hotline": "给出咨询电话的条款编号,如 结语"
    ]
}
