import Foundation
import PasslineCore

/// Publishes a finished site: the complete new site is on disk beside the output (the build's spool,
/// or a spool made now for a site held in memory), unchanged files hard-linked from the published
/// one; one system call exchanges it with the output; the previous site is then deleted.
///
/// A reader of the output, or a web server pointed at it, sees the old site or the new one, never a
/// mix, and a kill at any moment leaves one of the two (see `SiteSpool` and README, "passline build").
public struct SiteWriter: Sendable {
    public let destination: URL

    public init(destination: URL) { self.destination = destination.standardizedFileURL }

    @discardableResult
    public func write(_ site: SiteFiles) throws -> PublishReport {
        let spool: SiteSpool
        if let own = site.spool {
            guard own.destination.path == (try SiteSpool.resolve(destination.path)) else {
                throw PublishFailure(path: destination.path, action: "发布网站", reason: "构建的工作文件夹是为 \(own.destination.path) 准备的")
            }
            spool = own
        } else {
            spool = try SiteSpool(beside: destination)
        }
        do {
            // What stayed in memory joins what is already spooled.
            for (path, data) in site.files { spool.enqueue(path, data) }
            try spool.flush()
            return try spool.publish()
        } catch {
            spool.discard()
            throw error
        }
    }
}
