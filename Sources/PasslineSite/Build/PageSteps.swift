import ChineseScript
import Foundation
import PasslineCore

extension BuildStep {
    /// Renders every zh-Hans page (`SitePages`). The zh-Hant pages are written by `addTraditionalCopies`.
    public static let renderPages = BuildStep("render pages") { context in
        guard context.options.scripts.contains(.simplified) else { return }
        try SiteRendering.render(.simplified, into: &context)
    }

    /// `notice.txt` (the current notice) and `notice-<id>.txt` (every full notice), in both scripts: the
    /// official text as plain text. A summary has none: its words are ours, not the notice's.
    public static let writeNoticeText = BuildStep("notice.txt") { context in
        let book = try context.requireBook()
        let map = SiteMap(book: book)
        for variant in context.options.scripts {
            let converters = variant == .traditional ? try context.traditionalConverters() : []
            try Parallel.map(
                book.notices.filter { $0.kind == .full }, inChunksOf: PageChunk.size,
                { worker, notice in
                    (notice, NoticeTextPage(notice: notice, book: book).render(converter: converters.isEmpty ? nil : converters[worker]))
                },
                consume: { texts in
                    for (notice, text) in texts {
                        let data = Data(text)
                        for permanent in [false, true] {
                            guard let page = map.textPage(ofNotice: notice, permanent: permanent) else { continue }
                            context.files.put(variant.path(page), data)
                        }
                    }
                })
        }
    }

    /// Writes every zh-Hant page, converted to Traditional characters as it is written (each distinct
    /// piece of text converted once per build), and proves the converted rules embedded in the
    /// calculator and its session files still decode.
    public static let addTraditionalCopies = BuildStep("zh-Hant copies") { context in
        guard context.options.scripts.contains(.traditional) else { return }
        try SiteRendering.render(.traditional, into: &context)
        // Nothing after this step converts: the caches' memory can serve the steps that follow.
        context.traditional = nil
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
            throw StepProblem(["assets/eligibility.js is missing from Sources/PasslineSite/Assets"])
        }
    }

    /// `rules.json`: the whole rule book, the site's versioned public API (docs/rules-json.md).
    public static let publishRules = BuildStep("rules.json") { context in
        let book = try context.requireBook()
        try context.files.put("rules.json") { write in try RulesFile.encode(book, to: write) }
    }
}

/// Renders one script's pages into the build's files.
enum SiteRendering {
    static func render(_ variant: ScriptVariant, into context: inout BuildContext) throws {
        let book = try context.requireBook()
        let pages = try SitePages(book: book, variant: variant, hasTwin: context.options.scripts.contains(variant.twin), now: context.now)
        let converters = variant == .traditional ? try context.traditionalConverters() : []
        @Sendable func converter(_ worker: Int) -> TraditionalConverter? { converters.isEmpty ? nil : converters[worker] }
        func put(_ page: String, _ bytes: [UInt8]) throws {
            if variant == .traditional { try check(page, bytes) }
            context.files.put(variant.path(page), Data(bytes))
        }
        for (page, content) in try pages.singles() { try put(page, content.render(converter: converter(0))) }
        // Every notice keeps its own page for good; the current one is also `notice.html`. Rendered on
        // every core: each page depends only on its notice and the shared, read-only rules.
        try Parallel.map(
            book.notices, inChunksOf: PageChunk.size,
            { worker, notice in
                pages.noticePages(notice).map { ($0.page, $0.content.render(converter: converter(worker))) }
            },
            consume: { rendered in
                for (page, bytes) in rendered.joined() { context.files.put(variant.path(page), Data(bytes)) }
            })
        try Parallel.map(
            pages.listPageNumbers, inChunksOf: PageChunk.size,
            { worker, number in
                let (page, content) = try pages.listPage(number)
                return (page, content.render(converter: converter(worker)))
            },
            consume: { rendered in
                for (page, bytes) in rendered { context.files.put(variant.path(page), Data(bytes)) }
            })
        try Parallel.map(
            try pages.flowPages(), inChunksOf: PageChunk.size,
            { worker, flow in
                (flow.page, flow.content.render(converter: converter(worker)))
            },
            consume: { rendered in
                for (page, bytes) in rendered { context.files.put(variant.path(page), Data(bytes)) }
            })
        let places = try PlaceData(lookup: PlaceLookup(book: book)).script()
        try put(PlaceData.page, converter(0).map { Array($0.convertMarkup(places).utf8) } ?? Array(places.utf8))
        for (page, file) in CalculatorSessionFile.all(book: book, map: pages.map) {
            let script = try file.script()
            try put(page, converter(0).map { Array($0.convertMarkup(script).utf8) } ?? Array(script.utf8))
        }
    }

    /// The calculator's data must survive conversion: OpenCC changes only Chinese text, so a failure
    /// here is a bug, and stops the build rather than publishing a calculator that cannot load.
    private static func check(_ page: String, _ bytes: [UInt8]) throws {
        let path = ScriptVariant.traditional.path(page)
        if page.hasPrefix(CalculatorSessionFile.folder) {
            do {
                _ = try RuleBook.jsonDecoder().decode(
                    CalculatorSessionFile.self,
                    from: Data((CalculatorSessionFile.json(inScript: String(decoding: bytes, as: UTF8.self)) ?? "").utf8))
            } catch {
                throw StepProblem(["\(path): the converted session data no longer decode: \(error)"])
            }
        }
        if page == "calculator.html", let json = EmbeddedRulesReader.rules(inPage: String(decoding: bytes, as: UTF8.self)) {
            do { _ = try RuleBook.jsonDecoder().decode(CalculatorRules.self, from: Data(json.utf8)) } catch {
                throw StepProblem(["\(path): the converted rules no longer decode: \(error)"])
            }
        }
    }
}

extension BuildContext {
    /// The zh-Hant converter for each worker thread: made on first use and kept for the build, so the
    /// notice texts and the pages share one cache of converted text. The workers share one OpenCC handle
    /// too: opening one loads its dictionaries (about 0.1 s each), and with the caches OpenCC is called
    /// only for text not seen before.
    mutating func traditionalConverters() throws -> [TraditionalConverter] {
        if let traditional { return traditional }
        let book = try requireBook()
        let converter = try TraditionalConverter.forBuild(book, content: options.content, warnings: &warnings)
        let all = Array(repeating: converter, count: max(1, Parallel.workers(for: .max)))
        traditional = all
        return all
    }
}

/// Finds the rules a calculator page embeds.
public enum EmbeddedRulesReader {
    public static func rules(inPage html: String) -> String? {
        guard let start = html.range(of: #"<script type="application/json" id="rules">"#),
            let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }
}
