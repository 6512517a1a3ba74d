/// One node of a parsed Markdown document, as a plain value.
///
/// cmark owns its tree through C pointers that cannot cross concurrency domains; Passline copies the
/// parts it needs (kind, literal text, position, children) into this value so that content can be
/// loaded once and shared freely between the site builder and the helpdesk bot.
public struct MarkdownNode: Sendable, Hashable {
    /// What a node is. Only the distinctions Passline acts on are kept; everything else is `.other`.
    public enum Kind: Sendable, Hashable {
        case document
        case blockQuote
        case list(ordered: Bool)
        case item
        case codeBlock
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text
        case softBreak
        case lineBreak
        case code
        case htmlInline
        case emphasis
        case strong
        case link(destination: String)
        case image(source: String)
        case other
    }

    public var kind: Kind
    /// The node's own text, for leaves such as `.text` and `.code`.
    public var literal: String?
    public var children: [MarkdownNode]
    /// 1-based line in the Markdown that was parsed (add the front matter's length for file lines).
    public var line: Int
    public var column: Int
    /// The HTML of this node alone, filled for top-level blocks so a page can wrap each clause.
    public var html: String?

    public init(kind: Kind, literal: String? = nil, children: [MarkdownNode] = [], line: Int = 0, column: Int = 0, html: String? = nil) {
        self.kind = kind
        self.literal = literal
        self.children = children
        self.line = line
        self.column = column
        self.html = html
    }

    /// The text a reader sees, with soft and hard breaks as newlines and markup dropped.
    public var plainText: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        switch kind {
        case .softBreak, .lineBreak: out += "\n"
        case .text, .code: out += literal ?? ""
        default:
            for child in children { child.appendText(to: &out) }
        }
    }
}
