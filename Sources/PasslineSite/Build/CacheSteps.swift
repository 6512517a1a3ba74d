import Foundation
import PasslineCore

/// The build cache as the builder sees it: the store, the manifest of the last build (if intact) and
/// the digest of this build's inputs, computed once.
struct CacheUse: Sendable {
    let store: BuildCache
    let previous: PublishedManifest?
    var digest: ContentHash?
}

/// What a build that changed nothing reports instead of a fresh count.
public struct ReusedSite: Sendable {
    public let fileCount: Int
    /// The heaviest page's budget line, as the build that made the site printed it.
    public let headroom: String?
}

extension BuildStep {
    /// First step with a cache: if every input (content, program, options, the state of every window
    /// at the build instant) has the key of the last build and the published site is still exactly
    /// what that build made, the build stops here: nothing is loaded, rendered or written, and the
    /// site is left as it is. Anything the cache cannot prove sends the build on in full.
    public static let consultCache = BuildStep("build cache") { context in
        guard var use = context.cache else { return }
        guard let digest = try? BuildCache.digest(options: context.options) else {
            context.cache = nil // an input unreadable now: let the load step say what is wrong
            return
        }
        use.digest = digest
        context.cache = use
        guard context.options.reuseUnchanged, let previous = use.previous, let spool = context.files.spool,
            BuildCache.key(digest: digest, instants: previous.instants, now: context.now) == previous.key,
            BuildCache.siteMatches(previous, site: spool.destination.path)
        else { return }
        let now = Instant.chinese(context.now)
        context.warnings += previous.warnings.map { $0.replacingOccurrences(of: BuildCache.nowMarker, with: now) }
        context.reused = ReusedSite(fileCount: previous.files.count, headroom: previous.headroom)
    }

    /// Last step with a cache: records what was published (every file's size, hash and identity) and
    /// the key of the inputs that made it. A failure here only costs the next build its shortcut.
    public static let rememberBuild = BuildStep("save build cache") { context in
        guard let use = context.cache, let spool = context.files.spool, let book = context.book, context.publication != nil else { return }
        do {
            let digest = try use.digest ?? BuildCache.digest(options: context.options)
            let instants = BuildCache.instants(of: book)
            let notes = Set(spool.notes + (context.publication?.notes ?? []))
            let now = Instant.chinese(context.now)
            let manifest = PublishedManifest(
                key: BuildCache.key(digest: digest, instants: instants, now: context.now), instants: instants,
                warnings: context.warnings.filter { !notes.contains($0) }.map {
                    $0.replacingOccurrences(of: now, with: BuildCache.nowMarker)
                },
                headroom: context.budget.max { $0.counted < $1.counted }?.headroom, files: spool.publishedEntries())
            guard Set(manifest.files.keys) == Set(context.files.paths) else {
                use.store.forget()
                return
            }
            try use.store.save(manifest)
        } catch {
            use.store.forget()
            context.warnings.append("注意:网站已发布,但构建缓存没能保存(\(error));下次构建会完整重建")
        }
    }
}
