import Foundation
import Yams

/// Collects every problem found while reading content, so an editor sees them all in one run.
///
/// A log made with `recording: true` belongs to one file read on a worker thread: besides the
/// diagnostics it keeps the reader's location bookkeeping, in order with them, as `entries`. The loader
/// replays those entries file by file, so every diagnostic (duplicates included) comes out as if the
/// files had been read one after the other.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []
    /// Whether location bookkeeping is recorded as `entries` rather than done by the reader.
    let recording: Bool
    private(set) var entries: [LogEntry] = []

    init(recording: Bool = false) { self.recording = recording }

    func error(_ path: String, _ location: (line: Int, column: Int), _ message: String) {
        add(Diagnostic(path, line: location.line, column: location.column, message))
    }
    func warning(_ path: String, _ location: (line: Int, column: Int), _ message: String) {
        add(Diagnostic(path, line: location.line, column: location.column, .warning, message))
    }
    func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        if recording { entries.append(.diagnostic(diagnostic)) }
    }
    func record(_ entry: LogEntry) { entries.append(entry) }
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// What a recording log keeps, in the order it happened.
enum LogEntry: Sendable {
    case diagnostic(Diagnostic)
    /// A value's place, with a second use of the same key being an error (`ContentReader.register`).
    case register(key: String, location: SourceLocation, what: String)
    /// A value's place, a later one replacing it.
    case place(key: String, location: SourceLocation)
}

/// Typed, position-aware access to one YAML mapping of a content file.
///
/// Each accessor reports a missing or mistyped value at the line where it is (or should be), and
/// `finish()` reports keys nobody asked for — a misspelt key is an error, never silently ignored.
struct Fields {
    let node: Node
    let path: String
    let log: DiagnosticLog
    private var pairs: [(key: String, keyNode: Node, value: Node)] = []
    private var used: Set<String> = []

    /// Front matter starts on the file's second line, so YAML line n is file line n + 1.
    static let lineOffset = 1

    init?(_ node: Node, path: String, log: DiagnosticLog, what: String) {
        self.node = node
        self.path = path
        self.log = log
        guard case let .mapping(mapping) = node else {
            log.error(path, Fields.location(of: node), "\(what) must be a mapping of 'key: value' pairs")
            return nil
        }
        for (key, value) in mapping {
            pairs.append((key.string ?? "", key, value))
        }
    }

    static func location(of node: Node?) -> (line: Int, column: Int) {
        guard let mark = node?.mark else { return (1, 1) }
        return (mark.line + lineOffset, mark.column)
    }

    var location: (line: Int, column: Int) { Fields.location(of: node) }

    func sourceLocation(_ node: Node?) -> SourceLocation {
        let l = Fields.location(of: node)
        return SourceLocation(path: path, line: l.line, column: l.column)
    }

    mutating func value(_ key: String) -> Node? {
        used.insert(key)
        return pairs.first { $0.key == key }?.value
    }

    mutating func string(_ key: String, required: Bool = true) -> String? {
        guard let node = value(key) else {
            if required { log.error(path, location, "missing key '\(key)'") }
            return nil
        }
        guard case let .scalar(scalar) = node, !scalar.string.isEmpty else {
            log.error(path, Fields.location(of: node), "'\(key)' must be a text value")
            return nil
        }
        return scalar.string
    }

    mutating func number(_ key: String, required: Bool = true) -> (value: Double, node: Node)? {
        guard let node = value(key) else {
            if required { log.error(path, location, "missing key '\(key)'") }
            return nil
        }
        return Fields.number(node, named: key, path: path, log: log).map { ($0, node) }
    }

    static func number(_ node: Node, named key: String, path: String, log: DiagnosticLog) -> Double? {
        guard case let .scalar(scalar) = node, let number = Double(scalar.string.trimmingCharacters(in: .whitespaces)), number.isFinite else {
            log.error(path, location(of: node), "'\(key)' must be a number, found '\(node.string ?? "a list or mapping")'")
            return nil
        }
        return number
    }

