import Foundation

/// The identity of the exact content a `RuleBook` was loaded from, published in `rules.json` as
/// `contentVersion` so that the helpdesk can say which rules it answers from.
///
/// It depends only on the bytes and relative paths of the content files the loader reads (no clock,
/// no git state, no file times), so a clone and a working copy of the same commit agree, and the
/// committed `Site/rules.json` stays byte-for-byte what CI rebuilds; any edit of any file changes it.
/// The hash is FNV-1a (64-bit): an identifier of the content, not a security measure.
public enum ContentVersion {
    /// Hex digits published: as many as a short git id, few enough to read out on the phone.
    static let digits = 12

    /// The version of `files` (relative path, location), which must be in the loader's path order:
    /// FNV-1a of the lines `path<TAB>hash-of-bytes<LF>`, one per file, in that order. Each file's own
    /// hash is computed on every core.
    static func of(_ files: [(String, URL)]) -> String {
        let hashes = Parallel.map(files.map(\.1)) { url in fileHash(url) }
        var manifest = FNV1a()
        for (file, hash) in zip(files, hashes) {
            manifest.add(file.0.utf8)
            manifest.add(CollectionOfOne(0x09))
            manifest.add(hexDigits(hash))
            manifest.add(CollectionOfOne(0x0A))
        }
        return String(decoding: hexDigits(manifest.value).prefix(digits), as: UTF8.self)
    }

    /// A file that cannot be read hashes as empty: the loader has already reported it as an error.
    private static func fileHash(_ url: URL) -> UInt64 {
        var hash = FNV1a()
        if let data = try? Data(contentsOf: url) { data.withUnsafeBytes { hash.add($0) } }
        return hash.value
    }

    /// The 16 lowercase hex digits of `value`, most significant first, as ASCII bytes.
    private static func hexDigits(_ value: UInt64) -> [UInt8] {
        (0..<16).map { index in
            let nibble = UInt8((value >> (60 - 4 * UInt64(index))) & 0xF)
            return nibble < 10 ? 0x30 + nibble : 0x57 + nibble
        }
    }
}

/// The 64-bit Fowler–Noll–Vo hash, variant 1a (xor, then multiply), fed a buffer at a time.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        value = hash
    }
}
