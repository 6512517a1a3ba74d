import Dispatch
import Foundation

/// Runs independent work on every core and gives the results back in input order, so what follows
/// (diagnostics, pages, bytes) never depends on scheduling. The loader reads notices with it; the site
/// renders and checks pages with it.
public enum Parallel {
    /// How many threads share the work: one per active core, never more than there are items.
    public static func workers(for count: Int) -> Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, count)) }

    /// `transform` of each item, in order. Worker `w` of `workers(for:)` takes items w, w+n, w+2n… (the
    /// items are alike, so the shares are even) and receives its number, so it can use resources of its
    /// own (an OpenCC handle). The first error thrown, in input order, is rethrown.
    public static func map<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (_ worker: Int, Item) throws -> Output)
        throws -> [Output]
    {
        let count = workers(for: items.count)
        guard count > 1 else { return try items.map { try transform(0, $0) } }
        let slots = Slots<Result<Output, Error>>(items.count)
        DispatchQueue.concurrentPerform(iterations: count) { worker in
            var index = worker
            while index < items.count {
                slots.set(index, Result { try transform(worker, items[index]) })
                index += count
            }
        }
        return try slots.values().map { try $0.get() }
    }

    /// The same for work that cannot fail.
    public static func map<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Output) -> [Output] {
        let count = workers(for: items.count)
        guard count > 1 else { return items.map(transform) }
        let slots = Slots<Output>(items.count)
        DispatchQueue.concurrentPerform(iterations: count) { worker in
            var index = worker
            while index < items.count {
                slots.set(index, transform(items[index]))
                index += count
            }
        }
        return slots.values()
    }

    /// `map` a chunk of `size` items at a time, handing each chunk's results to `consume` (on the
    /// calling thread, in order) before the next: only one chunk of results is ever held, so a build can
    /// produce ten thousand pages without keeping them all in memory.
    public static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], inChunksOf size: Int, _ transform: @Sendable (_ worker: Int, Item) throws -> Output,
        consume: ([Output]) throws -> Void
    ) throws {
        for start in stride(from: 0, to: items.count, by: max(1, size)) {
            try consume(try map(Array(items[start..<min(start + size, items.count)]), transform))
        }
    }
}

extension Parallel {
    /// Starts `work` on another thread and returns at once; `value` waits for its result. For start-up
    /// work that does not depend on what the caller does meanwhile (the bot builds its place names
    /// while it reads its other words), so a second core shortens a cold start.
    public static func start<Output: Sendable>(_ work: @escaping @Sendable () -> Output) -> Pending<Output> {
        let pending = Pending<Output>()
        DispatchQueue.global(qos: .userInitiated).async { pending.fulfil(work()) }
        return pending
    }
}

/// The result of `Parallel.start`, once there is one.
public final class Pending<Output: Sendable>: @unchecked Sendable {
    private var result: Output?
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()

    fileprivate init() {}

    fileprivate func fulfil(_ value: Output) {
        lock.lock()
        result = value
        lock.unlock()
        done.signal()
    }

    /// The result, waiting for it the first time.
    public var value: Output {
        lock.lock()
        if let result {
            lock.unlock()
            return result
        }
        lock.unlock()
        done.wait()
        done.signal() // for any other thread waiting
        lock.lock()
        defer { lock.unlock() }
        return result!
    }
}

/// Results written by several threads, each slot once; the lock keeps the array's storage consistent.
private final class Slots<Output>: @unchecked Sendable {
    private var results: [Output?]
    private let lock = NSLock()

    init(_ count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Output) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func values() -> [Output] { results.map { $0! } }
}
