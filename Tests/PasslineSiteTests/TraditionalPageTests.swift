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
        let pages = try SitePages(book: book, variant: .traditional, hasTwin: true)
        var simplified: [(String, [UInt8])] = try pages.singles().map { ($0.page, $0.content.render()) }
        for notice in book.notices {
            simplified += pages.noticePages(notice).map { ($0.page, $0.content.render()) }
            if let text = pages.map.textPage(ofNotice: notice, permanent: true) { simplified.append((text, NoticeTextPage(notice: notice).render())) }
        }
        simplified += pages.listPageNumbers.map { pages.listPage($0) }.map { ($0.page, $0.content.render()) }
        simplified += try CalculatorSessionFile.all(book: book, map: pages.map).map { ($0.page, Array(try $0.file.script().utf8)) }
        return try simplified.map { page, bytes in
            let path = ScriptVariant.traditional.path(page)
            return (path, [UInt8](try #require(context.files[path], "\(path) was not built")), bytes)
        }
    }

    /// Converting `text` whole: the protected spans kept as they are, everything else handed to OpenCC
    /// in one call (each span replaced by a private-use placeholder, then put back).
    static func wholeConversion(_ text: String, spans: [Range<String.Index>], openCC: (String) -> String) -> String {
        var masked = "", kept: [Substring] = []
        var copied = text.startIndex
        for span in spans {
            masked += text[copied..<span.lowerBound] + "\u{E000}\(kept.count)\u{E001}"
            kept.append(text[span])
            copied = span.upperBound
        }
        masked += text[copied...]
        var result = openCC(masked)
        for (index, piece) in kept.enumerated().reversed() {
            result = result.replacingOccurrences(of: "\u{E000}\(index)\u{E001}", with: piece)
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
        for span in (attributes + untranslated).sorted(by: { $0.lowerBound < $1.lowerBound }) where spans.last.map({ $0.upperBound <= span.lowerBound }) ?? true {
            spans.append(span)
        }
        return spans
    }

    /// Issue 11: converts every page and compares it with its text converted whole outside the spans
    /// that must keep their bytes.
    @Test func everyZhHantFileIsItsSimplifiedTextConvertedWhole() throws {
        let converter = try TraditionalConverter()
        let pairs = try Self.pairs()
        #expect(pairs.count > 15)
        for (path, built, simplified) in pairs {
            let text = String(decoding: simplified, as: UTF8.self)
            let expected = Self.wholeConversion(text, spans: Self.mustKeep(text), openCC: converter.text.openCC)
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
        let simplified = try answer("faq.html"), traditional = try answer("zh-Hant/faq.html")
        #expect(simplified.contains("(https://www.ruankao.org.cn/),通信考试考生登录"))
        #expect(traditional.contains("(https://www.ruankao.org.cn/),通信考試考生登錄"))
        #expect(traditional == (try TraditionalConverter()).text.convert(simplified), "the page says what the bot says")
    }
}
