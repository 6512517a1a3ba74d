import Foundation

/// What the preview knows about the last rebuild, shared by the rebuild loop and every open page.
///
/// `version` counts successful builds: a page remembers the version it was served at and reloads when
/// a newer one is announced. A failed or crashed rebuild leaves the version (and the served site) as
/// it was and carries the build's messages, which pages show as an overlay.
public final class PreviewStatus: @unchecked Sendable {
    public enum State: String, Sendable, Codable { case building, ok, failed }

    public struct Snapshot: Sendable, Codable, Equatable {
        /// Successful builds so far (0: none yet, nothing to show but the errors).
        public var version: Int
        public var state: State
        /// The failed build's messages, one per line (`file:line:column: error: …`), or empty.
        public var lines: [String]
        /// One sentence in Chinese for the overlay's heading.
        public var summary: String
        /// Bumped on every change; what waiting streams compare.
        var generation: Int

        enum CodingKeys: String, CodingKey { case version, state, lines, summary }

        init(version: Int = 0, state: State = .building, lines: [String] = [], summary: String = "正在生成网站…", generation: Int = 0) {
            self.version = version
            self.state = state
            self.lines = lines
            self.summary = summary
            self.generation = generation
        }

        public init(from decoder: Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                version: try values.decode(Int.self, forKey: .version), state: try values.decode(State.self, forKey: .state),
                lines: try values.decode([String].self, forKey: .lines), summary: try values.decode(String.self, forKey: .summary))
        }

        /// The JSON sent to pages.
        public var json: String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }
    }

    private let condition = NSCondition()
    private var current = Snapshot()
    private var stopped = false

    public init() {}

    public var snapshot: Snapshot {
        condition.lock()
        defer { condition.unlock() }
        return current
    }

    /// A rebuild started.
    public func building() {
        change {
            $0.state = .building; $0.summary = "正在重新生成网站…"
        }
    }

    /// A rebuild succeeded: open pages reload.
    public func succeeded() {
        change {
            $0.version += 1; $0.state = .ok; $0.lines = []; $0.summary = "网站已重新生成"
        }
    }

    /// A rebuild failed or crashed: open pages show `lines` over the last good build.
    public func failed(_ summary: String, lines: [String]) {
        change {
            $0.state = .failed; $0.summary = summary; $0.lines = lines
        }
    }

    private func change(_ edit: (inout Snapshot) -> Void) {
        condition.lock()
        edit(&current)
        current.generation += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the status differs from `generation` or `timeout` passes; nil once stopped.
    func wait(after generation: Int, timeout: TimeInterval) -> Snapshot? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while current.generation == generation && !stopped {
            if !condition.wait(until: deadline) { break }
        }
        return stopped ? nil : current
    }

    /// Ends every waiting stream (the server is stopping).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
