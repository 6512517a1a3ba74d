import ArgumentParser
import Foundation
import PasslineCore
import PasslineSite

/// `passline build`: compiles Content/ into the static site, atomically.
/// `--scripts`: which scripts a build publishes.
enum ScriptChoice: String, ExpressibleByArgument, CaseIterable {
    case simplified = "zh-Hans"
    case traditional = "zh-Hant"
    case both

    var variants: [ScriptVariant] {
        switch self {
        case .simplified: [.simplified]
        case .traditional: [.traditional]
        case .both: ScriptVariant.allCases
        }
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate the static site from Content/ (checked, atomic, deterministic).",
        discussion: "On any content error, broken link or page over budget nothing is written and the previous output stays as it was."
    )

    @Option(help: "The content directory.") var content = "Content"
    @Option(help: "The output directory (replaced as a whole on success).") var output = "Site"
    @Option(help: "The published address, e.g. https://example.org/ (only for sitemap.xml and robots.txt).") var baseURL: String?
    @Option(help: "The scripts to publish: zh-Hans, zh-Hant or both (one script alone is for benchmarks).") var scripts: ScriptChoice =
        .both
    @Flag(help: "List every page with its size and what it loads.") var sizes = false
    @Flag(help: "Print how long each build step took (to standard error).") var timings = false
    @Option(
        help:
            "Build the site for this instant, e.g. 2025-02-01T10:00+08:00 (default: now). Pages state each window as it stands then (a window already closed is written as closed, the rest left to the page's script); time-dependent warnings are judged at it."
    ) var now: String?
    @Flag(help: "Build everything from scratch, without the build cache beside the output (.Site.cache); the output is the same.")
    var noCache = false

    func run() throws {
        let options = SiteOptions(
            content: content, output: output, baseURL: baseURL, scripts: scripts.variants, spool: true,
            now: try now.map { try parseNow($0) }, cache: !noCache, reuseUnchanged: !sizes)
        do {
            let context = try SiteBuilder(options: options).build()
            context.warnings.forEach(printError)
            if sizes { context.budget.forEach { print($0.description) } }
            if timings { context.timings.forEach { printError($0.description) } }
            if let reused = context.reused {
                print("\(output):共 \(reused.fileCount) 个文件,内容和程序都没有改动,网站保持原样(构建缓存)" + (reused.headroom.map { ";" + $0 } ?? ""))
                return
            }
            let heaviest = context.budget.max { $0.counted < $1.counted }
            let changed = context.publication.map { ",其中 \($0.written) 个新写入、\($0.linked) 个未改动" } ?? ""
            print(
                "\(output):共 \(context.files.paths.count) 个文件\(changed)"
                    + (heaviest.map { ";" + $0.headroom } ?? ""))
        } catch let failure as BuildFailure {
            failure.lines.forEach(printError)
            printError("构建在「\(failure.title)」这一步停止(\(failure.step)),\(output) 保持原样,没有改动")
            throw ExitCode(1)
        }
    }
}
