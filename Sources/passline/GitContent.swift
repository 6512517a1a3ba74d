import Foundation

/// The content directory as it was at a git revision, extracted into a temporary directory so that
/// `ContentLoader` can read it like any other.
struct GitContent {
    /// The extracted copy of the content directory.
    let directory: URL
    /// How the revision's files are named in messages: `HEAD:Content`.
    let displayName: String
    private let temporary: URL

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Extracts `content` (a directory inside a git work tree) as of `revision`.
    init(revision: String, content: String) throws {
        let contentURL = URL(fileURLWithPath: content, isDirectory: true)
        guard FileManager.default.fileExists(atPath: contentURL.path) else {
            throw Failure(description: "\(content): no such directory; pass --content DIR")
        }
        let top = try Self.git(["-C", contentURL.path, "rev-parse", "--show-toplevel"], what: "\(content) is not inside a git work tree")
        var prefix = try Self.git(
            ["-C", contentURL.path, "rev-parse", "--show-prefix"], what: "cannot locate \(content) in the git work tree")
        if prefix.hasSuffix("/") { prefix.removeLast() }
        temporary = FileManager.default.temporaryDirectory.appendingPathComponent("passline-diff-\(UUID().uuidString)")
        let tree = temporary.appendingPathComponent("tree")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        let archive = temporary.appendingPathComponent("content.tar").path
        var arguments = ["-C", top, "archive", "--format=tar", "-o", archive, revision]
        if !prefix.isEmpty { arguments += ["--", prefix] }
        do {
            _ = try Self.git(arguments, what: "cannot read \(prefix.isEmpty ? "the content" : prefix) at revision '\(revision)'")
            _ = try Self.run("/usr/bin/env", ["tar", "-xf", archive, "-C", tree.path], what: "cannot unpack revision '\(revision)'")
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        directory = prefix.isEmpty ? tree : tree.appendingPathComponent(prefix)
        displayName = "\(revision):\(prefix.isEmpty ? "." : prefix)"
    }

    /// Removes the extracted copy.
    func remove() { try? FileManager.default.removeItem(at: temporary) }

    private static func git(_ arguments: [String], what: String) throws -> String {
        try run("/usr/bin/env", ["git"] + arguments, what: what)
    }

    private static func run(_ executable: String, _ arguments: [String], what: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw Failure(description: "\(what): \(error)") }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "\(what)" + (detail.isEmpty ? "" : " (\(detail))"))
        }
        return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
