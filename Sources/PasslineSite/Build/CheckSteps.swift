import Foundation
import PasslineCore

extension BuildStep {
    /// Fails the build on any internal link or anchor that leads nowhere.
    public static let checkLinks = BuildStep("check links") { context in
        let problems = LinkChecker().check(context.files)
        guard problems.isEmpty else { throw StepProblem(problems.map(\.description)) }
    }

    /// Measures each page with what it loads and fails when one exceeds the budget, naming the content
    /// files that weigh most on it and the fix (`PageShares`); warns about pages that leave less than
    /// the margin, so editors hear about it before a page stops the build.
    public static let measurePages = BuildStep("page budget") { context in
        context.budget = PageWeight.measure(context.files)
        let book = try context.requireBook()
        let budget = PageShares.number(PageWeight.budget)
        for weight in context.budget where weight.withinBudget && !weight.withinMargin {
            let shares = PageShares.of(
                page: weight.page, book: book, files: context.contentFiles, content: context.options.content, now: context.now)
            context.warnings.append(
                "warning: 页面 \(weight.page) 共 \(PageShares.number(weight.counted)) 字节,离上限 \(budget) 字节已不到 \(PageShares.number(PageWeight.margin)) 字节,再加内容就可能让构建停下"
                    + (shares.shares.isEmpty ? "" : "。占得最多的内容文件:\(shares.heaviest)"))
        }
        let over = context.budget.filter { !$0.withinBudget }
        // A zh-Hant page is its Simplified twin converted: when both are over, one message says so.
        let overPaths = Set(over.map(\.page))
        let folder = ScriptVariant.traditional.folder
        func twin(_ page: String) -> String? { overPaths.contains(folder + page) ? folder + page : nil }
        guard over.isEmpty else {
            throw StepProblem(
                over.filter { !($0.page.hasPrefix(folder) && overPaths.contains(String($0.page.dropFirst(folder.count)))) }.flatMap {
                    weight -> [String] in
                    let shares = PageShares.of(
                        page: weight.page, book: book, files: context.contentFiles, content: context.options.content, now: context.now)
                    let also = twin(weight.page).map { "(繁体版 \($0) 也一样)" } ?? ""
                    var lines = [
                        "error: 页面 \(weight.page)\(also) 连同它加载的文件共 \(PageShares.number(weight.counted)) 字节,超过上限 \(budget) 字节(多了 \(PageShares.number(weight.counted - PageWeight.budget)) 字节),在慢速网络上打开太慢"
                    ]
                    if !shares.shares.isEmpty { lines.append("  占得最多的内容文件:\(shares.heaviest)") }
                    lines.append("  " + shares.fix)
                    return lines
                })
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
