import Testing
@testable import Markdown

/// Hostile Markdown must come back as a bounded tree with the place it was cut, never a crash; and
/// no byte of the text is lost on the way to cmark.
@Suite struct MarkdownBoundsTests {
    /// 100,000 levels of quotes, list items and emphasis crashed the recursive copy of cmark's tree.
    static let deep: [String: String] = [
        "quotes": String(repeating: ">", count: 100_000) + " 深\n",
        "list items": String(repeating: "- ", count: 100_000) + "深\n",
        "emphasis": String(repeating: "*", count: 100_000) + "深" + String(repeating: "*", count: 100_000) + "\n",
        "numbered items": String(repeating: "1. ", count: 100_000) + "深\n"
    ]

    @Test(arguments: deep.keys.sorted())
    func deepNestingIsCutAtTheLimitAndSaysWhere(_ name: String) throws {
        let doc = MarkdownDocument(parsing: "第一段\n\n" + (try #require(Self.deep[name])))
        #expect(doc.tooDeep?.line == 3, "the nesting starts on line 3")
        #expect(depth(of: doc.root) <= MarkdownDocument.maximumDepth)
        #expect(doc.root.children.first?.plainText == "第一段")
        #expect(doc.html.contains("深"), "cmark renders the whole text from its own tree")
    }

    @Test func nestingWithinTheLimitIsKeptWhole() {
        // Quotes, then a list, its item, the item's paragraph and its text: exactly the limit.
        let text = String(repeating: "> ", count: MarkdownDocument.maximumDepth - 4) + "- 里面\n"
        let doc = MarkdownDocument(parsing: text)
        #expect(doc.tooDeep == nil)
        #expect(doc.root.plainText == "里面")
    }

    /// A NUL used to end the C string handed to cmark: everything after it vanished from the page.
    @Test func textAfterANulByteIsKept() {
        let doc = MarkdownDocument(parsing: "前面\u{0}后面\n\n第二段\n")
        #expect(doc.root.children.count == 2)
        #expect(doc.html.contains("后面"))
        #expect(doc.html.contains("第二段"))
    }

    @Test func inlineNodesHaveTheirLines() {
        let doc = MarkdownDocument(parsing: "一行\n二行 [链接](https://example.cn/)\n")
        let link = doc.root.collect {
            if case .link = $0.kind { return true }; return false
        }.first
        #expect(link?.line == 2)
        #expect(link?.column == 8, "cmark counts columns in bytes: 二行 and the space are 7")
    }

    private func depth(of node: MarkdownNode) -> Int {
        var deepest = 0
        var stack = [(node, 0)]
        while let (current, level) = stack.popLast() {
            deepest = max(deepest, level)
            stack += current.children.map { ($0, level + 1) }
        }
        return deepest
    }
}
