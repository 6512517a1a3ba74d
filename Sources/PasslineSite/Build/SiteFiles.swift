import Foundation

/// The whole site as it will be written: relative path → bytes, kept in memory until every step has
/// succeeded, so a failed build never leaves half a site behind and checks can read any page.
public struct SiteFiles: Sendable, Equatable {
    public private(set) var files: [String: Data] = [:]

    public init() {}

    /// Adds or replaces a file; `path` is relative to the site root, with `/` separators.
    public mutating func put(_ path: String, _ data: Data) { files[path] = data }

    public mutating func put(_ path: String, text: String) { files[path] = Data(text.utf8) }

    public subscript(path: String) -> Data? { files[path] }

    public func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

    /// Paths in a stable order, so everything derived from the list (sitemap, checks) is deterministic.
    public var paths: [String] { files.keys.sorted() }

    /// The relative paths of the regular files under `directory`.
    static func paths(in directory: URL) throws -> Set<String> {
        var paths: Set<String> = []
        let base = directory.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return paths }
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            if full.hasPrefix(base + "/") { paths.insert(String(full.dropFirst(base.count + 1))) }
        }
        return paths
    }

    /// Reads a site already on disk, e.g. to check the links of a committed `Site/`.
    public static func read(directory: URL) throws -> SiteFiles {
        var site = SiteFiles()
        let base = directory.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return site }
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            site.put(String(full.dropFirst(base.count + 1)), try Data(contentsOf: url))
        }
        return site
    }
}
