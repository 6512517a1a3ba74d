import Foundation
import PasslineCore

/// Scores a question against every intent in content and every FAQ entry, and ranks them.
///
/// Evidence: a pattern match (strong), similarity to a phrasing or the FAQ question, and keywords
/// found. Nothing here names an intent: what is recognised is what content says.
public struct IntentClassifier: Sendable {
    /// A thing that can answer: an intent from Content/inquiry or a FAQ entry.
    public enum Target: Sendable, Hashable {
        case intent(String)
        case faq(String)
    }

    public struct Candidate: Sendable {
        public var target: Target
        public var score: Double
        public var patternMatched: Bool
        /// The part of `score` from the caller's words alone (phrasing similarity and keywords), without
        /// the pattern bonus: how closely the question is *this* entry's question, not just its topic.
        public var evidence: Double = 0
    }

    struct Profile: Sendable {
        var target: Target
        var patterns: [IntentPattern]
        var phrasings: [BigramSet]
        var keywords: [String]
        /// Each keyword's characters, to find it with a word put in between (`没去申报` for `没申报`).
        var keywordCharacters: [[Character]] = []
        /// The same as scalars, when each is one scalar `PatternMatcher` compares.
        var keywordScalars: [[UInt32]?] = []
    }

    let profiles: [Profile]
    /// Phrasing similarity above which a question counts as asked in content's own words.
    static let nearExact = 0.92
    let weights: BigramWeights
    /// Each keyword's weight: rarer keywords (found in fewer profiles' words) say more.
    let keywordWeights: KeywordWeights
    /// Every phrasing of every profile, flattened: its profile, its weighted total, and for each bigram
    /// the phrasings holding it (an inverted index), so a question is compared with all phrasings by
    /// looking up its own twenty-odd bigrams instead of intersecting hundreds of sets.
    let phrasingProfile: [Int]
    let phrasingTotal: [Double]
    let postings: [UInt64: [Int32]]
    /// FAQ id → the intent that answers with it, so a FAQ match reports its intent.
    let intentForFAQ: [String: String]

    public init(book: RuleBook, normalizer: Normalizer) {
        func norm(_ text: String) -> String { normalizer.compact(text) }
        var profiles: [Profile] = []
        var texts: [String] = []
        var intentForFAQ: [String: String] = [:]
        for intent in book.inquiry?.intents ?? [] {
            texts.append((intent.phrasings + intent.keywords).map(norm).joined(separator: "|"))
            let patterns = intent.patterns.map(IntentPattern.init)
            profiles.append(
                Profile(
                    target: .intent(intent.id), patterns: patterns, phrasings: intent.phrasings.map { BigramSet(norm($0)) },
                    keywords: intent.keywords.map(norm).filter { !$0.isEmpty }))
            if let faq = intent.faq, intentForFAQ[faq] == nil { intentForFAQ[faq] = intent.id }
            for faq in intent.supersedes { intentForFAQ[faq] = intent.id }
        }
        for entry in book.faq {
            texts.append(([entry.question] + entry.phrasings + entry.keywords).map(norm).joined(separator: "|"))
            profiles.append(
                Profile(
                    target: .faq(entry.id), patterns: [], phrasings: ([entry.question] + entry.phrasings).map { BigramSet(norm($0)) },
                    keywords: entry.keywords.map(norm).filter { !$0.isEmpty }))
        }
        for i in profiles.indices {
            profiles[i].keywordCharacters = profiles[i].keywords.map { Array($0) }
            profiles[i].keywordScalars = profiles[i].keywords.map { PatternMatcher.Scalars($0)?.values }
        }
        keywordWeights = KeywordWeights(texts: texts)
        self.profiles = profiles
        self.intentForFAQ = intentForFAQ
        weights = BigramWeights(documents: profiles.map(\.phrasings))
        var phrasingProfile: [Int] = [], phrasingTotal: [Double] = [], postings: [UInt64: [Int32]] = [:]
        for (p, profile) in profiles.enumerated() {
            for phrasing in profile.phrasings where !phrasing.isEmpty {
                let index = Int32(phrasingProfile.count)
                phrasingProfile.append(p)
                phrasingTotal.append(weights.total(phrasing))
                for gram in phrasing.grams { postings[gram, default: []].append(index) }
            }
        }
        self.phrasingProfile = phrasingProfile
        self.phrasingTotal = phrasingTotal
        self.postings = postings
    }

    /// A keyword of three characters or more with one character put in between (`没去申报` has
    /// `没申报`, `发的是什么证` has `发什么证` once particles are dropped): callers add words.
    static func containsLoosely(_ keyword: [Character], in text: [Character]) -> Bool {
        containsLoosely(keyword, in: text) { BigramSet.ignored.contains($0) }
    }

