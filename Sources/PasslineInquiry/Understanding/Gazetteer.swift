import Foundation
import PasslineCore

/// Finds place names in a question and says where each stands: listed in an area, a region, inside
/// a region but not listed, outside every delineated category, or unknown.
public struct Gazetteer: Sendable {
    struct Name: Sendable {
        var word: String
        var canonical: String
        var status: PlaceStatus
    }

    /// Longest first, so `海南州` (青海) wins over `海南` (the province).
    let names: [Name]
    /// Each name's word as UTF-8, for searching questions without Foundation.
    let nameBytes: [[UInt8]]
    let ambiguous: Set<String>
    /// Parts of a phrase that mean it is not a place name (`单独划线地区`, `哪个县`).
    static let notPlaceParts = [
        "划线", "单独", "哪", "什么", "我们", "本", "该", "各", "外", "全", "这", "那", "其他", "别的", "所在", "当地", "考区", "社区", "小区", "城区", "山区", "地区的", "帮扶",
        "涉藏", "户籍", "工作", "省级", "发证", "在", "考", "没", "里", "了", "过", "申报", "报名", "证书", "成绩"
    ]

    init(book: RuleBook, normalize: (String) -> String) {
        let vocabulary = book.inquiry?.places ?? PlaceVocabulary()
        let ambiguousWords = Set(vocabulary.ambiguous.map(normalize))
        let parts = Self.longestFirst(vocabulary.nameParts)
        ambiguous = ambiguousWords
        var collected: [Name] = []
        var seen = Set<String>()
        func add(_ word: String, _ canonical: String, _ status: PlaceStatus, exact: Bool) {
            let key = normalize(word)
            guard key.count >= 2, !seen.contains(key), exact || !ambiguousWords.contains(key) else { return }
            seen.insert(key)
            collected.append(Name(word: key, canonical: canonical, status: status))
        }
        // Full names first (exact), then short forms, so a full name is never shadowed by a short one.
        for area in book.areas {
            add(area.region, area.region, .region(area: area.id), exact: true)
            for alias in vocabulary.regions[area.id] ?? [] { add(alias, area.region, .region(area: area.id), exact: true) }
            for place in area.places { add(place, place, .listed(area: area.id), exact: true) }
            for place in vocabulary.within[area.id] ?? [] { add(place, place, .within(area: area.id), exact: true) }
        }
        for place in vocabulary.notDelineated { add(place, place, .notDelineated, exact: true) }
        for area in book.areas {
            add(Self.shortRegion(area.region), area.region, .region(area: area.id), exact: false)
            for place in area.places {
                add(Self.shortForm(place, longestFirst: parts), place, .listed(area: area.id), exact: false)
            }
            for place in vocabulary.within[area.id] ?? [] {
                add(Self.shortForm(place, longestFirst: parts), place, .within(area: area.id), exact: false)
            }
        }
        names = collected.map { ($0, $0.word.count) }.sorted { ($0.1, $0.0.word) > ($1.1, $1.0.word) }.map(\.0)
        nameBytes = names.map { Array($0.word.utf8) }
    }

    /// `四川省` → `四川`, `西藏自治区` → `西藏`; regions whose short name is irregular are listed in content.
    static func shortRegion(_ region: String) -> String {
        for suffix in ["自治区", "省", "市"] where region.hasSuffix(suffix) && region.count > suffix.count + 1 {
            return String(region.dropLast(suffix.count))
        }
        return region
    }

    /// Ethnic names longest first, sorted once per bot rather than once per place.
    static func longestFirst(_ parts: [String]) -> [String] {
        parts.map { ($0, $0.count) }.sorted { $0.1 > $1.1 }.map(\.0)
    }

    static let administrativeSuffixes = ["地区", "自治州", "自治县", "自治旗", "州", "县", "区", "市", "旗"]

    /// `喀什地区` → `喀什`, `临夏回族自治州` → `临夏`: the administrative suffix and ethnic names
    /// (`parts`, longest first) dropped. Suffixes are compared as UTF-8 bytes (whole Han characters).
    static func shortForm(_ name: String, longestFirst parts: [String]) -> String {
        var text = Substring(name)
        for suffix in administrativeSuffixes where text.utf8.hasSuffix(suffix.utf8) {
            text = text.dropLast(suffix.count)
            break
        }
        var length = text.count
        var changed = true
        while changed {
            changed = false
            for part in parts where text.utf8.hasSuffix(part.utf8) {
                let partLength = part.count
                guard length > partLength + 1 else { continue }
                text = text.dropLast(partLength)
                length -= partLength
                changed = true
            }
        }
        return String(text)
    }

    /// Every place named in `text` (normalised, no spaces), in order of appearance.
    public func places(in text: String) -> [PlaceMention] {
        let characters = Array(text)
        var taken = [Bool](repeating: false, count: characters.count)
        var found: [PlaceMention] = []
        let searchable = SearchableText(text)
        for (name, bytes) in zip(names, nameBytes) {
            for range in searchable.occurrences(of: bytes) where !taken[range].contains(true) {
                for i in range { taken[i] = true }
                found.append(
                    PlaceMention(name: name.word, canonical: name.canonical, status: name.status, offset: range.lowerBound, role: nil))
            }
        }
        found += unknownPlaces(in: characters, taken: taken)
        return found.sorted { $0.offset < $1.offset }
    }

    /// Characters that end a place name (`金华市`, `某某县`).
    static let placeSuffixes: Set<Character> = ["省", "市", "县", "区", "州", "旗", "盟"]
    /// What may stand right before a place name: the start, punctuation, or `在`, `是`, `到`, `去`, `从`, `我`.
    static let beforePlace: Set<Character> = ["在", "是", "到", "去", "从", "我", ",", ".", "?", "!", ";", ":", " "]

    /// Words shaped like a place that no list names: the bot says it cannot tell, never guesses.
    func unknownPlaces(in characters: [Character], taken: [Bool]) -> [PlaceMention] {
        var result: [PlaceMention] = []
        for (i, c) in characters.enumerated() where Self.placeSuffixes.contains(c) && !taken[i] {
            for length in 2...5 where i - length >= 0 {
                let start = i - length
                let stem = characters[start..<i]
                guard stem.allSatisfy(\.isHanCharacter), !taken[start...i].contains(true) else { break }
                guard start == 0 || Self.beforePlace.contains(characters[start - 1]) else { continue }
                let whole = String(stem) + String(c)
                if Self.notPlaceParts.contains(where: { whole.contains($0) }) { break }
                result.append(PlaceMention(name: whole, canonical: whole, status: .unknown, offset: start, role: nil))
                break
            }
        }
        return result
    }
}

extension Character {
    /// A CJK ideograph (the characters place names are written in).
    var isHanCharacter: Bool {
        guard let v = unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2A6DF).contains(v)
    }
}

extension Collection where Element == UInt8 {
    /// Whether the bytes end with `suffix` (UTF-8 of whole characters ends only at a character end).
    func hasSuffix(_ suffix: some Collection<UInt8>) -> Bool {
        let n = suffix.count
        guard n <= count else { return false }
        return self.dropFirst(count - n).elementsEqual(suffix)
    }
}
