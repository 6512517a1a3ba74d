/// Words whose Traditional form is decided by Content, not by OpenCC: proper nouns that OpenCC's
/// character-by-character conversion gets wrong (岳普湖县 is 岳普湖縣, not 嶽普湖縣; 紫云 is 紫雲), and
/// a few common words written otherwise by readers (发布 → 發布, not 發佈).
///
/// Wherever a word of the table occurs in the text (the longest one at the leftmost place), its form
/// from the table is written and OpenCC sees the text on either side separately, as it sees the text
/// around a link.
public struct TraditionalForms: Sendable, Hashable {
    public struct Form: Sendable, Hashable {
        public let simplified: String
        public let traditional: String

        public init(simplified: String, traditional: String) {
            self.simplified = simplified
            self.traditional = traditional
        }
    }

    public let forms: [Form]
    /// By the first scalar of the Simplified word: the words starting with it, longest first.
    private let byFirst: [Unicode.Scalar: [(word: [UInt8], form: [UInt8])]]

    /// Words with an ASCII character or none at all are left out: the converter works on runs of
    /// non-ASCII text, where such a word can never be found (the content check refuses them).
    public init(_ forms: [Form]) {
        self.forms = forms
        var byFirst: [Unicode.Scalar: [(word: [UInt8], form: [UInt8])]] = [:]
        for form in forms {
            guard let first = form.simplified.unicodeScalars.first, !form.simplified.utf8.contains(where: { $0 < 0x80 }) else { continue }
            byFirst[first, default: []].append((Array(form.simplified.utf8), Array(form.traditional.utf8)))
        }
        self.byFirst = byFirst.mapValues { $0.sorted { $0.word.count > $1.word.count } }
    }

    public static let none = TraditionalForms([])

    public var isEmpty: Bool { byFirst.isEmpty }

    public static func == (lhs: TraditionalForms, rhs: TraditionalForms) -> Bool { lhs.forms == rhs.forms }
    public func hash(into hasher: inout Hasher) { hasher.combine(forms) }

    /// A run of non-ASCII text cut where the table's words are: each piece is either text for OpenCC
    /// (`form == nil`) or a word of the table with its form.
    func pieces(of run: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, form: [UInt8]?)] {
        guard !byFirst.isEmpty else { return [(0..<run.count, nil)] }
        var pieces: [(range: Range<Int>, form: [UInt8]?)] = []
        var textStart = 0, index = 0
        while index < run.count {
            let (scalar, length) = Self.scalar(in: run, at: index)
            if let candidates = scalar.flatMap({ byFirst[$0] }),
                let match = candidates.first(where: { Self.has($0.word, in: run, at: index) })
            {
                if index > textStart { pieces.append((textStart..<index, nil)) }
                pieces.append((index..<(index + match.word.count), match.form))
                index += match.word.count
                textStart = index
            } else {
                index += length
            }
        }
        if textStart < run.count { pieces.append((textStart..<run.count, nil)) }
        return pieces
    }

    private static func has(_ word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + word.count <= bytes.count else { return false }
        for offset in 0..<word.count where bytes[index + offset] != word[offset] { return false }
        return true
    }

    /// The scalar whose UTF-8 starts at `index`, and its length in bytes (1 for a stray byte).
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard index + length <= bytes.count else { return (nil, 1) }
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<max(1, length) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value), length)
    }
}
