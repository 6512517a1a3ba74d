import Foundation
import PasslineCore

/// The bytes of `rules.json`, exactly as `RuleBook.jsonEncoder(pretty: true)` writes the whole book,
/// but with the notices encoded on every core.
///
/// In a large archive the notices are nearly all of the file (their clauses, text and HTML), and
/// `JSONEncoder` runs on one thread: at 10,000 notices it took a second of a build. Each notice's
/// pretty JSON does not depend on its neighbours, only on its depth, so each is encoded alone,
/// indented to where it sits (inside the root object's `notices` array: four spaces), and spliced into
/// the book encoded without them. A test holds the result byte-equal to the one-piece encoding.
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
            let pieces = try Parallel.map(notices) { _, notice in
                indented(try [UInt8](RuleBook.jsonEncoder(pretty: true).encode(notice)), by: 4)
            }
            var bytes = Data()
            bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.count + 2 })
            for (offset, piece) in pieces.enumerated() {
                if start + offset > 0 { bytes.append(contentsOf: Array(",\n".utf8)) }
                bytes.append(contentsOf: piece)
            }
            try write(bytes)
        }
        try write(Data(Array("\n  ".utf8) + outline[close...] + [0x0A]))
    }

    /// Every non-empty line moved right by `spaces`. Pretty JSON never breaks a line inside a string
    /// (a newline in text is written `\n`), so lines are safe to indent.
    static func indented(_ json: [UInt8], by spaces: Int) -> [UInt8] {
        var result = [UInt8]()
        result.reserveCapacity(json.count + json.count / 8)
        var atLineStart = true
        for byte in json {
            if atLineStart && byte != 0x0A { result += repeatElement(UInt8(ascii: " "), count: spaces) }
            result.append(byte)
            atLineStart = byte == 0x0A
        }
        return result
    }
}
