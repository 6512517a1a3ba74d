import Dispatch
import Foundation

/// Runs independent work on every core and gives the results back in input order, so what follows
/// does not depend on scheduling.
enum Parallel {
    static func map<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Output) -> [Output] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count))
        guard workers > 1 else { return items.map(transform) }
        let slots = Slots<Output>(items.count)
        // Worker w takes items w, w + n, w + 2n…: the files are alike, so the shares are even.
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < items.count {
                slots.set(index, transform(items[index]))
                index += workers
            }
        }
        return slots.values()
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
