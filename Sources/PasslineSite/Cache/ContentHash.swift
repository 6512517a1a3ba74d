import Foundation

/// A 128-bit hash of bytes: what the build cache keys inputs on and remembers published files by.
///
/// Not cryptographic (nobody is expected to forge a page that collides with another), but two
/// independent 64-bit lanes over 8-byte words, each finished with a full avalanche, so an accidental
/// collision between two different inputs is out of reach in practice (about 2⁻¹²⁸ per pair). It
/// reads 8 bytes a step, so hashing every page of a 10,000-notice build costs little next to making it.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public init(_ data: Data) {
        var hasher = ContentHasher()
        hasher.combine(data)
        self = hasher.finish()
    }

    public init(_ bytes: [UInt8]) {
        var hasher = ContentHasher()
        bytes.withUnsafeBytes { hasher.combine($0) }
        self = hasher.finish()
    }

    public var description: String { String(format: "%016llx%016llx", high, low) }
}

/// Builds a `ContentHash` from pieces fed in order (a file written piece by piece, or a key made of
/// many fields). The result depends only on the concatenated bytes, not on how they were split.
public struct ContentHasher: Sendable {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344
    private var tail: UInt64 = 0
    private var tailCount = 0
    private var length: UInt64 = 0

    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63

    public init() {}

    public mutating func combine(_ data: Data) { data.withUnsafeBytes { combine($0) } }

    public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        guard count > 0 else { return }
        length &+= UInt64(count)
        var index = 0
        if tailCount > 0 {
            while tailCount < 8 && index < count {
                tail |= UInt64(bytes[index]) << UInt64(8 * tailCount)
                tailCount += 1
                index += 1
            }
            guard tailCount == 8 else { return }
            mix(tail)
            tail = 0
            tailCount = 0
        }
        while index + 8 <= count {
            mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
        }
        while index < count {
            tail |= UInt64(bytes[index]) << UInt64(8 * tailCount)
            tailCount += 1
            index += 1
        }
    }

    /// A field of a key: its length first, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func combine(field text: String) {
        var text = text
        combine(number: UInt64(text.utf8.count))
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { combine($0) }
    }

    public mutating func combine(_ hash: ContentHash) {
        combine(number: hash.high)
        combine(number: hash.low)
    }

    private mutating func mix(_ word: UInt64) {
        a = ((a ^ (word &* Self.p2)).rotated(31)) &* Self.p1
        b = ((b &+ (word &* Self.p3)).rotated(27)) &* Self.p4 &+ Self.p1
    }

    public func finish() -> ContentHash {
        let last = tail ^ (UInt64(tailCount) << 56)
        let high = Self.avalanche(a ^ (last &* Self.p1) ^ length)
        let low = Self.avalanche(b ^ (last.rotated(17) &* Self.p2) ^ (length &* Self.p3))
        return ContentHash(high: high, low: low)
    }

    private static func avalanche(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}

extension UInt64 {
    fileprivate func rotated(_ by: UInt64) -> UInt64 { (self << by) | (self >> (64 - by)) }
}
