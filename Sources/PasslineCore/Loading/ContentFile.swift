import Foundation
import Yams

/// A content file split into its YAML front matter (as a Yams node tree with positions) and its
/// Markdown body, with line numbers kept relative to the whole file.
struct ContentFile {
    let path: String
    let frontMatter: Node
    let body: String
    /// The file line on which the body starts (1-based).
    let bodyStartLine: Int

    /// Reads and splits a file; every problem is reported as a diagnostic with its line.
    static func read(_ url: URL, displayPath: String) -> Result<ContentFile, Diagnostic> {
        guard let data = try? Data(contentsOf: url) else {
            return .failure(Diagnostic(displayPath, line: 1, "cannot read the file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let line = firstInvalidUTF8Line(data)
            return .failure(Diagnostic(displayPath, line: line, "invalid UTF-8 on this line; save the file as UTF-8"))
        }
        return parse(text, displayPath: displayPath)
    }

    static func parse(_ text: String, displayPath: String) -> Result<ContentFile, Diagnostic> {
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
                var end = i
                if end > lineStart, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
                if open == nil {
                    guard isFence(lineStart, end) else {
                        return .failure(Diagnostic(displayPath, line: 1, "missing front matter: the file must start with a line '---', then the keys, then '---'"))
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
            return .failure(Diagnostic(displayPath, line: 1, "front matter opened here is never closed: add a line '---' after the last key"))
        }
        let close = lineNumber - 1
        var yaml = String(text[yamlStart..<yamlEnd])
        if yaml.hasSuffix("\n") { yaml.removeLast() }
        if yaml.utf8.contains(0x0D) { yaml = yaml.replacingOccurrences(of: "\r\n", with: "\n") }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, .contentRules, .default, .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: displayPath))
        } catch {
            return .failure(Diagnostic(displayPath, line: 2, "malformed front matter: \(error)"))
        }
        guard let node, case .mapping = node else {
            return .failure(Diagnostic(displayPath, line: 2, "front matter must be a set of 'key: value' lines"))
        }
        var body = String(text[bodyStart...])
        if body.utf8.contains(0x0D) { body = body.replacingOccurrences(of: "\r\n", with: "\n") }
        return .success(ContentFile(path: displayPath, frontMatter: node, body: body, bodyStartLine: close + 2))
    }

    private static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return Diagnostic(path, line: mark.line + 1, column: mark.column, "malformed front matter: \(problem) (check indentation, colons and quotes)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(path, line: context.mark.line + 1, column: context.mark.column, "duplicate key \(duplicates.joined(separator: ", ")): keep one")
        default:
            return Diagnostic(path, line: 2, "malformed front matter: \(error)")
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
