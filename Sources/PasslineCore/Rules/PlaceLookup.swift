import Foundation

/// Answers "is this place a 单独划线地区?" for one place name, from areas/*.md and the place vocabulary
/// of Content/inquiry/places.md — the same names the helpdesk bot's gazetteer reads, so the site's
/// place question and the bot agree.
///
/// Why a separate type from the bot's gazetteer: the gazetteer finds places *inside a sentence*; the
/// calculator asks for one place and must say what to do next (in scope, not, name your county, ask
/// the provincial office). The names, their short forms and the precedence between them follow the
/// gazetteer exactly (full names before short forms, areas in file order, then the places outside
/// every category), which `PlaceLookupAgreementTests` checks against `inquiry`'s answers.
/// No place name is written here: every one comes from the `RuleBook`.
public struct PlaceLookup: Sendable {
    /// Where a name stands in content, before it is turned into advice.
    public enum Status: Hashable, Sendable, Codable {
        /// Named in the area's place list.
        case listed(area: String)
        /// The region of an area (`四川`, `新疆`).
        case region(area: String)
        /// Inside the area's region but not named in its list (`成都`, `乌鲁木齐`).
        case within(area: String)
        /// Outside every category of the legal basis (`北京`).
        case notDelineated
    }

    /// What the candidate is told.
    public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
        /// The place is a 单独划线地区.
        case inScope = "in-scope"
        /// The place is outside every delineated category.
        case notInScope = "not-in-scope"
        /// A prefecture-level city with listed counties (places.md `prefectures`), or a region whose
        /// list is complete: the county decides, so the candidate is asked for it (`counties`).
        case askCounty = "ask-county"
        /// The region's list is known to be incomplete: a place not on it may still be in scope, so
        /// the candidate is sent to the provincial office (listed counties are still shown).
        case askOffice = "ask-office"
        /// No list names the place: the lookup cannot tell and never guesses.
        case unknown
    }

    /// One answer: the outcome, the place as content names it, its area and what the answer rests on.
    public struct Answer: Hashable, Sendable {
        public var outcome: Outcome
        /// The name as typed (trimmed).
        public var query: String
        /// The name as content writes it (`喀什地区` for `喀什`); the query itself when unknown.
        public var place: String
        public var status: Status?
        public var area: Area?
        /// For `askCounty`: the listed counties to choose from (the city's, or the region's list).
        public var counties: [String]
        /// The sources the answer rests on: the area's, or those of the not-delineated list.
        public var sources: [Source]
        /// The weakest confidence among `sources`: an answer is no surer than its least sure source.
        public var confidence: Source.Confidence?
        /// For a place the sources disagree about (places.md `disputed`): the line of the area's notes
        /// that says how, to be shown with the answer.
        public var dispute: String? = nil
        /// For a name outside every category that is easily taken for a delineated place (places.md
        /// `see_also`, `海南` → `海南藏族自治州`): that place, in its area.
        public var seeAlso: SeeAlso? = nil
    }

    /// A delineated place the caller may mean instead of the name asked about.
    public struct SeeAlso: Hashable, Sendable {
        public var place: String
        public var area: Area
    }

    /// A name the lookup recognises, with the name content gives it.
    public struct Entry: Hashable, Sendable {
        public var name: String
        public var canonical: String
        public var status: Status
        /// A short form (`阿坝` for `阿坝县`) rather than a name content writes out.
        public var isShortForm: Bool

        public init(name: String, canonical: String, status: Status, isShortForm: Bool) {
            self.name = name
            self.canonical = canonical
            self.status = status
            self.isShortForm = isShortForm
        }
    }

    public let book: RuleBook
    /// Every recognised name in precedence order (the first entry for a name wins).
    public let entries: [Entry]
    private let byName: [String: Int]

    public init(book: RuleBook) {
        self.book = book
        let vocabulary = book.inquiry?.places ?? PlaceVocabulary()
        let ambiguous = Set(vocabulary.ambiguous.map(Self.normalize))
        let parts = vocabulary.nameParts.sorted { $0.count > $1.count }
        var list: [Entry] = []
        var index: [String: Int] = [:]
        func add(_ word: String, _ canonical: String, _ status: Status, short: Bool) {
            let key = Self.normalize(word)
            guard key.count >= 2, index[key] == nil, !short || !ambiguous.contains(key) else { return }
            index[key] = list.count
            list.append(Entry(name: key, canonical: canonical, status: status, isShortForm: short))
        }
        for area in book.areas {
            add(area.region, area.region, .region(area: area.id), short: false)
            for alias in vocabulary.regions[area.id] ?? [] { add(alias, area.region, .region(area: area.id), short: false) }
            for place in area.places { add(place, place, .listed(area: area.id), short: false) }
            for place in vocabulary.within[area.id] ?? [] { add(place, place, .within(area: area.id), short: false) }
        }
        for place in vocabulary.notDelineated { add(place, place, .notDelineated, short: false) }
        for area in book.areas {
            add(Self.shortRegion(area.region), area.region, .region(area: area.id), short: true)
            for place in area.places { add(Self.shortForm(place, parts: parts), place, .listed(area: area.id), short: true) }
            for place in vocabulary.within[area.id] ?? [] {
                add(Self.shortForm(place, parts: parts), place, .within(area: area.id), short: true)
            }
        }
        entries = list
        byName = index
    }

    /// The answer for one typed name. A name that is not recognised whole is looked for inside the
    /// text (`四川省阿坝县` → `阿坝县`), the most specific recognised part winning.
    public func lookUp(_ text: String) -> Answer {
        let query = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let key = Self.normalize(query)
        if let i = byName[key] { return answer(for: entries[i], query: query) }
        let contained = entries.filter { $0.name.count >= 2 && key.contains($0.name) }
        if let best = contained.max(by: { Self.rank($0) < Self.rank($1) }) { return answer(for: best, query: query) }
        return Answer(outcome: .unknown, query: query, place: query, status: nil, area: nil, counties: [], sources: [], confidence: nil)
    }

    /// The answer for a recognised entry.
    public func answer(for entry: Entry, query: String? = nil) -> Answer {
        let area: Area? =
            switch entry.status {
            case let .listed(id), let .region(id), let .within(id): book.areas.first { $0.id == id }
            case .notDelineated: nil
            }
        let cityCounties: [String]? = if case .within = entry.status { book.inquiry?.places.prefectures[entry.canonical] } else { nil }
        let outcome = Self.outcome(entry.status, area: area, isPrefecture: !(cityCounties ?? []).isEmpty)
        let counties = outcome == .askCounty ? cityCounties ?? area?.places ?? [] : []
        let sourceIDs = area?.sources ?? book.inquiry?.places.notDelineatedSources ?? []
        let sources = sourceIDs.compactMap(book.source)
        return Answer(
            outcome: outcome, query: query ?? entry.canonical, place: entry.canonical, status: entry.status, area: area, counties: counties,
            sources: sources,
            confidence: sources.map(\.confidence).min(by: { Self.strength($0) < Self.strength($1) }),
            dispute: dispute(of: entry.canonical, in: area), seeAlso: seeAlso(of: entry))
    }

    /// The notes' line about the disputed place `place` is, or belongs to.
    func dispute(of place: String, in area: Area?) -> String? {
        guard let area, let disputed = book.inquiry?.places.disputed else { return nil }
        guard let key = disputed.first(where: { $0.key == place || $0.value.contains(place) })?.key else { return nil }
        return area.noteLine(about: key)
    }

    /// The listed place a not-delineated name may be taken for, with its area.
    func seeAlso(of entry: Entry) -> SeeAlso? {
        guard entry.status == .notDelineated, let place = book.inquiry?.places.seeAlso[entry.canonical],
            let area = book.areas.first(where: { $0.places.contains(place) })
        else { return nil }
        return SeeAlso(place: place, area: area)
    }

    /// The rule from status to advice, the same distinctions the bot's area answers make: a city with
    /// listed counties asks for the county; another city of a complete list is out, of an incomplete
    /// one cannot be told (the provincial office can); a region asks for the county when its list is
    /// complete.
    static func outcome(_ status: Status, area: Area?, isPrefecture: Bool) -> Outcome {
        guard let area else { return status == .notDelineated ? .notInScope : .unknown }
        switch status {
        case .listed: return .inScope
        case .within:
            if area.scope == .whole { return .inScope }
            if isPrefecture { return .askCounty }
            return area.complete ? .notInScope : .askOffice
        case .region:
            if area.scope == .whole { return .inScope }
            return area.complete && !area.places.isEmpty ? .askCounty : .askOffice
        case .notDelineated: return .notInScope
        }
    }

    public static func strength(_ confidence: Source.Confidence) -> Int {
        switch confidence {
        case .weak: 0
        case .medium: 1
        case .strong: 2
        }
    }

    /// A listed place is the most specific answer, then a place inside a region, then a place outside
    /// every category, then a region; a longer name beats a shorter one of the same kind.
    public static func rank(_ entry: Entry) -> (Int, Int) {
        let kind =
            switch entry.status {
            case .listed: 3
            case .within: 2
            case .notDelineated: 1
            case .region: 0
            }
        return (kind, entry.name.count)
    }

    /// Spaces (ASCII, ideographic) dropped: what candidates type around a name does not change it.
    public static func normalize(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "\u{3000}" }.map(Character.init))
    }

    /// `四川省` → `四川`, `西藏自治区` → `西藏` (irregular short names are in content's `regions`).
    static func shortRegion(_ region: String) -> String {
        for suffix in ["自治区", "省", "市"] where region.hasSuffix(suffix) && region.count > suffix.count + 1 {
            return String(region.dropLast(suffix.count))
        }
        return region
    }

    static let administrativeSuffixes = ["地区", "自治州", "自治县", "自治旗", "州", "县", "区", "市", "旗"]

    /// `喀什地区` → `喀什`, `临夏回族自治州` → `临夏`: the administrative suffix, then the ethnic
    /// names of content's `name_parts` (longest first), dropped while at least two characters remain.
    static func shortForm(_ name: String, parts: [String]) -> String {
        var text = Substring(name)
        if let suffix = administrativeSuffixes.first(where: { text.hasSuffix($0) }) { text = text.dropLast(suffix.count) }
        var changed = true
        while changed {
            changed = false
            for part in parts where text.hasSuffix(part) && text.count > part.count + 1 {
                text = text.dropLast(part.count)
                changed = true
            }
        }
        return String(text)
    }
}