    mutating func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let node = value(key) else { return fallback }
        guard let flag = node.bool else {
            log.error(path, Fields.location(of: node), "'\(key)' must be true or false")
            return fallback
        }
        return flag
    }

    mutating func strings(_ key: String, required: Bool = false) -> [(String, SourceLocation)] {
        guard let node = value(key) else {
            if required { log.error(path, location, "missing key '\(key)'") }
            return []
        }
        guard case let .sequence(sequence) = node else {
            log.error(path, Fields.location(of: node), "'\(key)' must be a list, e.g. [a, b]")
            return []
        }
        return sequence.compactMap { item in
            guard let text = item.string, !text.isEmpty else {
                log.error(path, Fields.location(of: item), "each item of '\(key)' must be a text value")
                return nil
            }
            return (text, sourceLocation(item))
        }
    }

    mutating func mapping(_ key: String, required: Bool = true, what: String? = nil) -> Fields? {
        guard let node = value(key) else {
            if required { log.error(path, location, "missing key '\(key)'") }
            return nil
        }
        return Fields(node, path: path, log: log, what: what ?? "'\(key)'")
    }

    mutating func list(_ key: String, required: Bool = true) -> [Node] {
        guard let node = value(key) else {
            if required { log.error(path, location, "missing key '\(key)'") }
            return []
        }
        guard case let .sequence(sequence) = node else {
            log.error(path, Fields.location(of: node), "'\(key)' must be a list")
            return []
        }
        return Array(sequence)
    }

    mutating func date(_ key: String, required: Bool = true) -> (Date, SourceLocation)? {
        guard let text = string(key, required: required) else { return nil }
        let node = pairs.first { $0.key == key }?.value
        guard let date = Instant.parse(text) ?? Instant.parseDay(text) else {
            log.error(path, Fields.location(of: node), "'\(key)' must be a date-time with offset like 2025-01-22T09:00+08:00, found '\(text)'")
            return nil
        }
        return (date, sourceLocation(node))
    }

    /// The value of `key` as Yams's `node[key]` finds it (the last pair whose key is the scalar `key`
    /// with the tag the plain text `key` resolves to), without marking the key used. Yams resolves the
    /// looked-up text's tag again on every lookup (a regular expression per call, thousands of times
    /// in an archive); the pairs' own tags are resolved once already. A plain key resolves to `str`
    /// unless it is a YAML boolean word, which is left to Yams.
    func valueNode(of key: String) -> Node? {
        if Self.booleanWords.contains(key) { return node[key] }
        return pairs.last { pair in
            guard case let .scalar(scalar) = pair.keyNode else { return false }
            return scalar.string == key && pair.keyNode.tag.rawValue == Tag.Name.str.rawValue
        }?.value
    }

    /// The words Yams's boolean rule (`Resolver.Rule.bool`) gives the `bool` tag.
    private static let booleanWords: Set<String> = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
                                                    "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"]

    /// All keys, in file order, with their value nodes (for maps keyed by data such as levels).
    var entries: [(key: String, keyNode: Node, value: Node)] { pairs }

    /// Reports every key that no accessor read: a typo or a key this file kind does not have.
    func finish() {
        let allowed = used
        for pair in pairs where !allowed.contains(pair.key) {
            let hint = Suggest.closest(to: pair.key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            log.error(path, Fields.location(of: pair.keyNode), "unknown key '\(pair.key)'\(hint)")
        }
    }

    mutating func markUsed(_ keys: [String]) { used.formUnion(keys) }
}

/// Suggests the nearest known word for a misspelt one.
enum Suggest {
    static func closest(to word: String, in candidates: some Collection<String>) -> String? {
        let scored = candidates.map { ($0, distance(Array(word), Array($0))) }.filter { $0.1 <= max(2, word.count / 4) }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
