/// The parts of a page OpenCC must not touch, found by one pass over its UTF-8 bytes. At each position,
/// in this order (the leftmost piece wins, as the regular expression this replaces matched):
///
/// 1. an attribute `href="…"` or `src="…"` (not inside a longer word: `data-src=` counts, `xsrc=` not);
/// 2. a URL: `http:`, `https:`, `ftp:`, `mailto:` or `tel:` and every character up to whitespace, a
///    quote, `<`, `>` or a placeholder;
/// 3. an element marked `translate="no"` in its start tag, up to its first end tag (`<a … translate="no">繁體</a>`).
enum ProtectedRanges {
    /// U+E000 and U+E001 in UTF-8: around a placeholder's number.
    static let open: [UInt8] = [0xEE, 0x80, 0x80], close: [UInt8] = [0xEE, 0x80, 0x81]

    private static let href = Array("href=\"".utf8), src = Array("src=\"".utf8)
    private static let schemes = ["https:", "http:", "ftp:", "mailto:", "tel:"].map { Array($0.utf8) }
    private static let translateNo = Array("translate=\"no\"".utf8)

    static func find(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            if let end = attribute(bytes, at: index) ?? url(bytes, at: index) ?? untranslated(bytes, at: index) {
                ranges.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// A word starts here: the byte before is not an ASCII word character (a non-ASCII letter before,
    /// such as a Chinese character, is a word boundary too).
    private static func startsWord(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index == 0 || !ByteScan.isWord(bytes[index - 1])
    }

    private static func attribute(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let first = bytes[index]
        guard first == 0x68 || first == 0x73, startsWord(bytes, index) else { return nil }
        let name = ByteScan.has(href, in: bytes, at: index) ? href.count : ByteScan.has(src, in: bytes, at: index) ? src.count : 0
        guard name > 0, let close = ByteScan.find(0x22, in: bytes, from: index + name) else { return nil }
        return close + 1
    }

    private static func url(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let first = bytes[index]
        guard first == 0x68 || first == 0x66 || first == 0x6D || first == 0x74,
              let scheme = schemes.first(where: { ByteScan.has($0, in: bytes, at: index) }) else { return nil }
        var end = index + scheme.count
        while end < bytes.count, !endsURL(bytes, at: end) { end += 1 }
        return end > index + scheme.count ? end : nil
    }

    /// `[\s"'<>\x{E000}]`: whitespace (ASCII, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
    /// U+202F, U+205F, U+3000), a quote, an angle bracket, or a placeholder's start.
    private static func endsURL(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return ByteScan.isSpace(byte) || byte == 0x0B || byte == 0x22 || byte == 0x27 || byte == 0x3C || byte == 0x3E }
        func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch byte {
        case 0xC2: return next(1) == 0x85 || next(1) == 0xA0
        case 0xE1: return next(1) == 0x9A && next(2) == 0x80
        case 0xE2:
            if next(1) == 0x80 { let third = next(2); return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF }
            return next(1) == 0x81 && next(2) == 0x9F
        case 0xE3: return next(1) == 0x80 && next(2) == 0x80
        case 0xEE: return next(1) == 0x80 && next(2) == 0x80
        default: return false
        }
    }

    private static func untranslated(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard bytes[index] == 0x3C else { return nil }
        var nameEnd = index + 1
        while nameEnd < bytes.count, (bytes[nameEnd] >= 0x61 && bytes[nameEnd] <= 0x7A) || (bytes[nameEnd] >= 0x30 && bytes[nameEnd] <= 0x39) { nameEnd += 1 }
        guard nameEnd > index + 1, nameEnd < bytes.count, !ByteScan.isWord(bytes[nameEnd]),
              let tagEnd = ByteScan.find(0x3E, in: bytes, from: nameEnd) else { return nil }
        // Only inside the start tag: a search to the end of the page from every tag was quadratic.
        var marked = false
        var at = nameEnd
        while at + translateNo.count <= tagEnd {
            if bytes[at] == 0x74, ByteScan.has(translateNo, in: bytes, at: at), !ByteScan.isWord(bytes[at - 1]) { marked = true; break }
            at += 1
        }
        guard marked else { return nil }
        let endTag = [0x3C, 0x2F] + Array(bytes[(index + 1)..<nameEnd]) + [0x3E]
        guard let close = ByteScan.find(endTag, in: bytes, from: tagEnd + 1) else { return nil }
        return close + endTag.count
    }
}
