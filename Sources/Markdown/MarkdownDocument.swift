import CMark
import Foundation

/// A Markdown text parsed by libcmark: the value tree to walk, and HTML rendered by cmark itself.
///
/// Rendering is safe by default — cmark drops raw HTML and `javascript:`-style links — so content
/// written by editors can never inject script into the site. A content file must opt in explicitly
/// (`allowRawHTML`) to keep raw HTML.
///
/// Parsing is bounded: the text goes to cmark with its length (a NUL byte never cuts it short; cmark
/// reads it as U+FFFD), and the copied tree stops at `maximumDepth` levels of nesting. cmark itself
/// walks its tree without recursion, but a Swift value tree 100,000 levels deep (`>>>>…`, nested
/// lists, `****…`) would overflow the stack when it is copied, walked or freed; `tooDeep` says where
/// the cut was made, so the content loader can refuse the text with its line.
public struct MarkdownDocument: Sendable {
    /// Levels of nesting kept in `root` (the document's own blocks are level 1). Real content nests a
    /// list in a quote in a list at most; 32 leaves room for any sensible text.
    public static let maximumDepth = 32

    /// The parsed tree; top-level blocks carry their own rendered `html`.
    public let root: MarkdownNode
    /// The whole document rendered to HTML.
    public let html: String
    /// Where the first node nested deeper than `maximumDepth` starts (the nearest line cmark gives
    /// for it); `nil` when the text is within the limit. Nodes below the limit are left out of `root`
    /// (never out of `html`, which cmark renders from its own tree).
    public let tooDeep: Position?

    /// A 1-based place in the parsed text.
    public struct Position: Sendable, Hashable {
        public var line: Int
        public var column: Int
    }

    /// Parses `text` with cmark (CommonMark) and renders it.
    public init(parsing text: String, allowRawHTML: Bool = false) {
        let options = MarkdownDocument.options(allowRawHTML: allowRawHTML)
        var text = text
        // The length goes with the bytes: no C string handoff stops at a NUL.
        let parsed: OpaquePointer? = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let start = chars.baseAddress else { return cmark_parse_document("", 0, options) }
                return cmark_parse_document(start, chars.count, options)
            }
        }
        guard let document = parsed else {
            root = MarkdownNode(kind: .document)
            html = ""
            tooDeep = nil
            return
        }
        defer { cmark_node_free(document) }
        (root, tooDeep) = MarkdownDocument.copy(document, options: options)
        html = MarkdownDocument.render(document, options: options)
    }

    private static func options(allowRawHTML: Bool) -> Int32 {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        return options
    }

    private static func render(_ node: OpaquePointer, options: Int32) -> String {
        guard let out = cmark_render_html(node, options) else { return "" }
        defer { free(out) }
        return String(cString: out)
    }

    /// Copies cmark's tree without recursion: a stack of the nodes being built, one per level, and a
    /// walk along cmark's own child, sibling and parent pointers. Below `maximumDepth` nothing is
    /// copied; the first such node's place is returned.
    private static func copy(_ document: OpaquePointer, options: Int32) -> (MarkdownNode, Position?) {
        var building: [MarkdownNode] = [value(of: document)]
        var tooDeep: Position?
        var current = cmark_node_first_child(document)
        while let node = current {
            let depth = building.count
            var made = value(of: node)
            if depth == 1 { made.html = render(node, options: options) }
            let firstChild = cmark_node_first_child(node)
            if let firstChild, depth < maximumDepth {
                building.append(made)
                current = firstChild
                continue
            }
            if firstChild != nil, tooDeep == nil {
                let line = made.line > 0 ? made.line : building.last(where: { $0.line > 0 })?.line ?? 1
                tooDeep = Position(line: line, column: max(made.column, 1))
            }
            building[building.count - 1].children.append(made)
            // On to the next sibling, closing finished levels on the way up.
            var climbing = node
            current = nil
            while true {
                if let next = cmark_node_next(climbing) {
                    current = next
                    break
                }
                guard building.count > 1, let parent = cmark_node_parent(climbing) else { break }
                let finished = building.removeLast()
                building[building.count - 1].children.append(finished)
                climbing = parent
            }
        }
        return (building[0], tooDeep)
    }

    /// One node's own fields, without its children.
    private static func value(of node: OpaquePointer) -> MarkdownNode {
        MarkdownNode(
            kind: kind(of: node),
            literal: cmark_node_get_literal(node).map { String(cString: $0) },
            line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node))
        )
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link(destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "")
        case CMARK_NODE_IMAGE: .image(source: cmark_node_get_url(node).map { String(cString: $0) } ?? "")
        default: .other
        }
    }
}
