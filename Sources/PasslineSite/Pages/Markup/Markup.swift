/// A piece of a page as its code writes it: the literal parts are the page's own markup, compiled
/// into the program; what is interpolated is data, and is escaped.
///
/// ```swift
/// page += """
///     <section id="\(entry.id)">
///     <h2>\(entry.question)</h2>
///     \(entry.answer)
///     """
/// ```
///
/// - A `String` (or `Substring`) is escaped for HTML and XML (`&`, `<`, `>`, `"`, `'`), so text from
///   content can never open an element or leave an attribute, whatever an editor writes.
/// - `SafeHTML` (cmark's safe rendering) and nested `Markup` go in as they are: the only ways to put
///   markup on a page are a literal in the code and cmark.
/// - An `Int` is written in decimal.
///
/// There is no way to interpolate a value that may be missing: the page's code says what to write
/// instead (`if let`), and a field the page names but its model lacks does not compile.
///
/// Beware of `\(flag ? "<b>" : "")`: the literals are typed `String` and come out escaped. Write
/// conditional markup with `if` or with a function that returns `Markup`.
struct Markup: ExpressibleByStringInterpolation, Sendable {
    /// UTF-8.
    var bytes: [UInt8]

    init(stringLiteral literal: String) { bytes = Array(literal.utf8) }

    init(stringInterpolation: Interpolation) { bytes = stringInterpolation.bytes }

    /// Nothing, for a conditional part that does not apply.
    static let empty = Markup(bytes: [])

    private init(bytes: [UInt8]) { self.bytes = bytes }

    struct Interpolation: StringInterpolationProtocol {
        var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + interpolationCount * 32)
        }

        mutating func appendLiteral(_ literal: String) { UTF8Bytes.append(literal, to: &bytes) }
        mutating func appendInterpolation(_ text: String) { Escape.html(text, into: &bytes) }
        mutating func appendInterpolation(_ text: Substring) { Escape.html(String(text), into: &bytes) }
        mutating func appendInterpolation(_ html: SafeHTML) { UTF8Bytes.append(html.text, to: &bytes) }
        mutating func appendInterpolation(_ markup: Markup) { bytes += markup.bytes }
        mutating func appendInterpolation(_ json: ScriptJSON) { UTF8Bytes.append(json.text, to: &bytes) }
        mutating func appendInterpolation(_ number: Int) { UTF8Bytes.append(String(number), to: &bytes) }
    }
}

/// A piece of a plain-text file (`notice.txt`, `robots.txt`): literal text and data, nothing escaped.
struct PlainText: ExpressibleByStringInterpolation, Sendable {
    var bytes: [UInt8]

    init(stringLiteral literal: String) { bytes = Array(literal.utf8) }

    init(stringInterpolation: Interpolation) { bytes = stringInterpolation.bytes }

    struct Interpolation: StringInterpolationProtocol {
        var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + interpolationCount * 32)
        }

        mutating func appendLiteral(_ literal: String) { UTF8Bytes.append(literal, to: &bytes) }
        mutating func appendInterpolation(_ text: String) { UTF8Bytes.append(text, to: &bytes) }
    }
}

/// HTML that may go into a page as it is: cmark's rendering of editors' Markdown in safe mode (raw
/// HTML dropped, `javascript:` links emptied). Only the constructors below make one, so every place
/// that trusts markup from content is one of them.
struct SafeHTML: Sendable, Hashable {
    let text: String

    /// Editors' Markdown through cmark's safe mode; nothing for an empty text.
    init(markdown: String) {
        text = SafeMarkdown.html(markdown)
    }

    /// HTML the loader already rendered with cmark's safe mode (a notice's clauses).
    init(cmarkOutput html: String) { text = html }

    /// Text escaped as HTML (for a page that builds markup from pieces, such as the feed's content).
    init(escaping plain: String) {
        var bytes: [UInt8] = []
        Escape.html(plain, into: &bytes)
        text = String(decoding: bytes, as: UTF8.self)
    }

    var isEmpty: Bool { text.isEmpty }
}

/// Escaping at the byte level: the five characters with a meaning in markup are replaced, every
/// other byte is copied (a run without any of them in one go).
enum Escape {
    static func html(_ text: String, into bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { html($0, into: &bytes) }
    }

    static func html(_ source: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        var copied = 0
        for index in 0..<source.count {
            let replacement: StaticString
            switch source[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default: continue
            }
            if index > copied { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<index])) }
            bytes.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            copied = index + 1
        }
        if copied < source.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied...])) }
    }
}

/// A string's UTF-8 appended without going through a `Character` at a time.
enum UTF8Bytes {
    @inline(__always) static func append(_ text: String, to bytes: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }
}
