import Foundation
import PasslineCore

/// Compiles `Content/` into the static site, as a list of named steps run in order.
///
/// Files are made into a work folder beside the output (or memory), never into the output itself;
/// only the last step publishes, switching the complete new site in with one system call, so a
/// failed build leaves the previous `Site/` exactly as it was. Output depends on content alone (no
/// clocks, sorted keys and paths), so two builds of the same content are byte-identical and CI can
/// diff the committed site.
public struct SiteBuilder: Sendable {
    public var options: SiteOptions
    public var steps: [BuildStep]

    public init(options: SiteOptions, steps: [BuildStep] = SiteBuilder.standardSteps) {
        self.options = options
        self.steps = steps
    }

    /// Every step but the final write, in order.
    public static let generationSteps: [BuildStep] = [
        .loadContent, .renderPages, .writeNoticeText, .addTraditionalCopies, .copyAssets,
        .publishRules, .publishFeed, .publishSitemap, .checkXML, .checkLinks, .checkMarks, .measurePages
    ]

    /// With a cache (`SiteOptions.cache`) the first step may find nothing changed and end the build;
    /// without one the cache steps do nothing.
    public static let standardSteps: [BuildStep] = [.consultCache] + generationSteps + [.writeAtomically, .rememberBuild]

    /// Runs the steps; throws `BuildFailure` naming the step that failed.
    @discardableResult
    public func build() throws -> BuildContext {
        var context: BuildContext
        do {
            context = try BuildContext(options: options)
        } catch {
            throw BuildFailure(step: "prepare output", lines: [String(describing: error)])
        }
        let clock = ContinuousClock()
        var finished = false
        defer { if !finished { context.files.spool?.discard() } }
        for step in steps {
            let start = clock.now
            defer { context.timings.append(StepTiming(step: step.name, duration: clock.now - start, peakMemory: StepTiming.peakMemory())) }
            do {
                try step.body(&context)
                try context.files.spool?.flush()
            } catch let failure as BuildFailure {
                throw failure
            } catch let problem as StepProblem {
                throw BuildFailure(step: step.name, lines: problem.lines)
            } catch {
                throw BuildFailure(step: step.name, lines: [String(describing: error)])
            }
            if context.reused != nil {
                // Nothing changed: the published site stays; the empty work folder goes.
                context.files.spool?.discard()
                break
            }
        }
        finished = true
        return context
    }
}

extension BuildStep {
    /// Loads and validates Content/; its errors stop the build before anything is written.
    public static let loadContent = BuildStep("load content") { context in
        do {
            let (book, warnings, files) = try ContentLoader(directory: context.options.content, now: context.now).loadWithFiles()
            context.book = book
            context.contentFiles = files
            context.warnings += warnings.map(\.description)
        } catch let errors as ContentErrors {
            throw StepProblem(errors.diagnostics.map(\.description))
        }
    }

    /// Publishes: the complete new site (already beside the output when spooled) is switched in with
    /// one system call and the previous one deleted (`SiteWriter`, `SiteSpool`).
    public static let writeAtomically = BuildStep("write site") { context in
        let report = try SiteWriter(destination: URL(fileURLWithPath: context.options.output)).write(context.files)
        context.publication = report
        context.warnings += report.notes.filter { !context.warnings.contains($0) }
    }
}
