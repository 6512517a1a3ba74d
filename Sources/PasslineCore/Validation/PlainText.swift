/// Text in which a UTF-8 byte search gives exactly the answer of Foundation's `contains` and of
/// Swift's Character-based matching, so the loader can search bytes instead of bridging to NSString.
///
/// Foundation's `contains` is not literal: it matches canonically equivalent text (`é` and `e` + U+0301)
/// and compares whole grapheme clusters. Neither matters when every scalar of both strings is "plain":
/// a scalar with no canonical decomposition, that is its own grapheme cluster whatever surrounds it, and
/// that is not a combining mark. Then clusters are scalars and canonical equivalence is equality, so
/// byte equality is the same test. Plain scalars: ASCII except CR (CR LF is one cluster), the CJK
/// Unified Ideographs block, CJK Symbols and Punctuation without its combining tone marks
/// (U+302A–302F), full-width forms up to U+FF60 except the full-width digits (the prose scanners need
/// those to stay on the regex path), and General Punctuation without its spaces, joiners, separators and
/// invisible controls. Notices are written in exactly these; anything else takes the Foundation path.
enum PlainText {
    /// Whether every scalar of `text` is plain (see the type's comment).
    static func isPlain(_ text: some StringProtocol) -> Bool {
        if let result = text.utf8.withContiguousStorageIfAvailable({ isPlain($0) }) { return result }
        return Array(text.utf8).withUnsafeBufferPointer { isPlain($0) }
    }

    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0D { return false }
                i += 1
                continue
            }
            // Only three-byte sequences (U+0800–U+FFFF) can be plain.
            guard b & 0xF0 == 0xE0, i + 2 < n else { return false }
            let scalar = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            guard isPlainScalar(scalar) else { return false }
            i += 3
        }
        return true
    }

    /// Whether a scalar above ASCII is plain.
    static func isPlainScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x4E00...0x9FFF, 0x3000...0x3029, 0x3030...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF60, 0x2010...0x2027, 0x2030...0x205E:
            return true
        default:
            return false
        }
    }

    /// Foundation's `haystack.contains(needle)`, by a byte search when both are plain.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        guard !needle.isEmpty, isPlain(needle), isPlain(haystack) else { return haystack.contains(needle) }
        return bytesContain(haystack.utf8, needle.utf8)
    }

    /// Foundation's `haystack.contains(needle)` on a slice, by a byte search when both are plain.
    static func contains(_ haystack: Substring, _ needle: String) -> Bool {
        guard !needle.isEmpty, isPlain(needle), isPlain(haystack) else { return haystack.contains(needle) }
        return bytesContain(haystack.utf8, needle.utf8)
    }

    /// Whether `needle`'s bytes occur in `haystack`'s (a non-empty needle).
    static func bytesContain<H: Collection<UInt8>, N: Collection<UInt8>>(_ haystack: H, _ needle: N) -> Bool {
        let found = haystack.withContiguousStorageIfAvailable { h in
            needle.withContiguousStorageIfAvailable { n in firstIndex(of: n, in: h) != nil }
        }
        if let found, let found { return found }
        return Array(haystack).withUnsafeBufferPointer { h in Array(needle).withUnsafeBufferPointer { n in firstIndex(of: n, in: h) != nil }
        }
    }

    /// The first offset at which `needle` (non-empty) occurs in `haystack`, from `start`.
    static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let n = needle.count, h = haystack.count
        guard n > 0, h - start >= n else { return nil }
        let first = needle[0]
        var i = start
        let last = h - n
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < n && haystack[i + k] == needle[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }
}
