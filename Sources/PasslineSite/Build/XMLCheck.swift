import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Whether generated XML is well-formed, and if not, a Chinese message an editor can act on: the
/// file, line and column, the text there, and the character at fault when it is one XML forbids.
///
/// Parsed by libxml2 through Foundation's `XMLParser`. The first error is taken from the delegate,
/// where its position is exact (on Linux `parse()` may even return true after a mismatched tag).
enum XMLCheck {
    static func problem(in data: Data, named path: String) -> String? {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let errors = FirstError()
        parser.delegate = errors
        let parsed = parser.parse()
        guard !parsed || errors.code != nil else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // A forbidden character is located exactly, wherever libxml2 stopped.
        var line = errors.line ?? parser.lineNumber, column = errors.column ?? parser.columnNumber
        var forbidden: Unicode.Scalar?
        for (index, text) in lines.enumerated() {
            if let at = text.unicodeScalars.firstIndex(where: isForbidden) {
                forbidden = text.unicodeScalars[at]
                line = index + 1
                column = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: at) + 1
                break
            }
        }
        let text = line >= 1 && line <= lines.count ? String(lines[line - 1]) : ""
        var message = "\(path):\(line):\(column): 不是格式正确的 XML,订阅源阅读器和搜索引擎会整个丢弃它"
        if let forbidden {
            message += ":这一行有 XML 不允许的控制字符 U+\(String(format: "%04X", forbidden.value))"
        } else if let code = errors.code ?? (parser.parserError as NSError?)?.code {
            message += ":" + (reasons[code] ?? "libxml2 错误 \(code)")
        }
        let excerpt = String(String.UnicodeScalarView(text.unicodeScalars.map { isForbidden($0) ? "\u{FFFD}" : $0 }).prefix(120))
        message += "。这一行是:\(excerpt)"
        if forbidden != nil { message += "。请在 Content/ 里找到这段文字,删掉其中的控制字符(常见于从网页或 Word 复制来的文字)" }
        return message
    }

    /// libxml2's codes for the errors a generated file can have.
    static let reasons = [
        4: "文件是空的", 5: "文件在元素结束之前就结束了", 9: "有 XML 不允许的字符", 23: "缺少结束标签",
        68: "& 后面不是合法的实体名(应写作 &amp;)", 73: "标签没有以 > 结尾", 76: "开始标签和结束标签不一致"
    ]

    /// Characters XML 1.0 does not allow at all (§2.2): C0 controls but tab, newline and return, and
    /// U+FFFE, U+FFFF.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
    }

    private final class FirstError: NSObject, XMLParserDelegate {
        var code: Int?, line: Int?, column: Int?
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            guard code == nil else { return }
            code = (parseError as NSError).code
            line = parser.lineNumber
            column = parser.columnNumber
        }
    }
}
