import Foundation
import PasslineCore

extension BuildStep {
    /// Fails the build on any internal link or anchor that leads nowhere.
    public static let checkLinks = BuildStep("check links") { context in
        let problems = LinkChecker().check(context.files)
        guard problems.isEmpty else { throw StepProblem(problems.map(\.description)) }
    }

    /// Measures each page with what it loads and fails when one exceeds the budget; warns about pages
    /// that leave less than the margin, so editors hear about it before a page stops the build.
    public static let measurePages = BuildStep("page budget") { context in
        context.budget = PageWeight.measure(context.files)
        context.warnings += context.budget.filter { $0.withinBudget && !$0.withinMargin }.map {
            "warning: \($0.page) counts \($0.counted) of \(PageWeight.budget) bytes, less than \(PageWeight.margin) bytes to spare: the next addition to it may stop the build"
        }
        let over = context.budget.filter { !$0.withinBudget }
        guard over.isEmpty else {
            throw StepProblem(over.map { "\($0) exceeds \(PageWeight.budget) bytes" })
        }
    }
}

extension BuildStep {
    /// Fails the build when `feed.xml` or `sitemap.xml` is not well-formed XML: a feed reader or a
    /// search engine drops a malformed file whole, and nothing else would notice (a control character
    /// in a title is enough). Parsed with libxml2 through Foundation's `XMLParser`.
    public static let checkXML = BuildStep("check xml") { context in
        let problems = context.files.paths.filter { $0.hasSuffix(".xml") }.compactMap { path in
            context.files[path].flatMap { XMLCheck.problem(in: $0, named: path) }
        }
        guard problems.isEmpty else { throw StepProblem(problems) }
    }
}
