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

    /// Dice coefficient in 0…1.
    public func dice(_ other: BigramSet) -> Double {
        guard !grams.isEmpty, !other.grams.isEmpty else { return 0 }
        let shared = grams.intersection(other.grams).count
        return 2 * Double(shared) / Double(grams.count + other.grams.count)
    }

    /// Share of `other`'s bigrams found in this text: a long question that contains a short phrasing
    /// whole still matches it well.
    public func containment(of other: BigramSet) -> Double {
        guard !other.grams.isEmpty else { return 0 }
        return Double(grams.intersection(other.grams).count) / Double(other.grams.count)
    }
}
