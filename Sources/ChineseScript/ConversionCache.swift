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
        key.withUnsafeBufferPointer { key in
            lock.lock()
            defer { lock.unlock() }
            return table[ByteKey(borrowing: key)]
        }
    }

    /// The values of several keys, each a range of `bytes`, under one lock and without copying the keys.
    func values(for ranges: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> [[UInt8]?] {
        lock.lock()
        defer { lock.unlock() }
        return ranges.map { table[ByteKey(borrowing: UnsafeBufferPointer(rebasing: bytes[$0]))] }
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
/// `Hashable` feeds the hasher each element separately). A key made with `borrowing:` only looks up
/// (it points into the caller's buffer, so it must never be stored); stored keys own their bytes.
struct ByteKey: Hashable, @unchecked Sendable {
    private let owned: [UInt8]?
    private let view: UnsafeBufferPointer<UInt8>?

    init(bytes: [UInt8]) {
        owned = bytes
        view = nil
    }

    init(borrowing bytes: UnsafeBufferPointer<UInt8>) {
        owned = nil
        view = bytes
    }

    var bytes: [UInt8] { owned ?? Array(view!) }

    private func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let owned { return owned.withUnsafeBytes(body) }
        return body(UnsafeRawBufferPointer(view!))
    }

    func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(bytes: $0) }
    }

    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
        lhs.withBytes { a in
            rhs.withBytes { b in a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
    }
}
