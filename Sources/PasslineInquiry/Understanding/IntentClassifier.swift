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
    }

    struct Profile: Sendable {
        var target: Target
        var patterns: [IntentPattern]
        var phrasings: [BigramSet]
        var keywords: [String]
    }

    let profiles: [Profile]
    /// Phrasing similarity above which a question counts as asked in content's own words.
    static let nearExact = 0.92
    let weights: BigramWeights
    /// FAQ id → the intent that answers with it, so a FAQ match reports its intent.
    let intentForFAQ: [String: String]

    public init(book: RuleBook, normalizer: Normalizer) {
        func norm(_ text: String) -> String { normalizer.compact(text) }
        var profiles: [Profile] = []
        var intentForFAQ: [String: String] = [:]
        for intent in book.inquiry?.intents ?? [] {
            let patterns = intent.patterns.map(IntentPattern.init)
            profiles.append(
                Profile(
                    target: .intent(intent.id), patterns: patterns, phrasings: intent.phrasings.map { BigramSet(norm($0)) },
                    keywords: intent.keywords.map(norm).filter { !$0.isEmpty }))
            if let faq = intent.faq, intentForFAQ[faq] == nil { intentForFAQ[faq] = intent.id }
            for faq in intent.supersedes { intentForFAQ[faq] = intent.id }
        }
        for entry in book.faq {
            profiles.append(
                Profile(
                    target: .faq(entry.id), patterns: [], phrasings: ([entry.question] + entry.phrasings).map { BigramSet(norm($0)) },
                    keywords: entry.keywords.map(norm).filter { !$0.isEmpty }))
        }
        self.profiles = profiles
        self.intentForFAQ = intentForFAQ
        weights = BigramWeights(documents: profiles.map(\.phrasings))
    }

    /// All candidates with some evidence, best first.
    public func rank(_ text: String) -> [Candidate] {
        let grams = BigramSet(text)
        let total = weights.total(grams)
        let characters = Set(text)
        var candidates: [Candidate] = []
        for profile in profiles {
            var score = 0.0
            let matched = profile.patterns.filter { $0.matches(text, characters: characters) }.count
            if matched > 0 { score += 1.0 + 0.15 * Double(min(matched - 1, 3)) }
            var similarity = 0.0
            for phrasing in profile.phrasings where !phrasing.isEmpty {
                similarity = max(similarity, weights.similarity(question: grams, questionTotal: total, phrasing: phrasing))
            }
            score += similarity
            // A question asked almost word for word as content phrases it is as strong as a pattern.
            if similarity >= Self.nearExact && matched == 0 { score += 1.0 }
            var keywordScore = 0.0
            for keyword in profile.keywords where text.containsText(keyword) {
                keywordScore += min(Double(keyword.count), 4) * 0.08
            }
            score += min(keywordScore, 0.6)
            if score > 0.05 { candidates.append(Candidate(target: profile.target, score: score, patternMatched: matched > 0)) }
        }
        return candidates.sorted { $0.score > $1.score }
    }
}
