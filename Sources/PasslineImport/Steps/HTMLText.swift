import CLibXML2
import Foundation

/// A saved web page as lines of text, through libxml2's HTML parser (which copes with the unclosed tags,
/// entities and declared encodings of real pages).
///
/// Block elements (`p`, `div`, `h1`, `li`, `tr`, `br`, …) end a line; scripts, styles, forms and the
/// page head give no text. Runs of spaces and newlines inside a paragraph collapse to one space, as a
/// browser shows them.
enum HTMLText {
    static func decode(_ data: Data) throws -> DecodedSource {
        let encoding = self.encoding(of: data)
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let parsed: htmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return htmlReadMemory(base, Int32(raw.count), nil, encoding, options)
        }
        guard let document = parsed else { throw ImportFailure(message: "这个网页读不出来:请在浏览器里把它另存为“网页,仅 HTML”或纯文本再导入") }
        defer { xmlFreeDoc(document) }
        var walker = Walker()
        walker.visit(UnsafeMutablePointer(mutating: UnsafeRawPointer(document).assumingMemoryBound(to: xmlNode.self)), preformatted: false)
        walker.flush()
        let address = walker.savedFrom ?? walker.canonical
        return DecodedSource(
            format: .html, encoding: encoding, lines: SourceDecoding.lines(of: walker.lines.joined(separator: "\n")), pageAddress: address)
    }

    /// The encoding to read the page in: UTF-8 when its bytes are UTF-8; else what it declares, with
    /// GB2312 and GBK widened to GB18030 (their superset, which pages labelled GB2312 often need); else
    /// GB18030.
    static func encoding(of data: Data) -> String {
        if String(validating: [UInt8](data), as: UTF8.self) != nil { return "UTF-8" }
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        if let range = head.range(of: "charset=") {
            let name = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
                .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            let declared = String(name)
            if ["gb2312", "gbk", "gb18030", "x-gbk", "cp936"].contains(declared) { return "GB18030" }
            if !declared.isEmpty { return declared.uppercased() }
        }
        return "GB18030"
    }

    private static let skipped: Set<String> = [
        "head", "script", "style", "noscript", "template", "svg", "iframe", "object", "button", "select", "textarea", "input", "option"
    ]
    private static let blocks: Set<String> = [
        "p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table",
        "tbody", "thead", "tfoot", "section", "article", "header", "footer", "aside", "nav", "main", "blockquote",
        "pre", "address", "figure", "figcaption", "center", "form", "fieldset", "caption", "body", "html"
    ]

    private struct Walker {
        var lines: [String] = []
        var current = ""
        var savedFrom: String?
        var canonical: String?

        mutating func flush() {
            if !current.isEmpty { lines.append(current) }
            current = ""
        }

        mutating func visit(_ node: UnsafeMutablePointer<xmlNode>, preformatted: Bool) {
            var child = node.pointee.children
            while let node = child {
                switch node.pointee.type {
                case XML_ELEMENT_NODE:
                    let name = String(cString: node.pointee.name).lowercased()
                    if name == "link" || name == "meta" { note(node, name) }
                    if name == "head" { scanHead(node) }
                    if Self.skip(name) { break }
                    let block = HTMLText.blocks.contains(name)
                    if block { flush() }
                    if name == "td" || name == "th", !current.isEmpty { current += " " }
                    visit(node, preformatted: preformatted || name == "pre")
                    if block { flush() }
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    guard let content = node.pointee.content else { break }
                    let text = String(cString: content)
                    if preformatted {
                        let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
                        for (index, part) in parts.enumerated() {
                            if index > 0 { flush() }
                            current += part
                        }
                    } else {
                        current += Self.collapse(text, after: current)
                    }
                case XML_COMMENT_NODE:
                    if let content = node.pointee.content { noteComment(String(cString: content)) }
                case XML_DTD_NODE:
                    break
                default:
                    visit(node, preformatted: preformatted)
                }
                child = node.pointee.next
            }
        }

        static func skip(_ name: String) -> Bool { HTMLText.skipped.contains(name) }

        /// The head gives no text, only the page's address (`link`, `meta`).
        mutating func scanHead(_ node: UnsafeMutablePointer<xmlNode>) {
            var child = node.pointee.children
            while let node = child {
                if node.pointee.type == XML_ELEMENT_NODE {
                    let name = String(cString: node.pointee.name).lowercased()
                    if name == "link" || name == "meta" { note(node, name) }
                } else if node.pointee.type == XML_COMMENT_NODE, let content = node.pointee.content {
                    noteComment(String(cString: content))
                }
                child = node.pointee.next
            }
        }

        /// HTML whitespace (not the no-break or ideographic space, which are text) collapsed to one space.
        static func collapse(_ text: String, after previous: String) -> String {
            var out = ""
            var inSpace = previous.last.map { $0 == " " } ?? true
            for scalar in text.unicodeScalars {
                if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" {
                    if !inSpace { out.unicodeScalars.append(" ") }
                    inSpace = true
                } else {
                    out.unicodeScalars.append(scalar)
                    inSpace = false
                }
            }
            return out
        }

        mutating func note(_ node: UnsafeMutablePointer<xmlNode>, _ name: String) {
            func attribute(_ key: String) -> String? {
                guard let value = xmlGetProp(node, key) else { return nil }
                defer { free(value) }
                return String(cString: value)
            }
            if name == "link", attribute("rel")?.lowercased() == "canonical", let href = attribute("href"), href.hasPrefix("http") {
                canonical = canonical ?? href
            }
            if name == "meta", attribute("property")?.lowercased() == "og:url", let url = attribute("content"), url.hasPrefix("http") {
                canonical = canonical ?? url
            }
        }

        /// Browsers that save a page write `<!-- saved from url=(0071)http://… -->` at its top.
        mutating func noteComment(_ text: String) {
            guard savedFrom == nil, let range = text.range(of: "saved from url=") else { return }
            var rest = text[range.upperBound...]
            if rest.first == "(", let close = rest.firstIndex(of: ")") { rest = rest[rest.index(after: close)...] }
            let url = rest.prefix { !$0.isWhitespace }
            if url.hasPrefix("http") { savedFrom = String(url) }
        }
    }
}
