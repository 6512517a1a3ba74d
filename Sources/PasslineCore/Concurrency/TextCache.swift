import Foundation

/// Text already worked out, by its input: the zh-Hant conversion of a run of a page, the normalised form
/// of a content word. Shared by the copies of the value that owns it and locked, so several threads may
/// use it; bounded, so unique text (an archive of years) cannot make it grow without end.
public final class TextCache: @unchecked Sendable {
    private var table: [String: String] = [:]
    private let lock = NSLock()
    /// Entries kept at most; later ones are computed each time instead.
    public let capacity: Int

    public init(capacity: Int = .max) { self.capacity = capacity }

    public func value(for key: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return table[key]
    }

    public func store(_ value: String, for key: String) {
        lock.lock()
        defer { lock.unlock() }
        if table.count < capacity { table[key] = value }
    }
}
