import Testing
@testable import PasslineSite

/// The zh-Hant markup a reader gets: the text converted, while a link's address (which may hold
/// Chinese, e.g. a clause anchor) and the script switch keep their bytes, so links still land.
@Suite struct TraditionalConverterTests {
    @Test func aLinksAddressKeepsItsSimplifiedCharactersWhileItsTextIsConverted() throws {
        let converter = try TraditionalConverter()
        let markup = #"<p>见<a href="notice-2025-01-15.html#第一条审核">第一条审核</a></p>"#
        #expect(converter.convertMarkup(markup) == #"<p>見<a href="notice-2025-01-15.html#第一条审核">第一條審核</a></p>"#)
    }

    @Test func theScriptSwitchNamesTheOtherScriptInItsOwnCharacters() throws {
        let converter = try TraditionalConverter()
        let markup = #"<a href="../index.html" translate="no">简体中文</a> 简体"#
        #expect(converter.convertMarkup(markup) == #"<a href="../index.html" translate="no">简体中文</a> 簡體"#)
    }
}
