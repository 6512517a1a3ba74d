/// The parts of a page OpenCC must not touch, found by one pass over its UTF-8 bytes. At each position
/// (the leftmost piece wins):
///
/// 1. an attribute `href="…"` or `src="…"` (not inside a longer word: `data-src=` counts, `xsrc=` not):
///    an address may hold Chinese characters that must stay byte-exact;
/// 2. an element marked `translate="no"` in its start tag, up to its first end tag
///    (`<a … translate="no">简体</a>`: the switch names the other script in its own characters).
///
/// Addresses in running text need nothing: they are ASCII (cmark percent-encodes link targets, and
/// content writes addresses in ASCII), and OpenCC never changes ASCII. They used to be shielded up to
/// the next space, quote or angle bracket; but Chinese prose runs straight on after an address
/// (`(https://www.ruankao.org.cn/),通信考试考生登录…`), so the shield took the rest of the paragraph
/// with it and that text stayed Simplified on the zh-Hant page (issue 11).
enum ProtectedRanges {
    private static let href = Array("href=\"".utf8), src = Array("src=\"".utf8)
    private static let translateNo = Array("translate=\"no\"".utf8)

    static func find(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        // Only the script switch is marked: most pieces of a page have no `translate="no"` at all, and
        // then no start tag needs reading.
        let marked = ByteScan.find(translateNo, in: bytes, from: 0) != nil
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // `href="`/`src="` start with h or s, an element with <.
            if byte == 0x68 || byte == 0x73 || (marked && byte == 0x3C),
                let end = attribute(bytes, at: index) ?? (marked ? untranslated(bytes, at: index) : nil)
            {
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

    private static func untranslated(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard bytes[index] == 0x3C else { return nil }
        var nameEnd = index + 1
        while nameEnd < bytes.count,
            (bytes[nameEnd] >= 0x61 && bytes[nameEnd] <= 0x7A) || (bytes[nameEnd] >= 0x30 && bytes[nameEnd] <= 0x39)
        { nameEnd += 1 }
        guard nameEnd > index + 1, nameEnd < bytes.count, !ByteScan.isWord(bytes[nameEnd]),
            let tagEnd = ByteScan.find(0x3E, in: bytes, from: nameEnd)
        else { return nil }
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
