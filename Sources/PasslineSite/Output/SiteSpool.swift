import Foundation

/// A folder beside the output that holds a build's files as they are made, instead of memory.
///
/// A large archive's pages, kept as `Data` until the final write, were most of a build's memory (and
/// `rules.json` alone is about 95 MB at 10,000 notices). With a spool each file goes to disk when it
/// is produced; checks read it back from the page cache. The folder sits on the output's file system,
/// so the writer can rename its files into place (atomically) or swap the whole folder in, and a
/// failed build deletes it, leaving the published site as it was.
///
/// On a rebuild into an existing site, a file whose bytes equal the published one is not written at
/// all: it is only marked unchanged (and read from the published site when a check needs it). An
/// edit to one notice thus writes a handful of files, not the whole archive twice.
public final class SiteSpool: @unchecked Sendable {
    public let directory: URL
    private let root: String
    /// The published site's folder + "/", when there is one to compare with.
    private let published: String?
    private let lock = NSLock()
    private var folders: Set<String> = []
    private var unchanged: Set<String> = []
    /// Queued and not yet written: a read of one of these waits for the queue, any other read does not.
    private var pending: Set<String> = []
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
        var isFolder: ObjCBool = false
        published = FileManager.default.fileExists(atPath: destination.path, isDirectory: &isFolder) && isFolder.boolValue ? destination.path + "/" : nil
        try FileManager.default.createDirectory(at: directory.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
    }

    /// Queues one file for writing and returns at once (unless the backlog is full). A failure is
    /// reported by the next `flush`.
    func enqueue(_ path: String, _ data: Data) {
        backlog.wait()
        lock.lock()
        pending.insert(path)
        lock.unlock()
        queue.async { [self] in
            defer {
                lock.lock()
                pending.remove(path)
                lock.unlock()
                backlog.signal()
            }
            do {
                if let published, FileBytes.file(atPath: published + path, equals: data) {
                    markUnchanged(path)
                } else {
                    try write(path, data)
                }
            } catch {
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
        var size = 0
        do {
            try produce { piece in
                try handle.write(contentsOf: piece)
                size += piece.count
            }
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        if let published, FileBytes.file(atPath: root + path, equalsFileAtPath: published + path) {
            try FileManager.default.removeItem(atPath: root + path)
            markUnchanged(path)
        }
        return size
    }

    private func markUnchanged(_ path: String) {
        lock.lock()
        unchanged.insert(path)
        lock.unlock()
    }

    /// Whether `path` was found identical to the published file (and so is not in the spool).
    func isUnchanged(_ path: String) -> Bool {
        waitIfPending(path)
        lock.lock()
        defer { lock.unlock() }
        return unchanged.contains(path)
    }

    /// Waits for the queue only when `path` itself is still in it.
    private func waitIfPending(_ path: String) {
        lock.lock()
        let isPending = pending.contains(path)
        lock.unlock()
        if isPending { queue.sync {} }
    }

    func read(_ path: String) -> Data? {
        if isUnchanged(path), let published { return FileManager.default.contents(atPath: published + path) }
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
