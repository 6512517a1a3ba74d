/// Visits a Markdown tree depth first, in document order.
///
/// Modelled on swift-markdown's `MarkupWalker`: callers say what to do with a node and whether to
/// descend into its children, and never write recursion of their own.
public protocol MarkdownWalker {
    /// Called for each node before its children; return `false` to skip the children.
    mutating func visit(_ node: MarkdownNode) -> Bool
}

extension MarkdownWalker {
    /// Walks `node` and, where `visit` allows, everything beneath it.
    public mutating func walk(_ node: MarkdownNode) {
        guard visit(node) else { return }
        for child in node.children { walk(child) }
    }
}

extension MarkdownNode {
    /// Every node of the tree in document order that satisfies `predicate`.
    public func collect(where predicate: (MarkdownNode) -> Bool) -> [MarkdownNode] {
        var found: [MarkdownNode] = []
        var stack: [MarkdownNode] = [self]
        while let node = stack.popLast() {
            if predicate(node) { found.append(node) }
            stack.append(contentsOf: node.children.reversed())
        }
        return found
    }
}
