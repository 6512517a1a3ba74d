/// How alike two short Chinese texts are, by shared character bigrams: robust to word order, a typo
/// or an extra word, and cheap enough to compare a question with every phrasing in content.
public struct BigramSet: Sendable, Hashable {
    /// Each bigram as a number (two character codes); a one-character text holds that character alone.
    /// Numbers rather than strings: every question is compared with hundreds of phrasings.
    let grams: Set<UInt64>

    public init(_ text: String) {
        var codes: [UInt64] = []
        codes.reserveCapacity(text.utf8.count / 2)
        for character in text {
            // A one-scalar character is ignored exactly when its scalar is (every ignored one is a
            // single scalar): no `Character` hashing for the common case.
            let scalars = character.unicodeScalars
            if scalars.count == 1, let value = scalars.first?.value {
                if !Self.ignoredScalars.contains(value) { codes.append(UInt64(value)) }
            } else if !Self.ignored.contains(character) {
                codes.append(Self.code(character))
            }
        }
        var grams = Set<UInt64>()
        if codes.count == 1 { grams.insert(codes[0] << 32 | 0xFFFF_FFFF) }
        if codes.count >= 2 {
            for i in 0..<(codes.count - 1) { grams.insert(codes[i] << 32 | codes[i + 1]) }
        }
        self.grams = grams
    }

    /// A character's code: its scalar (below 2²¹), or for a character of several scalars a hash of
    /// its UTF-8 with the top bit set (never 0xFFFF_FFFF, which marks a one-character text).
    static func code(_ c: Character) -> UInt64 {
        let scalars = c.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first { return UInt64(scalar.value) }
        var hash: UInt32 = 2_166_136_261
        for byte in c.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return 0x8000_0000 | UInt64(hash & 0x7FFF_FFFE)
    }

    /// Punctuation and particles that carry no meaning for matching.
    static let ignored: Set<Character> = [
        "?", "!", ".", ",", ";", ":", "\"", "'", "(", ")", "<", ">", "[", "]", "吗", "呢", "啊", "呀", "吧", "的", "了", "请", "问", " "
    ]

    /// `ignored` by scalar value.
    static let ignoredScalars: Set<UInt32> = Set(ignored.compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first?.value : nil })

    public var isEmpty: Bool { grams.isEmpty }
}

/// Bigram weights: a bigram found in the phrasings of many intents (`申领`, `划线`) says little about
/// which one is meant; a rare one (`施行`, `省线`) says a lot. Computed from content, like IDF.
public struct BigramWeights: Sendable {
    let weights: [UInt64: Double]
    let unseen: Double

    public init(documents: [[BigramSet]]) {
        var frequency: [UInt64: Int] = [:]
        for document in documents {
            var grams = Set<UInt64>()
            for set in document { grams.formUnion(set.grams) }
            for gram in grams { frequency[gram, default: 0] += 1 }
        }
        let n = Double(max(documents.count, 1))
        var weights: [UInt64: Double] = [:]
        for (gram, count) in frequency { weights[gram] = log(1 + n / Double(count)) }
        self.weights = weights
        unseen = log(1 + n)
    }

    func weight(_ gram: UInt64) -> Double { weights[gram] ?? unseen }

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
