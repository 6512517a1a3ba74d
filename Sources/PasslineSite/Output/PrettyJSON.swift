import Foundation
import PasslineCore

/// JSON written the way `RuleBook.jsonEncoder(pretty: true)` writes it, byte for byte: two spaces per
/// level, `"key" : value`, an empty array or object as `[`, an empty line, `]`; strings with `"`, `\`
/// and control characters escaped (`\n`, `\r`, `\t`, `\b`, `\f`, otherwise `\u00xx`), `/` and every
/// other character as it is. Keys are written in the order the caller gives; `JSONEncoder` sorts them
/// by their UTF-8 bytes, so the caller writes them so (`sortedKeys` does it for a dictionary's).
///
/// For the types `rules.json` holds thousands of (`NoticeJSON`): `JSONEncoder` builds a tree of boxed
/// values for every notice and then writes it out, several times the work of writing the bytes.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    /// Spaces before the current level's lines.
    private var indent: Int
    /// For each open array or object: whether nothing has been written in it yet.
    private var empty: [Bool] = []

    /// A writer for a value that starts at `indent` spaces (its later lines are indented from there).
    init(indent: Int = 0, capacity: Int = 4_096) {
        self.indent = indent
        bytes.reserveCapacity(capacity)
    }

    mutating func openObject() { open(0x7B) }
    mutating func closeObject() { close(0x7D) }
    mutating func openArray() { open(0x5B) }
    mutating func closeArray() { close(0x5D) }

    /// Starts the member `key` of the open object; its value follows.
    mutating func key(_ key: String) {
        nextLine()
        string(key)
        bytes += [0x20, 0x3A, 0x20]
    }

    /// Starts the next element of the open array; its value follows.
    mutating func element() { nextLine() }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { escape($0) }
    }

    mutating func int(_ value: Int) { bytes += String(value).utf8 }
    mutating func bool(_ value: Bool) { bytes += (value ? "true" : "false").utf8 }

    /// Keys sorted as `JSONEncoder`'s `.sortedKeys` sorts them: by their UTF-8 bytes.
    static func sortedKeys<Value>(_ dictionary: [String: Value]) -> [String] {
        dictionary.keys.map { (Array($0.utf8), $0) }.sorted { precedes($0.0, $1.0) }.map(\.1)
    }

    private static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let common = min(a.count, b.count)
        guard common > 0 else { return a.count < b.count }
        let order = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in memcmp(x.baseAddress!, y.baseAddress!, common) } }
        return order != 0 ? order < 0 : a.count < b.count
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        empty.append(true)
        indent += 2
    }

    private mutating func close(_ bracket: UInt8) {
        indent -= 2
        if empty.removeLast() { bytes.append(0x0A) }
        newline()
        bytes.append(bracket)
    }

    private mutating func nextLine() {
        if empty[empty.count - 1] { empty[empty.count - 1] = false } else { bytes.append(0x2C) }
        newline()
    }

    private mutating func newline() {
        bytes.append(0x0A)
        if indent <= Self.spaces.count {
            Self.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<indent])) }
        } else {
            bytes.append(contentsOf: repeatElement(0x20, count: indent))
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Whether any of the 8 bytes of `word` is a control character, `"` or `\\` (the classic SWAR tests
    /// for a zero byte, applied to the word, to it XOR `"`s and to it XOR `\\`s, and to "below 0x20").
    @inline(__always) private static func special(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let below = (word &- ones &* 0x20) & ~word & highs
        return (below | zeroByte(word ^ (ones &* 0x22)) | zeroByte(word ^ (ones &* 0x5C))) != 0
    }

    private mutating func escape(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        // Most text has nothing to escape: skip it eight bytes at a time.
        var start = 0
        if let base = text.baseAddress {
            let raw = UnsafeRawPointer(base)
            while start + 8 <= text.count, !Self.special(raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)) { start += 8 }
        }
        if start == text.count {
            bytes.append(contentsOf: text)
            bytes.append(0x22)
            return
        }
        var copied = 0
        for index in start..<text.count {
            let byte = text[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            if index > copied { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<index])) }
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0x08: bytes += [0x5C, 0x62]
            case 0x0C: bytes += [0x5C, 0x66]
            default: bytes += [0x5C, 0x75, 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)]]
            }
            copied = index + 1
        }
        if copied < text.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied...])) }
        bytes.append(0x22)
    }
}

/// A notice as `rules.json` holds it: its synthesized `Codable` keys, sorted, and its instants in
/// Beijing time (`Instant.iso`, as `RuleBook.jsonEncoder` writes dates). A key the model gains must be
/// added here; the tests compare every notice of real and generated content with `JSONEncoder`'s
/// output, so a forgotten one fails them.
enum NoticeJSON {
    static func write(_ notice: Notice, to json: inout PrettyJSON) {
        json.openObject()
        if let addressee = notice.addressee { json.key("addressee"); json.string(addressee) }
        json.key("application"); write(notice.application, to: &json)
        json.key("body"); json.string(notice.body)
        json.key("clauses"); json.openArray()
        for clause in notice.clauses {
            json.element()
            json.openObject()
            json.key("anchor"); json.string(clause.anchor)
            json.key("depth"); json.int(clause.depth)
            json.key("html"); json.string(clause.html)
            json.key("id"); json.string(clause.id)
            json.key("text"); json.string(clause.text)
            json.closeObject()
        }
        json.closeArray()
        json.key("covers"); json.openArray()
        for cover in notice.covers {
            json.element()
            json.openObject()
            if let clause = cover.clause { json.key("clause"); json.string(clause) }
            json.key("exam"); json.string(cover.exam)
            json.key("session"); json.string(cover.session)
            json.closeObject()
        }
        json.closeArray()
        json.key("date"); json.string(notice.date)
        json.key("entry"); json.string(notice.entry)
        json.key("hotline"); json.string(notice.hotline)
        json.key("id"); json.string(notice.id)
        json.key("issuer"); json.string(notice.issuer)
        json.key("kind"); json.string(notice.kind.rawValue)
        json.key("legalBasis"); strings(notice.legalBasis, to: &json)
        if let review = notice.review { json.key("review"); write(review, to: &json) }
        json.key("roles"); json.openObject()
        for role in PrettyJSON.sortedKeys(notice.roles) { json.key(role); json.string(notice.roles[role]!) }
        json.closeObject()
        if let repost = notice.sourceIsRepost { json.key("sourceIsRepost"); json.bool(repost) }
        json.key("sourceURL"); json.string(notice.sourceURL)
        json.key("sources"); strings(notice.sources, to: &json)
        json.key("title"); json.string(notice.title)
        json.closeObject()
    }

    private static func write(_ window: Window, to json: inout PrettyJSON) {
        json.openObject()
        if let clause = window.clause { json.key("clause"); json.string(clause) }
        json.key("end"); json.string(Instant.iso(window.end))
        json.key("start"); json.string(Instant.iso(window.start))
        json.closeObject()
    }

    private static func strings(_ list: [String], to json: inout PrettyJSON) {
        json.openArray()
        for item in list { json.element(); json.string(item) }
        json.closeArray()
    }
}
