import Foundation
import PasslineCore

/// The bytes of `rules.json`, exactly as `RuleBook.jsonEncoder(pretty: true)` writes the whole book.
///
/// In a large archive the notices are nearly all of the file (their clauses, text and HTML), and the
/// fact table holds several facts per notice (tens of thousands of keys, which `JSONEncoder` sorts
/// with a generic comparison). Both are written by hand (`NoticeJSON`, `PrettyJSON`) at the depth
/// where they sit — members of the root object, so their contents at four spaces — the notices a batch
/// at a time on every core, and spliced into the rest of the book, which `JSONEncoder` writes without
/// them. Tests hold the result byte-equal to the one-piece encoding.
enum RulesFile {
    /// `"facts"` and `"notices"` are keys of the root object, so with pretty printing each opens a line
    /// of its own; emptied, each is followed by an empty line and its closing bracket.
    private static let factsKey = Array("\n  \"facts\" : {\n\n  }".utf8), noticesKey = Array("\n  \"notices\" : [\n\n  ]".utf8)

    /// `batch`: how many notices are encoded at once (any value gives the same bytes).
    static func encode(_ book: RuleBook, batch: Int = 256) throws -> Data {
        var data = Data()
        try encode(book, batch: batch) { data.append($0) }
        return data
    }

    /// The same bytes handed to `write` a piece at a time (the outline, the facts, then each batch of
    /// notices), so the file can go to disk without ever being whole in memory.
    static func encode(_ book: RuleBook, batch: Int = 256, to write: (Data) throws -> Void) throws {
        var shell = book
        shell.notices = []
        shell.facts = [:]
        let outline = try [UInt8](RuleBook.jsonEncoder(pretty: true).encode(shell))
        let (facts, notices) = outline.withUnsafeBufferPointer {
            (ByteScan.find(factsKey, in: $0, from: 0), ByteScan.find(noticesKey, in: $0, from: 0))
        }
        guard !book.notices.isEmpty, !book.facts.isEmpty, let facts, let notices, facts < notices else {
            try write(try RuleBook.jsonEncoder(pretty: true).encode(book) + [0x0A])
            return
        }
        // Each emptied value is `{`/`[`, two newlines, two spaces and its closing bracket: 6 bytes.
        let factsOpen = facts + factsKey.count - 6, factsClose = facts + factsKey.count - 1
        let noticesOpen = notices + noticesKey.count - 6, noticesClose = notices + noticesKey.count - 1
        try write(Data(outline[..<factsOpen]))
        var json = PrettyJSON(indent: 2, capacity: book.facts.count * 96)
        json.openObject()
        for key in PrettyJSON.sortedKeys(book.facts) { json.key(key); json.string(book.facts[key]!) }
        json.closeObject()
        try write(Data(json.bytes))
        try write(Data(outline[(factsClose + 1)...noticesOpen] + [0x0A]))
        for start in stride(from: 0, to: book.notices.count, by: batch) {
            let notices = Array(book.notices[start..<min(start + batch, book.notices.count)])
            let pieces = Parallel.map(notices) { notice in
                var json = PrettyJSON(indent: 4, capacity: notice.body.utf8.count * 3)
                NoticeJSON.write(notice, to: &json)
                return json.bytes
            }
            var bytes = Data()
            bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.count + 6 })
            for (offset, piece) in pieces.enumerated() {
                bytes.append(contentsOf: start + offset > 0 ? Array(",\n    ".utf8) : Array("    ".utf8))
                bytes.append(contentsOf: piece)
            }
            try write(bytes)
        }
        try write(Data(Array("\n  ".utf8) + outline[noticesClose...] + [0x0A]))
    }
}
