import Foundation
import PasslineCore

extension BuildStep {
    /// Fails the build on any internal link or anchor that leads nowhere.
    public static let checkLinks = BuildStep("check links") { context in
        let problems = LinkChecker().check(context.files)
        guard problems.isEmpty else { throw BuildFailure(step: "check links", lines: problems.map(\.description)) }
    }

    /// Measures each page with what it loads and fails when one exceeds the budget.
    public static let measurePages = BuildStep("page budget") { context in
        context.budget = PageWeight.measure(context.files)
        let over = context.budget.filter { !$0.withinBudget }
        guard over.isEmpty else {
            throw BuildFailure(step: "page budget", lines: over.map { "\($0) exceeds \(PageWeight.budget) bytes" })
        }
    }
}
