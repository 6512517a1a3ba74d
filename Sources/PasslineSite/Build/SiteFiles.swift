import Foundation

/// The whole site as it will be written: relative path → bytes. Checks can read any page before
/// anything is published, so a failed build never leaves half a site behind.
///
/// Files live in memory, or, with a `SiteSpool` (what `passline build` uses), on disk in a folder
/// beside the output from the moment they are made: that folder becomes the published site in one
/// switch. Either way the API is the same.
public struct SiteFiles: Sendable, Equatable {
    /// The files held in memory (all of them without a spool).
    public private(set) var files: [String: Data] = [:]
    /// The files on disk in the spool, with their sizes.
    private var spooled: [String: Int] = [:]
    public let spool: SiteSpool?

    public init() { spool = nil }

    public init(spool: SiteSpool) { self.spool = spool }

    /// Adds or replaces a file; `path` is relative to the site root, with `/` separators. With a spool
    /// the bytes are queued for the disk (the builder flushes the spool after each step, so a failed
    /// write stops the build at the step that made the file).
    public mutating func put(_ path: String, _ data: Data) {
        if let spool {
            spool.enqueue(path, data)
            spooled[path] = data.count
            files[path] = nil
        } else {
            files[path] = data
        }
    }

    public mutating func put(_ path: String, text: String) { put(path, Data(text.utf8)) }

    /// Adds a file produced in pieces: `produce` calls its argument with each piece in order. With a
    /// spool the pieces go straight to disk, so a large file (`rules.json`) is never whole in memory.
    public mutating func put(_ path: String, producing produce: ((Data) throws -> Void) throws -> Void) throws {
        guard let spool else {
            var data = Data()
            try produce { data.append($0) }
            put(path, data)
            return
        }
        let size = try spool.write(path, producing: produce)
        spooled[path] = size
        files[path] = nil
    }

    /// Declares `path` unchanged from the published site, without producing its bytes: the publish
    /// hard-links the published file into the new site. For a build that knows a page has not changed
    /// without rendering it (a persistent build cache); needs a spool and a published file at `path`.
    public mutating func keep(_ path: String) throws {
        guard let spool else {
            throw PublishFailure(path: path, action: "沿用已发布的文件", reason: "只有写到磁盘的构建(spool)才能沿用已发布的文件")
        }
        spooled[path] = try spool.keep(path)
        files[path] = nil
    }

    public subscript(path: String) -> Data? {
        if let data = files[path] { return data }
        guard spooled[path] != nil else { return nil }
        return spool?.read(path)
    }

    public func text(_ path: String) -> String? { self[path].map { String(decoding: $0, as: UTF8.self) } }

    /// The size of a file in bytes, without reading it.
    public func size(_ path: String) -> Int? { files[path]?.count ?? spooled[path] }

    /// Whether `path` is a spooled file (on disk in the spool folder) rather than in memory.
    func isSpooled(_ path: String) -> Bool { spooled[path] != nil }

    /// Paths in a stable order, so everything derived from the list (sitemap, checks) is deterministic.
    public var paths: [String] { (Array(files.keys) + Array(spooled.keys)).sorted() }

    public static func == (lhs: SiteFiles, rhs: SiteFiles) -> Bool {
        let paths = lhs.paths
        return paths == rhs.paths && paths.allSatisfy { lhs.size($0) == rhs.size($0) && lhs[$0] == rhs[$0] }
    }

    /// Reads a site already on disk, e.g. to check the links of a committed `Site/`.
    public static func read(directory: URL) throws -> SiteFiles {
        var site = SiteFiles()
        let base = directory.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return site
        }
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            site.put(String(full.dropFirst(base.count + 1)), try Data(contentsOf: url))
        }
        return site
    }
}
