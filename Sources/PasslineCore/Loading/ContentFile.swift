import Foundation
import Yams

/// A content file split into its YAML front matter (as a Yams node tree with positions) and its
/// Markdown body, with line numbers kept relative to the whole file.
struct ContentFile {
    let path: String
    let frontMatter: Node
    let body: String
    /// The file line on which the body starts (1-based); one past the last line when the file ends
    /// with the closing `---`.
    let bodyStartLine: Int
    /// The file's last line: where a problem with an empty body is shown.
    var lastLine: Int = 1

    /// The line at which the body is, or would be, written: never past the end of the file.
    var bodyLine: Int { min(bodyStartLine, lastLine) }

    /// Reads and splits a file; every problem is reported as a diagnostic with its line. Only a
    /// regular file of at most `ContentLimits.fileBytes` is read: a FIFO would block the loader, a
    /// device or a 50 MB file would exhaust it.
    static func read(_ url: URL, displayPath: String) -> Result<ContentFile, Diagnostic> {
        switch FileKind.of(url.path) {
        case let .regular(size):
            if size > ContentLimits.fileBytes { return .failure(tooLarge(size, displayPath)) }
        case .missing:
            return .failure(Diagnostic(displayPath, line: 1, "读不出这个文件:检查它是否还在、是否有读取权限"))
        case .directory:
            return .failure(Diagnostic(displayPath, line: 1, "这不是普通文件(是文件夹):内容文件夹里只放 .md 文件"))
        case .symbolicLink, .special:
            return .failure(Diagnostic(displayPath, line: 1, "这不是普通文件(管道或其他特殊文件):内容文件夹里只放 .md 文件"))
        }
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            return .failure(Diagnostic(displayPath, line: 1, "读不出这个文件:检查它是否有读取权限"))
        }
        defer { try? handle.close() }
        // Read one byte past the limit: a file that grew after the size was taken is still refused.
        guard let data = try? handle.read(upToCount: ContentLimits.fileBytes + 1) ?? Data() else {
            return .failure(Diagnostic(displayPath, line: 1, "读不出这个文件:检查它是否有读取权限"))
        }
        if data.count > ContentLimits.fileBytes { return .failure(tooLarge(data.count, displayPath)) }
        guard let text = String(data: data, encoding: .utf8) else {
            let line = firstInvalidUTF8Line(data)
            return .failure(Diagnostic(displayPath, line: line, "这一行不是 UTF-8 编码:用 UTF-8 编码另存这个文件"))
        }
        return parse(text, displayPath: displayPath)
    }

    private static func tooLarge(_ size: Int, _ path: String) -> Diagnostic {
        Diagnostic(path, line: 1, "文件有 \(size) 字节,超过每个内容文件 \(ContentLimits.fileBytes) 字节(1 MiB)的上限:拆成几个文件,或删去不属于内容的部分")
    }

    /// Splits `text`. Line ends are read as written on any system (LF, CRLF, and CR alone, as old Mac
    /// editors save), a byte-order mark at the start is skipped, and a control character anywhere is
    /// an error at its place.
    static func parse(_ text: String, displayPath: String) -> Result<ContentFile, Diagnostic> {
        if text.utf8.count > ContentLimits.fileBytes { return .failure(tooLarge(text.utf8.count, displayPath)) }
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if let control = ControlCharacters.first(in: text) {
            return .failure(Diagnostic(displayPath, line: control.line, column: control.column, ControlCharacters.message(control.scalar)))
        }
        // Find the two '---' lines by scanning bytes: splitting the whole file into Character lines
        // (and joining the body back) was a third of the loader's time.
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var open: String.Index?
        var yamlStart = utf8.startIndex, yamlEnd = utf8.startIndex, bodyStart: String.Index?
        func isFence(_ start: String.Index, _ end: String.Index) -> Bool {
            text[start..<end].trimmingSpaces == "---"
        }
        var i = utf8.startIndex
        while i <= utf8.endIndex {
            if i == utf8.endIndex || utf8[i] == 0x0A {
                let end = i
                if open == nil {
                    guard isFence(lineStart, end) else {
                        return .failure(Diagnostic(displayPath, line: 1, "文件没有文件头:第一行要是 '---',接着写各个键,再写一行 '---'"))
                    }
                    open = lineStart
                    yamlStart = i == utf8.endIndex ? i : utf8.index(after: i)
                } else if isFence(lineStart, end) {
                    yamlEnd = lineStart
                    bodyStart = i == utf8.endIndex ? i : utf8.index(after: i)
                    break
                }
                if i == utf8.endIndex { break }
                lineNumber += 1
                lineStart = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        guard let bodyStart else {
            return .failure(Diagnostic(displayPath, line: 1, "文件头从这里开始,却没有结束:在最后一个键后面加一行 '---'"))
        }
        let close = lineNumber - 1
        var yaml = String(text[yamlStart..<yamlEnd])
        if yaml.hasSuffix("\n") { yaml.removeLast() }
        if let problem = FrontMatterGuard.problem(in: yaml) {
            return .failure(Diagnostic(displayPath, line: problem.line + Fields.lineOffset, column: problem.column, problem.message))
        }
        let node: Node?
        _ = FrontMatterGuard.limitNesting
        do {
            node = try Yams.compose(yaml: yaml, .contentRules, .default, .utf8)
        } catch let error as YamlError {
            // A full-width colon makes YAML fail on a later line; name the colon on its own line.
            if let colon = FrontMatterGuard.fullWidthColon(in: yaml) {
                return .failure(Diagnostic(displayPath, line: colon.line + Fields.lineOffset, column: colon.column, colon.message))
            }
            return .failure(diagnostic(for: error, path: displayPath))
        } catch {
            return .failure(Diagnostic(displayPath, line: 2, "文件头的格式有误:检查缩进、冒号和引号"))
        }
        guard let node, case .mapping = node else {
            return .failure(Diagnostic(displayPath, line: 2, "文件头要由 'key: value' 这样的行组成"))
        }
        // Escapes in quoted YAML (`"\0"`, `"\a"`) make control characters the file does not show.
        if yaml.utf8.contains(0x5C), let (scalar, place) = firstControl(in: node) {
            return .failure(Diagnostic(displayPath, line: place.line, column: place.column, ControlCharacters.message(scalar)))
        }
        let body = String(text[bodyStart...])
        let lastLine = text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        return .success(ContentFile(path: displayPath, frontMatter: node, body: body, bodyStartLine: close + 2, lastLine: lastLine))
    }

    /// The first scalar (key or value) of `node` holding a control character, and its place in the file.
    private static func firstControl(in node: Node) -> (Unicode.Scalar, (line: Int, column: Int))? {
        switch node {
        case let .scalar(scalar):
            return scalar.string.unicodeScalars.first(where: ControlCharacters.isControl).map { ($0, Fields.location(of: node)) }
        case let .mapping(mapping):
            for (key, value) in mapping {
                if let found = firstControl(in: key) ?? firstControl(in: value) { return found }
            }
            return nil
        case let .sequence(sequence):
            for item in sequence {
                if let found = firstControl(in: item) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    private static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            if FrontMatterGuard.isNestingLimit(problem) {
                return Diagnostic(path, line: mark.line + 1, column: mark.column, FrontMatterGuard.tooDeep)
            }
            return Diagnostic(path, line: mark.line + 1, column: mark.column, "文件头的格式有误:\(YAMLProblem.chinese(problem)):检查缩进、冒号和引号")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(
                path, line: context.mark.line + 1, column: context.mark.column,
                "键 \(duplicates.map { "'\($0)'" }.joined(separator: "、")) 写了两次:只保留一个")
        default:
            return Diagnostic(path, line: 2, "文件头的格式有误:检查缩进、冒号和引号")
        }
    }

    private static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        for chunk in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(data: Data(chunk), encoding: .utf8) == nil { return line }
            line += 1
        }
        return line
    }
}

