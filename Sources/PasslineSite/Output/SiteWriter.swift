import Foundation

/// Puts a finished site on disk all at once.
///
/// Files go into a fresh folder beside the destination (same file system, so the final renames are
/// atomic); only when every file is written is the old folder moved aside and the new one moved in.
/// Readers — a web server, a person with the folder open — never see a half-written site.
public struct SiteWriter: Sendable {
    public let destination: URL

    public init(destination: URL) { self.destination = destination.standardizedFileURL }

    public func write(_ site: SiteFiles) throws {
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(name).new-\(token)", isDirectory: true)
        let retired = parent.appendingPathComponent(".\(name).old-\(token)", isDirectory: true)
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for path in site.paths {
                let url = staging.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try site[path]!.write(to: url)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
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
