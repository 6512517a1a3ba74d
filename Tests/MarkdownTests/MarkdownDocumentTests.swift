import Testing
@testable import Markdown

@Suite struct MarkdownDocumentTests {
    @Test func rendersAndWalksHeadingsAndParagraphs() {
        let doc = MarkdownDocument(parsing: "## 一、时间\n\n(一)申请时间\n\n- a\n- b\n")
        #expect(doc.html.contains("<h2>一、时间</h2>"))
        #expect(doc.root.children.count == 3)
        #expect(doc.root.children[0].kind == .heading(level: 2))
        #expect(doc.root.children[1].plainText == "(一)申请时间")
        #expect(doc.root.children[1].line == 3)
        #expect(doc.root.children[2].kind == .list(ordered: false))
        #expect(doc.root.children[0].html == "<h2>一、时间</h2>\n")
        let texts = doc.root.collect { $0.kind == .text }.compactMap(\.literal)
        #expect(texts == ["一、时间", "(一)申请时间", "a", "b"])
    }

    @Test func safeByDefault() {
        let doc = MarkdownDocument(parsing: "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n")
        #expect(!doc.html.contains("<script"))
        #expect(!doc.html.contains("javascript:"))
        #expect(!doc.html.contains("onerror"))
        #expect(MarkdownDocument(parsing: "<b>ok</b>", allowRawHTML: true).html.contains("<b>ok</b>"))
    }

    @Test func walkerCanSkipChildren() {
        struct HeadingCounter: MarkdownWalker {
            var headings = 0
            var texts = 0
            mutating func visit(_ node: MarkdownNode) -> Bool {
                if case .heading = node.kind { headings += 1; return false }
                if node.kind == .text { texts += 1 }
                return true
            }
        }
        var counter = HeadingCounter()
        counter.walk(MarkdownDocument(parsing: "# a\n\nb\n\n## c\n").root)
        #expect(counter.headings == 2)
        #expect(counter.texts == 1)
    }
}
