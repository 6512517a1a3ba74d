import Foundation
import PasslineCore

/// Compiles `Content/` into the static site, as a list of named steps run in order.
///
/// Everything is produced in memory first; only the last step touches the disk, writing into a
/// temporary folder beside the output and swapping it in, so a failed build leaves the previous
/// `Site/` exactly as it was. Output depends on content alone (no clocks, sorted keys and paths),
/// so two builds of the same content are byte-identical and CI can diff the committed site.
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
        .publishRules, .publishFeed, .publishSitemap, .checkLinks, .measurePages,
    ]

    public static let standardSteps: [BuildStep] = generationSteps + [.writeAtomically]

    /// Runs the steps; throws `BuildFailure` naming the step that failed.
    @discardableResult
    public func build() throws -> BuildContext {
        var context: BuildContext
        do {
            context = try BuildContext(options: options)
        } catch {
            throw BuildFailure(step: "prepare output", lines: ["cannot make the working folder beside \(options.output) (is its parent folder writable?): \(error)"])
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
            } catch {
                throw BuildFailure(step: step.name, lines: [String(describing: error)])
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
            let (book, warnings) = try ContentLoader(directory: context.options.content).load()
            context.book = book
            context.warnings += warnings.map(\.description)
        } catch let errors as ContentErrors {
            throw BuildFailure(step: "load content", lines: errors.diagnostics.map(\.description))
        }
    }

    /// Writes the generated files into a temporary folder next to the output, then swaps it in.
    public static let writeAtomically = BuildStep("write site") { context in
        try SiteWriter(destination: URL(fileURLWithPath: context.options.output)).write(context.files)
    }
}
