import Markdown

/// Checks a body's Markdown before any of it becomes HTML: every link allow-listed (`LinkPolicy`), no
/// images, no raw HTML, nesting within `ContentLimits.markdownDepth`. Each problem is an error at its
/// line and column in the file.
///
/// Decisions an editor meets here:
/// - **Images** are refused, from elsewhere (`![x](https://…)`: the site loads nothing from elsewhere)
///   and from Content/ alike (the build publishes no image files, so the picture would be missing).
///   A picture worth showing is linked instead: `[图片说明](https://…)`.
/// - **Raw HTML** is refused: the site renders Markdown in cmark's safe mode, which drops it, so the
///   text would silently vanish from the page. HTML comments (`<!-- 给编辑的备注 -->`) are allowed: they
///   are notes for editors and are meant not to be shown.
enum BodyCheck {
    static func run(_ file: ContentFile, document: MarkdownDocument? = nil, log: DiagnosticLog) {
        guard document != nil || file.body.contains(where: { !$0.isWhitespace }) else { return }
        let document = document ?? MarkdownDocument(parsing: file.body)
        var lines: [Substring]?
        func place(_ line: Int, _ byteColumn: Int) -> (line: Int, column: Int) {
            if lines == nil { lines = file.body.split(separator: "\n", omittingEmptySubsequences: false) }
            let text = line >= 1 && line <= lines!.count ? lines![line - 1] : ""
            let prefix = text.utf8.prefix(max(0, byteColumn - 1))
            return (file.bodyStartLine + max(line, 1) - 1, String(decoding: prefix, as: UTF8.self).count + 1)
        }
        if let deep = document.tooDeep {
            log.error(
                file.path, place(deep.line, deep.column),
                "Markdown 在这里嵌套超过 \(ContentLimits.markdownDepth) 层(引用、列表或强调一层套一层):网页用不到这么深,拆开或删掉多余的 '>'、'-'、'*'")
        }
        for node in document.root.collect(where: { node in
            switch node.kind {
            case .link, .image, .htmlBlock, .htmlInline: true
            default: false
            }
        }) {
            // The place is worked out only for a problem: most links are fine.
            switch node.kind {
            case let .link(destination):
                if let problem = LinkPolicy.problem(link: destination) { log.error(file.path, place(node.line, node.column), problem) }
            case let .image(source):
                log.error(
                    file.path, place(node.line, node.column),
                    "这里有一张图片 '\(source.shown)':网站不显示图片,也不从别处加载任何东西:改成链接 [图片说明](\(source.shown)),或删掉")
            case .htmlBlock, .htmlInline:
                let html = (node.literal ?? "").trimmingWhitespace
                guard !(html.hasPrefix("<!--") && html.hasSuffix("-->")) else { continue }
                let tag = html.prefix { $0 != "\n" }
                log.error(
                    file.path, place(node.line, node.column),
                    "这里有 HTML '\(tag.shown)':网站不显示 HTML(会被删掉,文字就丢了):改用 Markdown(如 **加粗**、[链接](https://…)),或删掉")
            default:
                continue
            }
        }
    }
}
