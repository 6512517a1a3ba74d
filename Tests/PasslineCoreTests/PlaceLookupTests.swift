import Foundation
import Testing
@testable import PasslineCore

/// The place question's answers, read from Content/: every place an area lists is in scope, every
/// place content says is outside every category is not, and a place inside a region that its list
/// does not name gets "name your county" or "ask the provincial office" as the region's list allows.
@Suite struct PlaceLookupTests {
    let book: RuleBook
    let lookup: PlaceLookup

    init() throws {
        book = try Repo.book()
        lookup = PlaceLookup(book: book)
    }

    @Test func everyListedPlaceIsInScopeInItsArea() throws {
        let places = book.areas.flatMap { area in area.places.map { (area, $0) } }
        #expect(places.count > 100)
        for (area, place) in places {
            let answer = lookup.lookUp(place)
            #expect(answer.outcome == .inScope, "\(place)")
            #expect(answer.area?.id == area.id, "\(place)")
            #expect(answer.place == place)
        }
    }

    @Test func placesOutsideEveryCategoryAreNotInScope() throws {
        let vocabulary = try #require(book.inquiry?.places)
        #expect(!vocabulary.notDelineated.isEmpty)
        for place in vocabulary.notDelineated {
            let answer = lookup.lookUp(place)
            #expect(answer.outcome == .notInScope, "\(place)")
            #expect(answer.area == nil)
            #expect(Set(answer.sources.map(\.id)) == Set(vocabulary.notDelineatedSources))
        }
    }

    /// A city inside a region: a whole region answers for it; a city with listed counties asks for
    /// the county (offering those); another city is out by a complete list, and an incomplete list
    /// sends the candidate to the provincial office.
    @Test func unlistedPlacesFollowTheirRegionsList() throws {
        let vocabulary = try #require(book.inquiry?.places)
        var seen: Set<PlaceLookup.Outcome> = []
        for area in book.areas {
            for place in vocabulary.within[area.id] ?? [] {
                let answer = lookup.lookUp(place)
                let counties = vocabulary.prefectures[place] ?? []
                let expected: PlaceLookup.Outcome =
                    area.scope == .whole ? .inScope : !counties.isEmpty ? .askCounty : area.complete ? .notInScope : .askOffice
                #expect(answer.outcome == expected, "\(place) in \(area.region)")
                #expect(answer.area?.id == area.id)
                #expect(answer.counties == counties, "\(place)")
                seen.insert(answer.outcome)
            }
        }
        #expect(seen == [.inScope, .askCounty, .notInScope, .askOffice], "content has every kind of city")
    }

    @Test func regionsAskForTheCountyUnlessDelineatedWhole() {
        for area in book.areas {
            let answer = lookup.lookUp(area.region)
            switch (area.scope, area.complete && !area.places.isEmpty) {
            case (.whole, _): #expect(answer.outcome == .inScope, "\(area.region)")
            case (.part, true): #expect(answer.outcome == .askCounty, "\(area.region)")
            case (.part, false): #expect(answer.outcome == .askOffice, "\(area.region)")
            }
        }
    }

    /// Names as candidates type them: short forms, a province before the county, spaces.
    @Test(arguments: [
        ("阿坝县", PlaceLookup.Outcome.inScope, "sichuan"), ("四川省阿坝县", .inScope, "sichuan"), ("临夏", .inScope, "gansu"),
        ("喀什", .inScope, "xinjiang"), (" 凉山州 ", .inScope, "sichuan"), ("拉萨", .inScope, "xizang"),
        ("乐山", .askCounty, "sichuan"), ("四川", .askCounty, "sichuan"), ("成都", .notInScope, "sichuan"), ("乌鲁木齐", .askOffice, "xinjiang"),
        // 海南 is a province outside every category; 海南州 is 青海's 海南藏族自治州 (areas/qinghai.md).
        ("海南州", .inScope, "qinghai")
    ])
    func typedNames(text: String, outcome: PlaceLookup.Outcome, area: String) {
        let answer = lookup.lookUp(text)
        #expect(answer.outcome == outcome, "\(text)")
        #expect(answer.area?.id == area, "\(text)")
    }

    @Test func theProvinceHainanIsNotQinghaisPrefecture() {
        #expect(lookup.lookUp("海南").outcome == .notInScope)
        #expect(lookup.lookUp("海南省").outcome == .notInScope)
    }

