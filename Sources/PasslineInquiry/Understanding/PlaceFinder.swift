import Foundation
import PasslineCore

/// Finds the places named in a question: every name `PlaceLookup` (PasslineCore) knows, the same one
/// place model the calculator's place question uses, so the bot and the site never disagree about a
/// place; plus words shaped like a place name that no list names (the bot then says it cannot tell).
///
/// The lookup answers for one name; finding names inside a sentence is the bot's own concern: the
/// longest name wins where two overlap, so `海南州` (青海) is never read as `海南` (the province).
public struct PlaceFinder: Sendable {
    struct Name: Sendable {
        /// The name as the bot's normaliser writes it, to search normalised questions.
        var word: String
        var entry: PlaceLookup.Entry
    }

    public let lookup: PlaceLookup
    /// Longest first.
    let names: [Name]
    /// Each name's word as UTF-8, for searching questions without Foundation.
    let nameBytes: [[UInt8]]
    /// Parts of a phrase that mean it is not a place name (`单独划线地区`, `哪个县`).
    static let notPlaceParts = [
        "划线", "单独", "哪", "什么", "我们", "本", "该", "各", "外", "全", "这", "那", "其他", "别的", "所在", "当地", "考区", "社区", "小区", "城区", "山区", "地区的", "帮扶",
        "涉藏", "户籍", "工作", "省级", "发证", "在", "考", "没", "里", "了", "过", "申报", "报名", "证书", "成绩"
    ]

    /// Every place content names, normalised as questions are.
    init(book: RuleBook, normalizer: Normalizer) {
        self.init(lookup: PlaceLookup(book: book), normalize: normalizer.compact)
    }

    init(lookup: PlaceLookup, normalize: (String) -> String) {
        self.lookup = lookup
        var seen = Set<String>()
        var collected: [Name] = []
        for entry in lookup.entries {
            let word = normalize(entry.name)
            guard word.count >= 2, seen.insert(word).inserted else { continue }
            collected.append(Name(word: word, entry: entry))
        }
        names = collected.map { ($0, $0.word.count) }.sorted { ($0.1, $0.0.word) > ($1.1, $1.0.word) }.map(\.0)
        nameBytes = names.map { Array($0.word.utf8) }
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
                    PlaceMention(
                        name: name.word, canonical: name.entry.canonical, status: name.entry.status, offset: range.lowerBound, role: nil))
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
                if Self.notPlaceParts.contains(where: { whole.containsText($0) }) { break }
                result.append(PlaceMention(name: whole, canonical: whole, status: nil, offset: start, role: nil))
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
