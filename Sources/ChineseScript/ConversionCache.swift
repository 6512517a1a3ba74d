import Foundation

/// Conversions already worked out, by the exact UTF-8 of their input: each distinct text is converted
/// once per build and found again after that. Shared by the copies of a converter on several threads
/// (locked).
///
/// It holds the build's conversions and nothing else. A cache kept across builds can fill one before a
/// build (`store`) and save what it holds after (`entries`), keyed as well by `fingerprint` of the
/// converter that made them: another OpenCC configuration or override table makes other text.
public final class ConversionCache: @unchecked Sendable {
    private var table: [ByteKey: [UInt8]] = [:]
    private var held = 0
    private let lock = NSLock()
    /// Bytes of keys and values kept at most: unique text (the prose of an archive of years) cannot
    /// make it grow without end; once full, new text is converted each time it is met.
    public let capacity: Int

    public init(capacity: Int = 64 << 20) { self.capacity = capacity }

    public func value(for key: [UInt8]) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        return table[ByteKey(bytes: key)]
    }

    public func store(_ value: [UInt8], for key: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        guard held + key.count + value.count <= capacity else { return }
        if table.updateValue(value, forKey: ByteKey(bytes: key)) == nil { held += key.count + value.count }
    }

    /// Every conversion held, in no particular order.
    public var entries: [(simplified: [UInt8], traditional: [UInt8])] {
        lock.lock()
        defer { lock.unlock() }
        return table.map { ($0.key.bytes, $0.value) }
    }

    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return table.count
    }
}

/// Bytes as a dictionary key, hashed in one call rather than a byte at a time (`[UInt8]`'s own
/// `Hashable` feeds the hasher each element separately).
struct ByteKey: Hashable {
    let bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool { lhs.bytes == rhs.bytes }
}
