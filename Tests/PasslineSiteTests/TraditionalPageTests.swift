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

    @Test func everyZhHantFileIsItsSimplifiedTextConvertedWhole() throws {
        let converter = try TraditionalConverter()
        let pairs = try Self.pairs()
        #expect(pairs.count > 15)
        for (path, built, simplified) in pairs {
            let text = String(decoding: simplified, as: UTF8.self)
            let expected = Self.wholeConversion(text, spans: Self.protectedSpans(text), openCC: converter.text.openCC)
            #expect(String(decoding: built, as: UTF8.self) == expected, "\(path)")
        }
    }
}
