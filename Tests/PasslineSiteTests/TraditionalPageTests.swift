import ChineseScript
import Foundation
import PasslineCore
import Testing
@testable import PasslineSite

/// The zh-Hant pages are written piece by piece, each distinct piece converted once per build; they
/// must be exactly the pages converted whole.
@Suite struct TraditionalPageTests {
    /// Every zh-Hant file as the build wrote it, beside the same file rendered in Simplified (the
    /// zh-Hant page before conversion: its paths and switch are already the zh-Hant ones).
    static func pairs(content: String = Fixture.content) throws -> [(path: String, built: [UInt8], simplified: [UInt8])] {
        let context = try Fixture.generate(content: content)
        let book = try #require(context.book)
        let pages = try SitePages(book: book, variant: .traditional, hasTwin: true, now: Date())
        var simplified: [(String, [UInt8])] = try pages.singles().map { ($0.page, $0.content.render()) }
        for notice in book.notices {
            simplified += pages.noticePages(notice).map { ($0.page, $0.content.render()) }
            if let text = pages.map.textPage(ofNotice: notice, permanent: true) {
                simplified.append((text, NoticeTextPage(notice: notice, book: book).render()))
            }
        }
        simplified += try pages.listPageNumbers.map { try pages.listPage($0) }.map { ($0.page, $0.content.render()) }
        simplified += try CalculatorSessionFile.all(book: book, map: pages.map).map { ($0.page, Array(try $0.file.script().utf8)) }
        return try simplified.map { page, bytes in
            let path = ScriptVariant.traditional.path(page)
            return (path, [UInt8](try #require(context.files[path], "\(path) was not built")), bytes)
        }
    }

    /// Converting `text` whole: the protected spans kept as they are, each word of the content's table
    /// written in its form, everything else handed to OpenCC in one call (each span and word replaced
    /// by a private-use placeholder, then put back).
    static func wholeConversion(_ text: String, spans: [Range<String.Index>], forms: [TraditionalForm] = [], openCC: (String) -> String)
        -> String
    {
        var pieces: [(range: Range<String.Index>, replacement: Substring)] = spans.map { ($0, text[$0]) }
        // The table's words outside the spans, the longest at the leftmost place.
        let words = forms.sorted { $0.simplified.count > $1.simplified.count }
        var index = text.startIndex, next = 0
        let kept = spans
        while index < text.endIndex {
            if next < kept.count, kept[next].lowerBound <= index { index = kept[next].upperBound; next += 1; continue }
            if let form = words.first(where: { text[index...].hasPrefix($0.simplified) }) {
                let end = text.index(index, offsetBy: form.simplified.count)
                pieces.append((index..<end, Substring(form.traditional)))
                index = end
            } else {
                index = text.index(after: index)
            }
        }
        pieces.sort { $0.range.lowerBound < $1.range.lowerBound }
        var masked = ""
        var copied = text.startIndex
        for (number, piece) in pieces.enumerated() {
            masked += text[copied..<piece.range.lowerBound] + "\u{E000}\(number)\u{E001}"
            copied = piece.range.upperBound
        }
        masked += text[copied...]
        var result = openCC(masked)
        for (number, piece) in pieces.enumerated().reversed() {
            result = result.replacingOccurrences(of: "\u{E000}\(number)\u{E001}", with: piece.replacement)
        }
        return result
    }

    /// The spans the site protects (`ProtectedRanges`), as string ranges.
    static func protectedSpans(_ text: String) -> [Range<String.Index>] {
        let ranges = Array(text.utf8).withUnsafeBufferPointer { ProtectedRanges.find(in: $0) }
        return ranges.map { range($0, in: text) }
    }

    static func range(_ bytes: Range<Int>, in text: String) -> Range<String.Index> {
        let utf8 = text.utf8
        return utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)
    }

    /// What must keep its bytes on a zh-Hant page, found here independently of the site's own scan:
    /// `href`/`src` values (addresses may hold Chinese) and elements marked `translate="no"` (the switch).
    /// Nothing else: an address in running text is ASCII, which OpenCC leaves alone anyway.
    static func mustKeep(_ text: String) -> [Range<String.Index>] {
        let attributes = text.matches(of: #/(?:^|[^A-Za-z0-9_])((?:href|src)="[^"]*")/#).map { $0.1.startIndex..<$0.1.endIndex }
        let untranslated = text.ranges(of: #/<([a-z0-9]+)\b[^>]*\btranslate="no"[^>]*>.*?</\1>/#.dotMatchesNewlines())
        var spans: [Range<String.Index>] = []
        for span in (attributes + untranslated).sorted(by: { $0.lowerBound < $1.lowerBound })
        where spans.last.map({ $0.upperBound <= span.lowerBound }) ?? true {
            spans.append(span)
        }
        return spans
    }

    /// Issue 11: converts every page and compares it with its text converted whole outside the spans
    /// that must keep their bytes.
    @Test func everyZhHantFileIsItsSimplifiedTextConvertedWhole() throws {
        let converter = try TraditionalConverter()
        let forms = try #require(try ContentLoader(directory: Fixture.content).load().book.traditionalForms)
        let pairs = try Self.pairs()
        #expect(pairs.count > 15)
        for (path, built, simplified) in pairs {
            let text = String(decoding: simplified, as: UTF8.self)
            let expected = Self.wholeConversion(text, spans: Self.mustKeep(text), forms: forms, openCC: converter.text.openCC)
            #expect(String(decoding: built, as: UTF8.self) == expected, "\(path)")
        }
    }

    /// The answer on where to apply names both websites by address in its prose; all of it is
    /// Traditional on the zh-Hant FAQ, as the bot (which converts the same text with `TraditionalText`)
    /// has always said it.
    @Test func theAnswerWithAddressesIsTraditionalAfterThem() throws {
        let site = try Fixture.generate().files
        func answer(_ path: String) throws -> String {
            let html = site.html(path)
            let section = try #require(html.firstMatch(of: #/<section id="where-to-apply">(.*?)</section>/#.dotMatchesNewlines()))
            return String(section.1).replacing(#/<[^>]*>/#, with: "")
        }
        let page = try #require(site.faqPage(holding: "where-to-apply"))
        let simplified = try answer(page), traditional = try answer("zh-Hant/" + page)
        #expect(simplified.contains("(https://www.ruankao.org.cn/),通信考试考生登录"))
        #expect(traditional.contains("(https://www.ruankao.org.cn/),通信考試考生登錄"))
        let forms = try ContentLoader(directory: Fixture.content).load().book.traditionalForms ?? []
        let bot = TraditionalText(forms: TraditionalForms(forms.map { .init(simplified: $0.simplified, traditional: $0.traditional) }))
        #expect(traditional == bot.convert(simplified), "the page says what the bot says")
    }

    /// Issue 11: proper nouns as the table (Content/traditional.md) writes them. Worked out by hand:
    /// 岳普湖县 is 岳普湖縣 (the place keeps 岳; OpenCC writes the mountain's 嶽), 紫云苗族布依族自治县 is
    /// 紫雲苗族布依族自治縣 (OpenCC leaves 云 in the full name); a name without a word of the table is
    /// OpenCC's, and reads back as itself.
    @Test func everyPlaceNameConvertsToTheTablesFormOrRoundTrips() throws {
        let book = try ContentLoader(directory: Fixture.content).load().book
        let forms = try #require(book.traditionalForms)
        var warnings: [String] = []
        let converter = try TraditionalConverter.forBuild(book, content: Fixture.content, warnings: &warnings)
        #expect(warnings.isEmpty, "every line of the table is needed: \(warnings)")
        let simplified = try #require(ScriptConverter(.toSimplified))
        #expect(converter.text.convert("岳普湖县") == "岳普湖縣")
        #expect(converter.text.convert("紫云苗族布依族自治县") == "紫雲苗族布依族自治縣")
        #expect(converter.text.convert("塔什库尔干塔吉克自治县") == "塔什庫爾干塔吉克自治縣")
        #expect(converter.text.convert("叶城县、于田县、凌云县") == "葉城縣、于田縣、凌雲縣", "OpenCC's own forms where they are right")
        let names = book.areas.flatMap { [$0.region] + $0.places }
        #expect(names.count > 200)
        for name in names {
            let converted = converter.text.convert(name)
            if let form = forms.first(where: { name.contains($0.simplified) }) {
                #expect(converted.contains(form.traditional), "\(name) → \(converted): the table writes \(form.traditional)")
            } else {
                #expect(simplified.convert(converted) == name, "\(name) → \(converted) does not read back")
            }
        }
        let areas = try Fixture.generate().files.html("zh-Hant/areas.html")
        #expect(areas.contains("岳普湖縣") && !areas.contains("嶽普湖"))
        #expect(areas.contains("紫雲苗族布依族自治縣") && !areas.contains("紫云"))
    }

    /// No zh-Hant page writes 發佈, 公佈 or 宣佈, the forms the table replaces.
    @Test func theTablesWordsAreWrittenItsWayOnEveryPage() throws {
        let site = try Fixture.generate().files
        for path in site.paths where path.hasPrefix("zh-Hant/") {
            let text = site.text(path) ?? ""
            for wrong in ["發佈", "公佈", "宣佈", "頒佈", "分佈", "嶽普湖"] { #expect(!text.contains(wrong), "\(wrong) in \(path)") }
        }
        #expect(site.html("zh-Hant/index.html").contains("發布"))
    }

    /// A form that does not read back as its word (a typo: 紫雪 for 紫雲) stops the build, naming the line.
    @Test func aFormThatDoesNotReadBackStopsTheBuild() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixture.contentCopy(in: folder)
        try Fixture.edit(content.appendingPathComponent("traditional.md"), replacing: "紫雲苗族布依族自治縣", with: "紫雪苗族布依族自治縣")
        let failure = #expect(throws: BuildFailure.self) { try Fixture.generate(content: content.path) }
        #expect(failure?.step == "zh-Hant copies")
        let line = try #require(failure?.lines.first)
        #expect(line.contains("traditional.md:9:") && line.contains("紫雪苗族布依族自治縣") && line.contains("紫云苗族布依族自治县"), "\(line)")
    }
}
