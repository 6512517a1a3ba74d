import Foundation
import PasslineCore

/// What the steps of one build share: the validated rules, the templates, and the files produced so far.
public struct BuildContext: Sendable {
    public let options: SiteOptions
    /// Set by the load step; every later step reads facts only from here.
    public internal(set) var book: RuleBook?
    public internal(set) var warnings: [String] = []
    public internal(set) var files = SiteFiles()
    /// Where each FAQ entry, session, area and notice was read from (`ContentLoader.loadWithFiles`):
    /// the budget step names these files when a page is too heavy.
    public internal(set) var contentFiles: [String: SourceLocation] = [:]
    /// Page sizes measured by the budget step.
    public internal(set) var budget: [PageWeight] = []
    /// How long each step took, in order: what `passline build --timings` prints for profiling.
    public internal(set) var timings: [StepTiming] = []
    /// The instant the site is built for (`SiteOptions.now`, else the moment the build started).
    /// Pages read it for one thing: a window that ended before it is closed for good, and they say so
    /// in their own text (`WindowStatus`); before and during a window the browser computes the state.
    /// A step that makes a page depend on the time must read this, never the clock, so `passline
    /// serve --now` and tests can choose it.
    public let now: Date
    /// What the write step did (files written and linked), once it has run.
    public internal(set) var publication: PublishReport?
    /// The zh-Hant converters of this build (`traditionalConverters()`), kept so that every step that
    /// writes zh-Hant text shares one cache of converted text.
    var traditional: [TraditionalConverter]?
    /// The build cache and what the build learnt from it (`SiteOptions.cache`), nil without one.
    var cache: CacheUse?
    /// Set when the build found its inputs and the published site unchanged and stopped there
    /// (`BuildStep.consultCache`): the site was left exactly as it was, nothing was written.
    public internal(set) var reused: ReusedSite?

    init(options: SiteOptions) throws {
        self.options = options
        now = options.now ?? Date()
        if options.spool {
            let spool = try SiteSpool(beside: URL(fileURLWithPath: options.output))
            files = SiteFiles(spool: spool)
            warnings += spool.notes
            if options.cache {
                // Read with the output's lock held (the spool took it): no other build is writing it.
                let store = BuildCache(destination: spool.destination.path)
                let (manifest, note) = store.load()
                if let note { warnings.append(note) }
                spool.use(manifest)
                cache = CacheUse(store: store, previous: manifest)
            }
        }
    }

    /// The rules, or the failure of the step that needed them too early.
    func requireBook() throws -> RuleBook {
        guard let book else { throw StepProblem(["content was not loaded"]) }
        return book
    }
}

/// Where a build reads and writes, and the few choices that are not content.
public struct SiteOptions: Sendable {
    public var content: String
    public var output: String
    /// The address the site is published at (`https://example.org/`), used only where a format demands
    /// absolute URLs (sitemap, robots.txt); pages always link relatively so the site works from disk.
    public var baseURL: String?
    /// The scripts to publish (both by default). One script alone is for measuring like with like
    /// (a generator that writes each page once); its pages then have no switch to the other script.
    public var scripts: [ScriptVariant]
    /// Keep the generated files on disk, in a folder beside the output, as they are made (what
    /// `passline build` does): a large archive's pages would otherwise all be held in memory until the
    /// write. The write step then switches that folder in; a failed build deletes the folder. Making
    /// the folder takes the output's lock (a second build into the same output is refused). Without
    /// the write step the caller owns the folder and must `discard()` it (`BuildContext.files.spool`).
    public var spool: Bool
    /// The instant to build the site for (`passline build --now`, `passline serve --now`); nil for
    /// the moment the build starts. See `BuildContext.now`.
    public var now: Date?
    /// Keep a build cache beside the output (`BuildCache`; needs `spool`): unchanged files are told
    /// from the last build's manifest without reading the published site back, and a build whose
    /// inputs and published site are all unchanged stops before loading anything (unless
    /// `reuseUnchanged` is off). The output is the same bytes with or without it.
    public var cache: Bool
    /// With `cache`: may a build that finds nothing changed leave the site as it is and stop? Off when
    /// the caller needs what only a full build reports (`passline build --sizes`).
    public var reuseUnchanged: Bool

    public init(
        content: String = "Content", output: String = "Site", baseURL: String? = nil, scripts: [ScriptVariant] = ScriptVariant.allCases,
        spool: Bool = false, now: Date? = nil, cache: Bool = false, reuseUnchanged: Bool = true
    ) {
        self.content = content
        self.output = output
        self.scripts = scripts
        self.spool = spool
        self.now = now
        self.cache = cache
        self.reuseUnchanged = reuseUnchanged
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }
}

/// The wall time of one build step, and the process's peak memory when it ended (which step makes
/// the peak is what a memory optimisation needs to know).
public struct StepTiming: Sendable, CustomStringConvertible {
    public let step: String
    public let duration: Duration
    /// Peak resident memory of the process so far, in bytes.
    public let peakMemory: Int

    public var description: String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return "\(step): \((milliseconds * 10).rounded() / 10) ms, peak memory \(peakMemory >> 20) MiB"
    }

    static func peakMemory() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return usage.ru_maxrss * 1024
    }
}