    /// Short forms that are ordinary words (places.md `ambiguous`) count only as full names.
    @Test func ambiguousShortFormsAreNotRecognised() throws {
        let ambiguous = try #require(book.inquiry?.places.ambiguous)
        let exact = Set(lookup.entries.filter { !$0.isShortForm }.map(\.name))
        for word in ambiguous where !exact.contains(word) {
            #expect(lookup.lookUp(word).outcome == .unknown, "\(word)")
        }
    }

    @Test func anUnknownNameIsNeverGuessed() {
        let answer = lookup.lookUp("某某县")
        #expect(answer.outcome == .unknown)
        #expect(answer.area == nil)
        #expect(answer.place == "某某县")
    }

    /// An answer is no surer than its least sure source (areas/sichuan.md cites a medium source).
    @Test func confidenceIsTheWeakestSourcesConfidence() throws {
        for area in book.areas {
            let answer = lookup.lookUp(area.places.first ?? area.region)
            let levels = area.sources.compactMap { book.source($0)?.confidence }
            #expect(answer.sources.map(\.id) == area.sources)
            let expected: Source.Confidence = levels.contains(.weak) ? .weak : levels.contains(.medium) ? .medium : .strong
            #expect(answer.confidence == expected, "\(area.region)")
        }
    }
}

/// Places the sources disagree about, and names easily taken for a listed place (places.md `disputed`,
/// `see_also`): the lookup carries the area notes' line and the other place, read from content.
@Suite struct PlaceLookupNotesTests {
    let book: RuleBook
    let lookup: PlaceLookup

    init() throws {
        book = try Repo.book()
        lookup = PlaceLookup(book: book)
    }

    @Test func everyDisputedPlaceCarriesTheLineOfItsAreasNotes() throws {
        let disputed = try #require(book.inquiry?.places.disputed)
        #expect(!disputed.isEmpty)
        for (place, members) in disputed {
            let area = try #require(book.areas.first { $0.places.contains(place) })
            let line = try #require(area.noteLine(about: place))
            // The line is the one an areas page reader sees: it names the place and is in the notes.
            #expect(line.contains(place) && area.notes.contains(line))
            for name in [place] + members {
                #expect(lookup.lookUp(name).dispute == line, "\(name)")
                #expect(lookup.lookUp(name).outcome == .inScope, "\(name)")
            }
        }
        // A place of the same area that no one disputes says nothing of the kind.
        let undisputed = try #require(
            book.areas.first { disputed.keys.contains(where: $0.places.contains) }?.places.first { name in
                !disputed.contains { $0.key == name || $0.value.contains(name) }
            })
        #expect(lookup.lookUp(undisputed).dispute == nil)
    }

    @Test func aNameOutsideEveryCategoryPointsToTheListedPlaceItMayMean() throws {
        let seeAlso = try #require(book.inquiry?.places.seeAlso)
        #expect(!seeAlso.isEmpty)
        for (name, place) in seeAlso {
            let answer = lookup.lookUp(name)
            #expect(answer.outcome == .notInScope, "\(name)")
            #expect(answer.seeAlso?.place == place)
            #expect(answer.seeAlso?.area.places.contains(place) == true)
            #expect(lookup.lookUp(place).outcome == .inScope)
        }
    }

    @Test func theCheckNamesTheLineOfADisputedPlaceThatIsNoPlaceOfAnyList() throws {
        let scratch = try ScratchContent()
        defer { scratch.remove() }
        try scratch.replace("inquiry/places.md", "  disputed:\n", with: "  disputed:\n    不存在州: [巴州]\n")
        try scratch.replace("inquiry/places.md", "  see_also:\n", with: "  see_also:\n    广州: 海南藏族自治州\n    天津: 某某县\n")
        let lines = try #require(Self.errors(ContentLoader(directory: scratch.root.path)))
        #expect(lines.contains { $0.contains("places.md:") && $0.contains("'不存在州'") && $0.contains("不是 areas/ 中任何地区名单里的地名") })
        #expect(lines.contains { $0.contains("places.md:") && $0.contains("'某某县'") })
        #expect(!lines.contains { $0.contains("'广州'") }, "广州 is in not_delineated")
    }

    static func errors(_ loader: ContentLoader) -> [String]? {
        do {
            _ = try loader.load()
            return nil
        } catch let errors as ContentErrors {
            return errors.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }
}
