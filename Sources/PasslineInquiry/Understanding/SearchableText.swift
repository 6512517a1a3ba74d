/// A question prepared for finding many words in it: its UTF-8 bytes and, for each byte that
/// starts a character, that character's offset.
///
/// The bot looks for hundreds of words (place names, qualifications, subjects) in every question;
/// Foundation's `range(of:)` bridges each search to NSString. Normalised text and normalised words
/// are compared exactly, so a byte search that only accepts matches on character boundaries finds
/// what `range(of:)` finds, at a fraction of the cost.
struct SearchableText {
    let bytes: [UInt8]
    /// Character offset at each byte offset (`count` at the end), or -1 inside a character.
    private let characterAt: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var characterAt = [Int](repeating: -1, count: bytes.count + 1)
        var byteOffset = 0
        var index = 0
        for character in text {
            characterAt[byteOffset] = index
            byteOffset += character.utf8.count
            index += 1
        }
        characterAt[bytes.count] = index
        self.characterAt = characterAt
    }

    /// Occurrences of `word` (UTF-8) as character offsets, left to right, never overlapping.
    func occurrences(of word: [UInt8]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = 0
        while let range = next(word, from: &i) { found.append(range) }
        return found
    }

    /// The first occurrence of `word` as character offsets.
    func first(_ word: [UInt8]) -> Range<Int>? {
        var i = 0
        return next(word, from: &i)
    }

    private func next(_ word: [UInt8], from i: inout Int) -> Range<Int>? {
        guard let head = word.first, word.count <= bytes.count else { return nil }
        let last = bytes.count - word.count
        while i <= last {
            if bytes[i] == head, characterAt[i] >= 0, characterAt[i + word.count] >= 0, matches(word, at: i) {
                let range = characterAt[i]..<characterAt[i + word.count]
                i += word.count
                return range
            }
            i += 1
        }
        return nil
    }

    private func matches(_ word: [UInt8], at start: Int) -> Bool {
        var j = 1
        while j < word.count {
            if bytes[start + j] != word[j] { return false }
            j += 1
        }
        return true
    }
}
