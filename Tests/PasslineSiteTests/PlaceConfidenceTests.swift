import Foundation
import PasslineCore
import Testing
@testable import PasslineSite

/// The guided calculator's place question says how far each region's list can be trusted, in the
/// words every other page uses (Content/messages.md `confidence.*`). It said 高/中/低, a second
/// vocabulary a candidate could not match with the sources page's 可靠/较可靠/弱来源.
@Suite struct PlaceConfidenceTests {
    let site: SiteFiles
    let words: Set<String>
    init() throws {
        site = try Fixture.generate().files
        let messages = try String(contentsOf: URL(fileURLWithPath: Fixture.content + "/messages.md"), encoding: .utf8)
        words = Set(
            messages.split(separator: "\n").compactMap { line in
                let parts = line.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].hasPrefix("confidence.") else { return nil }
                return parts[1].trimmingCharacters(in: .whitespaces)
            })
    }

    @Test func theContentDefinesThreeWords() { #expect(words.count == 3, "\(words)") }

    /// Without JavaScript: every region's section on every place page.
    @Test func eachRegionOnThePlacePagesUsesTheSitesWords() {
        var shown = 0
        for page in site.paths where page.hasPrefix("check-") && page.hasSuffix(".html") {
            for match in site.html(page).matches(of: #/名单可靠程度:([^(<"]+)\(/#) {
                shown += 1
                #expect(words.contains(String(match.1)), "\(page): 名单可靠程度:\(match.1)")
            }
        }
        #expect(shown > 0, "no place page shows a list's confidence")
    }

    /// With JavaScript: places.js carries the word the search answer shows, per region.
    @Test func theSearchDataCarriesTheSameWords() throws {
        let script = site.html("places.js")
        let areas = try #require(script.firstMatch(of: #/"a":\[(\[.*?\])\],"n"/#)).1
        let confidences = areas.matches(of: #/\["[^"]+","[^"]*","([^"]*)"\]/#).map { String($0.1) }
        #expect(!confidences.isEmpty)
        for word in confidences where !word.isEmpty { #expect(words.contains(word), "places.js: \(word)") }
        #expect(site.html("zh-Hant/places.js").contains("較可靠"), "the zh-Hant search data is converted too")
    }
}
