import Foundation

/// A throw-away copy of a content tree (the shipped `Content/` unless told otherwise) in its own
/// temporary folder, which a test edits, builds or imports into without touching the repository.
/// The folder holds `Content/` and room beside it (`Site/`, a git work tree), as an editor's checkout does.
public struct ScratchContent: Sendable {
    /// The temporary folder, the copy's parent.
    public let top: URL
    /// The copy: `top/Content`.
    public let root: URL

    /// Copies `source` (default: the shipped content), then deletes the `removing` paths from the copy.
    public init(copying source: URL = URL(fileURLWithPath: Repository.content), removing removed: [String] = []) throws {
        top = FileManager.default.temporaryDirectory.appendingPathComponent("passline-test-\(UUID().uuidString)", isDirectory: true)
        root = top.appendingPathComponent("Content", isDirectory: true)
        try FileManager.default.createDirectory(at: top, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: root)
        for path in removed { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }
    }

    /// Deletes the whole temporary folder.
    public func remove() { try? FileManager.default.removeItem(at: top) }

    /// A path inside the copy, e.g. `sessions/ruankao-2024-H2.md`.
    public func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    public func read(_ relative: String) throws -> String { try String(contentsOf: url(relative), encoding: .utf8) }

    public func write(_ relative: String, _ text: String) throws {
        try FileManager.default.createDirectory(at: url(relative).deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url(relative), atomically: true, encoding: .utf8)
    }

    public func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: url(relative).path) }

    /// Replaces `old` by `new` in a file of the copy; throws if `old` is not there, so an edit that
    /// no longer matches the content fails the test instead of silently testing nothing.
    public func replace(_ relative: String, _ old: String, with new: String) throws {
        let text = try read(relative)
        guard text.contains(old) else { throw NotFound(text: old, file: relative) }
        try write(relative, text.replacingOccurrences(of: old, with: new))
    }

    public struct NotFound: Error, CustomStringConvertible {
        public let text: String
        public let file: String
        public var description: String { "'\(text)' is not in \(file)" }
    }
}
