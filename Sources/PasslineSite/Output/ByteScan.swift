import Foundation

/// Byte-level helpers for scanning generated UTF-8 (HTML, XML, text) without regular expressions:
/// the build scans every page several times, and a `Regex` costs tens of microseconds to build and
/// far more to run over a page than a loop over its bytes.
enum ByteScan {
    /// ASCII whitespace as HTML writes it (space, tab, newline, carriage return, form feed).
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    /// `[A-Za-z0-9_]`: an ASCII word character.
    @inline(__always) static func isWord(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    /// Whether `bytes` holds `literal` at `index`.
    @inline(__always) static func has(_ literal: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index >= 0, index + literal.count <= bytes.count else { return false }
        for offset in 0..<literal.count where bytes[index + offset] != literal[offset] { return false }
        return true
    }

    /// The first index at or after `start` holding `byte`, or `nil` (libc's `memchr`, which reads a
    /// word or a vector at a time).
    @inline(__always) static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `text` holds `byte` anywhere.
    @inline(__always) static func contains(_ byte: UInt8, in text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ find(byte, in: $0, from: 0) != nil }) { return found }
        return text.utf8.contains(byte)
    }

    /// The first index at or after `start` where `literal` begins, or `nil`.
    static func find(_ literal: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = literal.first else { return start }
        var index = start
        while let candidate = find(first, in: bytes, from: index) {
            if has(literal, in: bytes, at: candidate) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
