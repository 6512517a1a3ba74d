/// What the helpdesk bot needs beyond the rules: the kinds of question it recognises, the words its
/// normalisers read and the sentences it says, all from `Content/inquiry/`.
///
/// It lives on the `RuleBook` (and so in `rules.json`) because a helpdesk PC may run the bot from the
/// published bundle alone; keeping the vocabulary in content lets editors teach the bot a new phrasing
/// without a code change.
public struct InquiryContent: Codable, Sendable, Hashable {
    public var intents: [InquiryIntent]
    /// The sentences the bot says, by key (`fallback`, `ask.session`), with `{slot}`s.
    public var replies: [String: String]
    public var vocabulary: InquiryVocabulary
    public var places: PlaceVocabulary

    public init(
        intents: [InquiryIntent] = [], replies: [String: String] = [:], vocabulary: InquiryVocabulary = .init(),
        places: PlaceVocabulary = .init()
    ) {
        self.intents = intents
        self.replies = replies
        self.vocabulary = vocabulary
        self.places = places
    }

    public func intent(_ id: String) -> InquiryIntent? { intents.first { $0.id == id } }
}

/// One kind of question: how to recognise it, and which FAQ entry (if any) answers it.
public struct InquiryIntent: Codable, Sendable, Hashable {
    public var id: String
    /// What the intent answers, for editors and the evaluation set.
    public var about: String
    /// Regular expressions over the normalised question; a match is strong evidence.
    public var patterns: [String]
    /// Whole questions as people ask them; a near match counts.
    public var phrasings: [String]
    public var keywords: [String]
    /// The FAQ entry whose answer this intent gives or adds.
    public var faq: String?
    /// FAQ entries this intent answers instead, from live data and with what the caller said (the
    /// threshold intent answers "软考单独划线多少分" rather than the static list).
    public var supersedes: [String]
    /// Whether the intent uses what the caller said (session, level, scores, place), so that a bare
    /// follow-up repeats it with the new values.
    public var usesSlots: Bool

    public init(
        id: String, about: String, patterns: [String], phrasings: [String], keywords: [String], faq: String?, supersedes: [String] = [],
        usesSlots: Bool
    ) {
        self.id = id
        self.about = about
        self.patterns = patterns
        self.phrasings = phrasings
        self.keywords = keywords
        self.faq = faq
        self.supersedes = supersedes
        self.usesSlots = usesSlots
    }
}

/// How callers talk: words the normalisers map to values. None of these is a policy fact.
public struct InquiryVocabulary: Codable, Sendable, Hashable {
    /// `去年` → -1, relative to the instant asked about.
    public var relativeYears: [String: Int]
    /// Words naming a level, by `Level` raw value.
    public var levels: [String: [String]]
    /// Colloquial qualification names → the name in qualifications.md (`高项` → `信息系统项目管理师`).
    public var qualificationAliases: [String: String]
    /// Subject name in exams/*.md → other words callers use for it (`案例分析` → [案例]).
    public var subjects: [String: [String]]
    /// Extra words for an exam, by exam id, besides the exam's own aliases.
    public var exams: [String: [String]]
    /// Words that say which applicant category the caller is, by `Category` raw value.
    public var categories: [String: [String]]
    /// Words that make a question about the present moment.
    public var now: [String]
    /// Filler words that, with slot values only, make a message a follow-up.
    public var followUp: [String]
    /// Common misspellings → the intended word.
    public var corrections: [String: String]
    /// Words of questions about something else (other exams, fees, study): the bot falls back rather
    /// than answer a near match, unless a FAQ entry or intent uses the word itself.
    public var outOfScope: [String]
    /// Further word lists by name (`residence`, `rule_question` …): the bot names the lists it reads in
    /// an enum and reports any other name, so a new kind of word needs no change to the loader.
    public var lists: [String: [String]] = [:]

    public init(
        relativeYears: [String: Int] = [:], levels: [String: [String]] = [:], qualificationAliases: [String: String] = [:],
        subjects: [String: [String]] = [:],
        exams: [String: [String]] = [:], categories: [String: [String]] = [:], now: [String] = [], followUp: [String] = [],
        corrections: [String: String] = [:], outOfScope: [String] = []
    ) {
        self.relativeYears = relativeYears
        self.levels = levels
        self.qualificationAliases = qualificationAliases
        self.subjects = subjects
        self.exams = exams
        self.categories = categories
        self.now = now
        self.followUp = followUp
        self.corrections = corrections
        self.outOfScope = outOfScope
    }
}

/// Place names beyond areas/*.md: places with no delineated part at all, and places inside a region
/// that its list does not name.
public struct PlaceVocabulary: Codable, Sendable, Hashable {
    /// Provinces and cities outside every category of the legal basis.
    public var notDelineated: [String]
    /// The sources that establish `notDelineated` (source ids).
    public var notDelineatedSources: [String]
    /// Area id → names of places inside that region which its place list does not name.
    public var within: [String: [String]]
    /// Area id → other names for its region (`新疆`), besides the region name without 省/市/自治区.
    public var regions: [String: [String]]
    /// Words dropped from a full place name to get its short form (`回族` in 临夏回族自治州).
    public var nameParts: [String]
    /// Short forms that are also ordinary words: only the full place name is recognised.
    public var ambiguous: [String]
    /// Prefecture-level city (as in `within`) → the counties of an area's list inside it: such a city is
    /// neither in nor out as a whole, so the bot asks for the county instead of judging the city.
    public var prefectures: [String: [String]] = [:]
    /// A place of an area's list that the sources disagree about → the other places of the list that
    /// belong to it (`巴音郭楞蒙古自治州` → `库尔勒市`…): wherever one comes up, the line of the area's
    /// notes about it is quoted, so the disagreement is never hidden behind a plain "in scope".
    public var disputed: [String: [String]] = [:]
    /// A name outside every category → a delineated place with a like name the caller may mean
    /// (`海南`, the province → `海南藏族自治州` in 青海).
    public var seeAlso: [String: String] = [:]

    public init(
        notDelineated: [String] = [], notDelineatedSources: [String] = [], within: [String: [String]] = [:],
        regions: [String: [String]] = [:],
        nameParts: [String] = [], ambiguous: [String] = []
    ) {
        self.notDelineated = notDelineated
        self.notDelineatedSources = notDelineatedSources
        self.within = within
        self.regions = regions
        self.nameParts = nameParts
        self.ambiguous = ambiguous
    }
}
