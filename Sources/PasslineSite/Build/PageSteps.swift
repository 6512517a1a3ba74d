import Foundation
import PasslineCore

extension BuildStep {
    /// Renders every page in both scripts. zh-Hant pages are rendered with their own paths and switch
    /// link but still in Simplified characters; `addTraditionalCopies` converts them.
    public static let renderPages = BuildStep("render pages") { context in
        let book = try context.requireBook("render pages")
        guard let notice = book.currentNotice else { throw BuildFailure(step: "render pages", lines: ["Content has no notice"]) }
        let templates = try TemplateSet.bundled()
        let map = SiteMap(book: book)
        let scripts = context.options.scripts
        for variant in scripts {
            func chrome(_ page: String, _ current: Chrome.Current = .init()) -> Chrome {
                Chrome(variant: variant, page: page, hotline: notice.hotline, current: current, hasTwin: scripts.contains(variant.twin))
            }
            func put(_ page: String, _ template: String, _ model: Any) throws {
                context.files.put(variant.path(page), text: try templates.render(template, model))
            }
            try put("index.html", "home", HomePage(book: book, notice: notice, map: map, chrome: chrome("index.html", .init(home: true))))
            // Every notice keeps its own page for good; the current one is also `notice.html`. Rendered
            // on every core: each page depends only on its notice and the shared, read-only rules.
            let current = notice.id, hotline = notice.hotline, hasTwin = scripts.contains(variant.twin)
            try Parallel.map(book.notices, inChunksOf: PageChunk.size, { _, each in
                let permanent = map.permanentPage(ofNotice: each.id)
                return try Set([map.page(ofNotice: each.id), permanent]).sorted().map { page in
                    let chrome = Chrome(variant: variant, page: page, hotline: hotline, current: .init(notice: each.id == current), hasTwin: hasTwin)
                    return (variant.path(page), try templates.render("notice", NoticePage(notice: each, book: book, map: map, permanent: page == permanent, chrome: chrome)))
                }
            }, consume: { pages in
                for (path, text) in pages.joined() { context.files.put(path, text: text) }
            })
            try Parallel.map(Array(1...NoticeListPage.pageCount(book)), inChunksOf: PageChunk.size, { _, number in
                let page = NoticeListPage.file(page: number)
                let chrome = Chrome(variant: variant, page: page, hotline: hotline, current: .init(notices: true), hasTwin: hasTwin)
                return (variant.path(page), try templates.render("notices", NoticeListPage(book: book, map: map, page: number, chrome: chrome)))
            }, consume: { pages in
                for (path, text) in pages { context.files.put(path, text: text) }
            })
            try put("changelog.html", "changelog", ChangelogPage(book: book, chrome: chrome("changelog.html", .init(changelog: true))))
            try put("thresholds.html", "thresholds", ThresholdsPage(book: book, notice: notice, map: map, chrome: chrome("thresholds.html", .init(thresholds: true))))
            try put("areas.html", "areas", AreasPage(book: book, map: map, chrome: chrome("areas.html", .init(areas: true))))
            try put("faq.html", "faq", FAQPage(book: book, map: map, chrome: chrome("faq.html", .init(faq: true))))
            try put("calculator.html", "calculator", try CalculatorPage(book: book, notice: notice, map: map, chrome: chrome("calculator.html", .init(calculator: true))))
            for (page, file) in CalculatorSessionFile.all(book: book, map: map) { context.files.put(variant.path(page), text: try file.script()) }
            try put("sources.html", "sources", SourcesPage(book: book, chrome: chrome("sources.html", .init(sources: true))))
            try put("404.html", "404", PlainPage(chrome: chrome("404.html")))
        }
    }

    /// `notice.txt` (the current notice) and `notice-<id>.txt` (every full notice), in both scripts: the
    /// official text as plain text. A summary has none: its words are ours, not the notice's.
    public static let writeNoticeText = BuildStep("notice.txt") { context in
        let book = try context.requireBook("notice.txt")
        let map = SiteMap(book: book)
        let templates = try TemplateSet.bundled()
        let scripts = context.options.scripts
        try Parallel.map(book.notices, inChunksOf: PageChunk.size, { _, notice in
            (notice, try templates.render("notice-text", NoticeTextPage(notice: notice)))
        }, consume: { texts in
            for (notice, text) in texts {
                for permanent in [false, true] {
                    guard let page = map.textPage(ofNotice: notice, permanent: permanent) else { continue }
                    for variant in scripts { context.files.put(variant.path(page), text: text) }
                }
            }
        })
    }

    /// Converts every page under `zh-Hant/` to Traditional characters with OpenCC, and proves the
    /// converted rules embedded in the calculator still decode.
    public static let addTraditionalCopies = BuildStep("zh-Hant copies") { context in
        guard context.options.scripts.contains(.traditional) else { return }
        let folder = ScriptVariant.traditional.folder
        let sessions = folder + CalculatorSessionFile.folder
        let paths = context.files.paths.filter { $0.hasPrefix(folder) && ($0.hasSuffix(".html") || $0.hasSuffix(".txt") || $0.hasPrefix(sessions)) }
        // Pages are converted on every core, each thread with its own OpenCC handle.
        let converters = try (0..<Parallel.workers(for: paths.count)).map { try TraditionalConverter(ownHandle: $0 > 0) }
        let files = context.files
        try Parallel.map(paths, inChunksOf: PageChunk.size, { worker, path in
            (path, try converters[worker].convertMarkup(files.text(path) ?? "", name: path))
        }, consume: { pages in
            for (path, converted) in pages {
                context.files.put(path, text: converted)
                if path.hasPrefix(sessions) {
                    do { _ = try RuleBook.jsonDecoder().decode(CalculatorSessionFile.self, from: Data((CalculatorSessionFile.json(inScript: converted) ?? "").utf8)) } catch {
                        throw BuildFailure(step: "zh-Hant copies", lines: ["\(path): the converted session data no longer decode: \(error)"])
                    }
                }
                if path.hasSuffix("calculator.html"), let json = EmbeddedRulesReader.rules(inPage: converted) {
                    do { _ = try RuleBook.jsonDecoder().decode(CalculatorRules.self, from: Data(json.utf8)) } catch {
                        throw BuildFailure(step: "zh-Hant copies", lines: ["\(path): the converted rules no longer decode: \(error)"])
                    }
                }
            }
        })
    }

    /// The stylesheet and scripts, shared by both scripts' pages, minified (comments and spaces only).
    public static let copyAssets = BuildStep("assets") { context in
        for asset in try BundledAssets.all() {
            let text = String(decoding: asset.data, as: UTF8.self)
            switch asset.name.split(separator: ".").last {
            case "js": context.files.put("assets/" + asset.name, text: AssetMinifier.javaScript(text))
            case "css": context.files.put("assets/" + asset.name, text: AssetMinifier.css(text))
            default: context.files.put("assets/" + asset.name, asset.data)
            }
        }
        guard context.files["assets/eligibility.js"] != nil else {
            throw BuildFailure(step: "assets", lines: ["assets/eligibility.js is missing from Sources/PasslineSite/Assets"])
        }
    }

    /// `rules.json`: the whole rule book, the site's versioned public API (docs/rules-json.md).
    public static let publishRules = BuildStep("rules.json") { context in
        let book = try context.requireBook("rules.json")
        try context.files.put("rules.json") { write in try RulesFile.encode(book, to: write) }
    }
}

/// Finds the rules a calculator page embeds.
public enum EmbeddedRulesReader {
    public static func rules(inPage html: String) -> String? {
        guard let start = html.range(of: #"<script type="application/json" id="rules">"#),
              let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }
}