/// libyaml's problems in the words of the editor's language. The common ones are each one mistake an
/// editor makes; the others are named as YAML names them.
enum YAMLProblem {
    static let words: [(String, String)] = [
        ("did not find expected ',' or ']'", "列表少了 ',' 或 ']'"),
        ("did not find expected ',' or '}'", "花括号里少了 ',' 或 '}'"),
        ("mapping values are not allowed in this context", "这里不能再出现 'key: value'(是不是缩进不对,或者值里有 ': ',需要加引号?)"),
        ("could not find expected ':'", "少了冒号 ':'"),
        ("did not find expected key", "缩进不对,或者少了键"),
        ("did not find expected node content", "这里缺少值"),
        ("did not find expected '-' indicator", "列表项的缩进不对"),
        ("block sequence entries are not allowed in this context", "这里不能开始 '- ' 列表(检查缩进)"),
        ("found character that cannot start any token", "这个字符不能放在值的开头(如 '@'、'`'、'%'):给值加上引号"),
        ("found a tab character that violates indentation", "缩进用了 tab:改用空格"),
        ("found a tab character where an indentation space is expected", "缩进用了 tab:改用空格"),
        ("found unknown escape character", "双引号里的 '\\' 转义不认识:写成 '\\\\',或改用单引号"),
        ("found unexpected end of stream", "引号或括号没有闭合"),
        ("found unexpected ':'", "多了一个冒号 ':'(值里有冒号时给值加上引号)"),
        ("found undefined alias", "用了没有定义的别名"),
        ("expected a single document in the stream", "文件头里只能有一份 YAML"),
        ("could not find expected ':' or '}'", "花括号里少了 ':' 或 '}'")
    ]

    static func chinese(_ problem: String) -> String {
        words.first { problem.hasPrefix($0.0) }?.1 ?? "YAML 报告 '\(problem)'"
    }
}
