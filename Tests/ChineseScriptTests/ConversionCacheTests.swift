import ChineseScript
import Testing

/// What the cache changes for readers: nothing. Text converted from the cache, from a cache filled by
/// an earlier build, or past a full cache reads the same as text converted afresh.
@Suite struct ConversionCacheTests {
    static let page = "考试成绩合格标准:审核通过后发布。 第一条 申请时间 2025年"

    @Test func aSecondConversionReadsTheSameAndComesFromTheCache() {
        let cache = ConversionCache()
        let text = TraditionalText(cache: cache)
        let first = text.convert(Self.page)
        let held = cache.count
        #expect(held > 0)
        #expect(text.convert(Self.page) == first)
        #expect(cache.count == held, "nothing new to convert the second time")
    }

    @Test func aCacheFilledFromAnEarlierBuildGivesTheSameText() {
        let earlier = ConversionCache()
        let expected = TraditionalText(cache: earlier).convert(Self.page)
        let next = ConversionCache()
        for entry in earlier.entries { next.store(entry.traditional, for: entry.simplified) }
        #expect(TraditionalText(cache: next).convert(Self.page) == expected)
    }

    @Test func theCacheIsWhatIsUsedOnceItHoldsARun() {
        // Proof that a held run is not converted again: a planted value shows through.
        let cache = ConversionCache()
        cache.store(Array("甲".utf8), for: Array("审核".utf8))
        #expect(TraditionalText(cache: cache).convert("审核 ok") == "甲 ok")
    }

    @Test func aFullCacheStillConvertsEverything() {
        let cache = ConversionCache(capacity: 0)
        let text = TraditionalText(cache: cache)
        #expect(text.convert(Self.page) == TraditionalText().convert(Self.page))
        #expect(cache.count == 0)
        #expect(cache.value(for: Array("审核".utf8)) == nil)
    }
}
