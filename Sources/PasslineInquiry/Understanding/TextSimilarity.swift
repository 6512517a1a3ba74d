/// How alike two short Chinese texts are, by shared character bigrams: robust to word order, a typo
/// or an extra word, and cheap enough to compare a question with every phrasing in content.
public struct BigramSet: Sendable, Hashable {
    let grams: Set<String>

    public init(_ text: String) {
        let characters = Array(text.filter { !Self.ignored.contains($0) })
        var grams = Set<String>()
        if characters.count == 1 { grams.insert(String(characters)) }
        if characters.count >= 2 {
            for i in 0..<(characters.count - 1) { grams.insert(String(characters[i...(i + 1)])) }
        }
        self.grams = grams
    }

    /// Punctuation and particles that carry no meaning for matching.
    static let ignored: Set<Character> = ["?", "!", ".", ",", ";", ":", "\"", "'", "(", ")", "<", ">", "[", "]", "吗", "呢", "啊", "呀", "吧", "的", "了", "请", "问", " "]

    public var isEmpty: Bool { grams.isEmpty }
}

/// Bigram weights: a bigram found in the phrasings of many intents (`申领`, `划线`) says little about
/// which one is meant; a rare one (`施行`, `省线`) says a lot. Computed from content, like IDF.
public struct BigramWeights: Sendable {
    let weights: [String: Double]
    let unseen: Double

    public init(documents: [[BigramSet]]) {
        var frequency: [String: Int] = [:]
        for document in documents {
            var grams = Set<String>()
            for set in document { grams.formUnion(set.grams) }
            for gram in grams { frequency[gram, default: 0] += 1 }
        }
        let n = Double(max(documents.count, 1))
        var weights: [String: Double] = [:]
        for (gram, count) in frequency { weights[gram] = log(1 + n / Double(count)) }
        self.weights = weights
        unseen = log(1 + n)
    }

    func weight(_ gram: String) -> Double { weights[gram] ?? unseen }

    func total(_ set: BigramSet) -> Double { set.grams.reduce(0) { $0 + weight($1) } }

    /// Weighted overlap in 0…1: half Dice (both texts alike), half how much of the phrasing the
    /// question contains (a long question containing a short phrasing whole still matches it).
    func similarity(question: BigramSet, questionTotal: Double, phrasing: BigramSet) -> Double {
        let phrasingTotal = total(phrasing)
        guard questionTotal > 0, phrasingTotal > 0 else { return 0 }
        let shared = question.grams.intersection(phrasing.grams).reduce(0) { $0 + weight($1) }
        let dice = 2 * shared / (questionTotal + phrasingTotal)
        return 0.5 * dice + 0.5 * shared / phrasingTotal
    }
}

import Foundation
