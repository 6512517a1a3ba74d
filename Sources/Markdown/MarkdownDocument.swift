import CMark
import Foundation

/// A Markdown text parsed by libcmark: the value tree to walk, and HTML rendered by cmark itself.
///
/// Rendering is safe by default — cmark drops raw HTML and `javascript:`-style links — so content
/// written by editors can never inject script into the site. A content file must opt in explicitly
/// (`allowRawHTML`) to keep raw HTML.
public struct MarkdownDocument: Sendable {
    /// The parsed tree; top-level blocks carry their own rendered `html`.
    public let root: MarkdownNode
    /// The whole document rendered to HTML.
    public let html: String

    /// Parses `text` with cmark (CommonMark) and renders it.
    public init(parsing text: String, allowRawHTML: Bool = false) {
        let options = MarkdownDocument.options(allowRawHTML: allowRawHTML)
        let parsed: OpaquePointer? = text.withCString { pointer in
            cmark_parse_document(pointer, strlen(pointer), options)
        }
        guard let document = parsed else {
            root = MarkdownNode(kind: .document)
            html = ""
            return
        }
        defer { cmark_node_free(document) }
        root = MarkdownDocument.copy(document, options: options, renderBlocks: true)
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

    private static func copy(_ node: OpaquePointer, options: Int32, renderBlocks: Bool) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        let isDocument = cmark_node_get_type(node) == CMARK_NODE_DOCUMENT
        while let current = child {
            var copied = copy(current, options: options, renderBlocks: false)
            if isDocument && renderBlocks { copied.html = render(current, options: options) }
            children.append(copied)
            child = cmark_node_next(current)
        }
        let literal = cmark_node_get_literal(node).map { String(cString: $0) }
        return MarkdownNode(
            kind: kind(of: node),
            literal: literal,
            children: children,
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
