import Foundation
import PasslineCore

/// The bytes of `rules.json`, exactly as `RuleBook.jsonEncoder(pretty: true)` writes the whole book.
///
/// In a large archive the notices are nearly all of the file (their clauses, text and HTML). They are
/// written by hand (`NoticeJSON`, at the depth where they sit: inside the root object's `notices`
/// array, four spaces), a batch at a time on every core, and spliced into the rest of the book, which
/// `JSONEncoder` writes without them. Tests hold the result byte-equal to the one-piece encoding.
enum RulesFile {
    /// `"notices"` is a key of the root object, so with pretty printing it opens a line of its own.
    private static let key = Array("\n  \"notices\" : [".utf8)

    /// `batch`: how many notices are encoded at once (any value gives the same bytes).
    static func encode(_ book: RuleBook, batch: Int = 256) throws -> Data {
        var data = Data()
        try encode(book, batch: batch) { data.append($0) }
        return data
    }

    /// The same bytes handed to `write` a piece at a time (the outline, then each batch of notices), so
    /// the file can go to disk without ever being whole in memory.
    static func encode(_ book: RuleBook, batch: Int = 256, to write: (Data) throws -> Void) throws {
        var shell = book
        shell.notices = []
        let outline = try [UInt8](RuleBook.jsonEncoder(pretty: true).encode(shell))
        let found = outline.withUnsafeBufferPointer { ByteScan.find(key, in: $0, from: 0) }
        guard !book.notices.isEmpty, let open = found,
              let close = outline[(open + key.count)...].firstIndex(of: UInt8(ascii: "]")) else {
            try write(try RuleBook.jsonEncoder(pretty: true).encode(book) + [0x0A])
            return
        }
        try write(Data(outline[..<(open + key.count)] + [0x0A]))
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
        try write(Data(Array("\n  ".utf8) + outline[close...] + [0x0A]))
    }
}
