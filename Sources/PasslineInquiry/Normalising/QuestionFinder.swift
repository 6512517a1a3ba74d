/// In a message longer than the bot reads (a caller's whole story pasted in), finds the sentence or
/// sentences that ask something, so that the question at the end of 2,000 characters is not cut off.
/// Question markers are vocabulary (`vocabulary.lists.question_markers` in Content/inquiry).
struct QuestionFinder: Sendable {
    /// Words and signs that make a sentence a question (`吗`, `?`, `什么时候`), Simplified.
    let markers: [String]

    static let sentenceEnds: Set<Character> = ["。", "!", "?", "!", "?", ";", ";", "\n", "…"]

    /// `text` itself when it fits in `limit` characters; otherwise the question sentences, last ones
    /// first kept, in their order, within the limit (its beginning when none asks anything).
    func focus(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        // Only a message mostly in Chinese is read for its question; pasted bytes or code are cut as before.
        let han = text.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count
        guard han * 2 >= text.count else { return String(text.prefix(limit)) }
        var sentences: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if Self.sentenceEnds.contains(character) {
                sentences.append(current)
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { sentences.append(current) }
        let asking = sentences.filter { sentence in markers.contains { sentence.containsText($0) } }
        var kept: [String] = []
        var length = 0
        for sentence in asking.reversed() {
            let trimmed = sentence.trimmingCharacters(in: .whitespaces)
            guard length + trimmed.count <= limit else { break }
            kept.insert(trimmed, at: 0)
            length += trimmed.count
        }
        if kept.isEmpty { return String(text.prefix(limit)) }
        return kept.joined(separator: " ")
    }
}
