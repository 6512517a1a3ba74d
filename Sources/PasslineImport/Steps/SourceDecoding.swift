import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Step 1: the imported file's bytes as lines of text.
///
/// A saved web page goes through libxml2's HTML parser (`HTMLText`); plain text is read as UTF-8, UTF-16
/// with a byte-order mark, or GB18030 (which covers GBK and GB2312, what Windows Notepad and many
/// government sites save Chinese in). Either way the result is one line per paragraph, trimmed, with
/// blank lines dropped: the shape the later steps read.
public struct DecodedSource: Sendable, Hashable {
    public enum Format: String, Sendable { case plainText, html }

    public var format: Format
    /// The character encoding the bytes were read in (`UTF-8`, `GB18030`, …).
    public var encoding: String
    public var lines: [String]
    /// For a saved web page, the address it was saved from (`<!-- saved from url=… -->`,
    /// `<link rel="canonical">` or `og:url`), if it says.
    public var pageAddress: String?

    public init(format: Format, encoding: String, lines: [String], pageAddress: String? = nil) {
        self.format = format
        self.encoding = encoding
        self.lines = lines
        self.pageAddress = pageAddress
    }
}

public enum SourceDecoding {
    /// Decodes `data`; `fileName` (its extension) helps tell a web page from text.
    public static func decode(_ data: Data, fileName: String) throws -> DecodedSource {
        if isHTML(data, fileName: fileName) { return try HTMLText.decode(data) }
        guard let (text, encoding) = text(of: data) else {
            throw ImportFailure(message: "读不懂这个文件的编码:请另存为 UTF-8 文本(或网页)再导入")
        }
        return DecodedSource(format: .plainText, encoding: encoding, lines: lines(of: text))
    }

    /// A web page by its extension, or by starting with a tag that only pages start with.
    static func isHTML(_ data: Data, fileName: String) -> Bool {
        let ext = (fileName as NSString).pathExtension.lowercased()
        if ["html", "htm", "xhtml", "shtml", "mht"].contains(ext) { return true }
        if ["txt", "text", "md"].contains(ext) { return false }
        let head = String(decoding: data.prefix(1024), as: UTF8.self).lowercased()
        let start = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<!--") && head.contains("<html")
    }

    /// The text of plain bytes and the encoding it was in; `nil` when none fits.
    static func text(of data: Data) -> (String, String)? {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(validating: bytes.dropFirst(3), as: UTF8.self).map { ($0, "UTF-8") } }
        if bytes.starts(with: [0xFF, 0xFE]) { return convert(bytes.dropFirst(2), from: "UTF-16LE").map { ($0, "UTF-16") } }
        if bytes.starts(with: [0xFE, 0xFF]) { return convert(bytes.dropFirst(2), from: "UTF-16BE").map { ($0, "UTF-16") } }
        if let utf8 = String(validating: bytes, as: UTF8.self) { return (utf8, "UTF-8") }
        return convert(bytes[...], from: "GB18030").map { ($0, "GB18030") }
    }

    /// `bytes` in `encoding`, converted with the C library's iconv; `nil` on any invalid sequence.
    static func convert(_ bytes: ArraySlice<UInt8>, from encoding: String) -> String? {
        let cd = iconv_open("UTF-8", encoding)
        guard Int(bitPattern: cd) != -1 else { return nil }
        defer { iconv_close(cd) }
        var input = Array(bytes)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(
                    to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(
                    to: CChar.self)
                var outLeft = outBuffer.count
                guard iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(validating: output[0..<produced], as: UTF8.self)
    }

    /// One entry per non-blank line, trimmed of ASCII and ideographic spaces, no-break spaces and
    /// zero-width characters (indentation a page or a word processor adds, not text).
    static func lines(of text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { clean(String($0)) }
            .filter { !$0.isEmpty }
    }

    static func clean(_ line: String) -> String {
        let invisible: Set<Character> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{2060}"]
        let visible = String(line.filter { !invisible.contains($0) }).replacingOccurrences(of: "\u{00A0}", with: " ")
        return visible.trimmingCharacters(in: CharacterSet.whitespaces.union(["\u{3000}", "\t"]))
    }
}
