import Foundation

/// A folder beside the output that holds a build's files as they are made, instead of memory.
///
/// A large archive's pages, kept as `Data` until the final write, were most of a build's memory (and
/// `rules.json` alone is about 95 MB at 10,000 notices). With a spool each file goes to disk when it
/// is produced; checks read it back from the page cache. The folder sits on the output's file system,
/// so the writer can rename its files into place (atomically) or swap the whole folder in, and a
/// failed build deletes it, leaving the published site as it was.
public final class SiteSpool: @unchecked Sendable {
    public let directory: URL
    private let root: String
    private let lock = NSLock()
    private var folders: Set<String> = []
    /// Files are written on a queue of their own while the build renders the next pages; at most
    /// `backlog` files wait in it, so a slow disk cannot make the spool hold the whole site in memory.
    private let queue = DispatchQueue(label: "passline.spool")
    private let backlog = DispatchSemaphore(value: 512)
    private var failure: SpoolFailure?

    /// A new, empty spool folder beside `destination` (`.Site.new-<pid>-<random>` for `Site`).
    public init(beside destination: URL) throws {
        let destination = destination.standardizedFileURL
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        directory = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).new-\(token)", isDirectory: true)
        root = directory.path + "/"
        try FileManager.default.createDirectory(at: directory.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
    }

    /// Queues one file for writing and returns at once (unless the backlog is full). A failure is
    /// reported by the next `flush`.
    func enqueue(_ path: String, _ data: Data) {
        backlog.wait()
        queue.async { [self] in
            defer { backlog.signal() }
            do { try write(path, data) } catch {
                lock.lock()
                if failure == nil { failure = SpoolFailure(path: path, underlying: error) }
                lock.unlock()
            }
        }
    }

    /// Waits until every queued file is on disk; throws the first write that failed.
    func flush() throws {
        queue.sync {}
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
    }

    /// Writes one file now (its folders made once); safe to call from several threads.
    func write(_ path: String, _ data: Data) throws {
        if let slash = path.lastIndex(of: "/") {
            let folder = String(path[..<slash])
            lock.lock()
            let isNew = folders.insert(folder).inserted
            lock.unlock()
            if isNew { try FileManager.default.createDirectory(atPath: root + folder, withIntermediateDirectories: true) }
        }
        try FileBytes.write(data, toPath: root + path)
    }

    /// Writes one file piece by piece; returns its size.
    func write(_ path: String, producing produce: ((Data) throws -> Void) throws -> Void) throws -> Int {
        try flush()
        try write(path, Data())
        let handle = try FileHandle(forWritingTo: url(path))
        defer { try? handle.close() }
        var size = 0
        try produce { piece in
            try handle.write(contentsOf: piece)
            size += piece.count
        }
        return size
    }

    func read(_ path: String) -> Data? {
        queue.sync {}
        return FileManager.default.contents(atPath: root + path)
    }

    func url(_ path: String) -> URL { URL(fileURLWithPath: root + path) }

    /// Whether the folder is still there (the writer moves it into place on a first build).
    var exists: Bool { FileManager.default.fileExists(atPath: directory.path) }

    /// Removes the folder and everything in it: after a failed build, or what a rebuild did not need.
    func discard() {
        queue.sync {}
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A generated file that could not be written to the spool folder (a full disk, permissions).
public struct SpoolFailure: Error, CustomStringConvertible {
    public let path: String
    public let underlying: Error
    public var description: String { "could not write \(path) beside the output: \(underlying)" }
}
