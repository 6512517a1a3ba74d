import Foundation
import PasslineCore

/// Puts a finished site on disk all at once.
///
/// A first build writes into a fresh folder beside the destination (same file system, so the final
/// renames are atomic) and moves it in. A rebuild touches only what changed: each file whose bytes
/// differ from the published one is first written under a temporary name beside it, and only when
/// every such file is written are they renamed into place, each rename atomic; files the build no
/// longer makes are removed last. A rebuild after a one-line edit thus writes a handful of files, not
/// thousands, and a failure while writing leaves the published site as it was.
public struct SiteWriter: Sendable {
    public let destination: URL

    public init(destination: URL) { self.destination = destination.standardizedFileURL }

    public func write(_ site: SiteFiles) throws {
        var isFolder: ObjCBool = false
        let published = FileManager.default.fileExists(atPath: destination.path, isDirectory: &isFolder) && isFolder.boolValue
        defer { site.spool?.discard() }
        try site.spool?.flush()
        if published {
            try update(site)
        } else if let spool = site.spool, spool.directory.deletingLastPathComponent() == destination.deletingLastPathComponent() {
            // The spool already is the new folder: add what stayed in memory, then swap it in.
            for (path, data) in site.files { try spool.write(path, data) }
            try swapIn(spool.directory)
        } else {
            try replace(site)
        }
    }

    /// Writes only the files whose bytes changed, then removes the ones no longer made.
    func update(_ site: SiteFiles) throws {
        let manager = FileManager.default
        let existing = try SiteFiles.paths(in: destination)
        let token = ".new-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        var staged: [(temporary: URL, final: URL)] = []
        do {
            for path in site.paths {
                let url = destination.appendingPathComponent(path)
                if let spool = site.spool, site.isSpooled(path) {
                    // Compared with the published file when it was made; if it differs it is already
                    // on disk, on the same file system, and is renamed into place below.
                    if existing.contains(path), spool.isUnchanged(path) { continue }
                    try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    staged.append((spool.url(path), url))
                    continue
                }
                let data = site[path]!
                if existing.contains(path), let old = try? Data(contentsOf: url), old == data { continue }
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + token)
                try data.write(to: temporary)
                staged.append((temporary, url))
            }
        } catch {
            for file in staged { try? manager.removeItem(at: file.temporary) }
            throw error
        }
        for file in staged {
            if rename(file.temporary.path, file.final.path) != 0 {
                for rest in staged { try? manager.removeItem(at: rest.temporary) }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.final.path])
            }
        }
        let made = Set(site.paths)
        let stale = existing.filter { !made.contains($0) }
        for path in stale.sorted() { try manager.removeItem(at: destination.appendingPathComponent(path)) }
        // Folders left empty (zh-Hant/ after a build with `--scripts zh-Hans`), deepest first.
        var folders = Set<String>()
        for path in stale {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty { folders.insert(parts.joined(separator: "/")); parts = parts.dropLast() }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            let url = destination.appendingPathComponent(folder)
            if (try? manager.contentsOfDirectory(atPath: url.path))?.isEmpty == true { try manager.removeItem(at: url) }
        }
    }

    /// A first build of a site held in memory: its files written into a new spool folder beside the
    /// destination (one thread: files created in one folder from several threads wait on the folder's
    /// lock in the kernel), which is then swapped in.
    func replace(_ site: SiteFiles) throws {
        let spool = try SiteSpool(beside: destination)
        do {
            for path in site.paths { try spool.write(path, site[path]!) }
        } catch {
            spool.discard()
            throw error
        }
        try swapIn(spool.directory)
    }

    /// Puts a finished folder where the destination is, moving aside (then deleting) whatever was there.
    private func swapIn(_ staging: URL) throws {
        let manager = FileManager.default
        let retired = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        if manager.fileExists(atPath: destination.path) {
            try manager.moveItem(at: destination, to: retired)
            do {
                try manager.moveItem(at: staging, to: destination)
            } catch {
                try? manager.moveItem(at: retired, to: destination)
                try? manager.removeItem(at: staging)
                throw error
            }
            try? manager.removeItem(at: retired)
        } else {
            try manager.moveItem(at: staging, to: destination)
        }
    }
}