    /// The same on scalars (text and keyword each one scalar per character, as `PatternMatcher` reads them).
    static func containsLoosely(_ keyword: [UInt32], in text: [UInt32]) -> Bool {
        containsLoosely(keyword, in: text) { BigramSet.ignoredScalars.contains($0) }
    }

    private static func containsLoosely<C: Equatable>(_ keyword: [C], in text: [C], ignored: (C) -> Bool) -> Bool {
        guard keyword.count >= 3, text.count > keyword.count else { return false }
        for start in 0..<(text.count - keyword.count) where text[start] == keyword[0] {
            var k = 1, i = start + 1, skipped = 0
            while k < keyword.count, i < text.count {
                if text[i] == keyword[k] {
                    k += 1
                } else if ignored(text[i]) || skipped == 0 {
                    if !ignored(text[i]) { skipped += 1 }
                } else {
                    break
                }
                i += 1
            }
            if k == keyword.count { return true }
        }
        return false
    }

    /// All candidates with some evidence, best first.
    public func rank(_ text: String) -> [Candidate] {
        let grams = BigramSet(text)
        let total = weights.total(grams)
        // Text of one simple scalar per character is searched by scalar; other text by `Character`.
        let scalars = PatternMatcher.Scalars(text)
        let characters = scalars == nil ? Set(text) : []
        let textCharacters = scalars == nil ? Array(text) : []
        // Weighted bigrams shared with each phrasing, through the inverted index.
        var shared = [Double](repeating: 0, count: phrasingTotal.count)
        for gram in grams.grams {
            guard let holding = postings[gram] else { continue }
            let weight = weights.weight(gram)
            for index in holding { shared[Int(index)] += weight }
        }
        var similarities = [Double](repeating: 0, count: profiles.count)
        if total > 0 {
            for (index, sharedWeight) in shared.enumerated() where sharedWeight > 0 {
                let phrasingTotal = phrasingTotal[index]
                // As `BigramWeights.similarity`: half Dice, half how much of the phrasing the question holds.
                let value = 0.5 * (2 * sharedWeight / (total + phrasingTotal)) + 0.5 * sharedWeight / phrasingTotal
                let p = phrasingProfile[index]
                if value > similarities[p] { similarities[p] = value }
            }
        }
        var candidates: [Candidate] = []
        for (p, profile) in profiles.enumerated() {
            var score = 0.0
            let matched =
                if let scalars {
                    profile.patterns.filter { $0.matches(text, scalars: scalars) }.count
                } else {
                    profile.patterns.filter { $0.matches(text, characters: characters) }.count
                }
            if matched > 0 { score += 1.0 + 0.15 * Double(min(matched - 1, 3)) }
            let similarity = similarities[p]
            score += similarity
            // A question asked almost word for word as content phrases it is as strong as a pattern.
            if similarity >= Self.nearExact && matched == 0 { score += 1.0 }
            var keywordScore = 0.0
            for (i, keyword) in profile.keywords.enumerated() {
                if text.containsText(keyword) {
                    keywordScore += keywordWeights.weight(of: keyword)
                } else {
                    let loosely =
                        if let scalars, let keywordScalars = profile.keywordScalars[i] {
                            Self.containsLoosely(keywordScalars, in: scalars.values)
                        } else {
                            // A keyword of other characters (rare): compared by `Character`.
                            Self.containsLoosely(profile.keywordCharacters[i], in: scalars == nil ? textCharacters : Array(text))
                        }
                    if loosely { keywordScore += 0.75 * keywordWeights.weight(of: keyword) }
                }
            }
            score += min(keywordScore, 0.6)
            if score > 0.05 {
                candidates.append(
                    Candidate(
                        target: profile.target, score: score, patternMatched: matched > 0, evidence: similarity + min(keywordScore, 0.6)))
            }
        }
        return candidates.sorted { $0.score > $1.score }
    }
}

/// A keyword found in the words of many profiles (`单独划线`, `补申领`) says little about which one is
/// meant; one found in a single profile's words (`省线`, `遗失`) says a lot, as bigrams do.
///
/// Worked out when a question first holds the keyword, not at start-up: finding each of content's
/// keywords in every profile's words was a tenth of building the bot, and a question holds a few.
final class KeywordWeights: @unchecked Sendable {
    /// Each profile's phrasings and keywords, normalised, joined by `|`.
    private let texts: [String]
    private var known: [String: Double] = [:]
    private let lock = NSLock()

    init(texts: [String]) { self.texts = texts }

    func weight(of keyword: String) -> Double {
        lock.lock()
        defer { lock.unlock() }
        if let weight = known[keyword] { return weight }
        let n = Double(max(texts.count, 1))
        let df = Double(max(1, texts.filter { $0.containsText(keyword) }.count))
        let rarity: Double = Foundation.log(1 + n / df) / Foundation.log(1 + n / 2)
        let weight = min(Double(keyword.count), 4) * 0.08 * rarity
        known[keyword] = weight
        return weight
    }
}
