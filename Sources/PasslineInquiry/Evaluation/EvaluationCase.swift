import Foundation

/// One conversation of an evaluation set, in the shape of `HeldOut/HELDOUT-FORMAT.md`: turns in order,
/// one clock for all of them.
public struct EvaluationConversation: Sendable {
    public struct Turn: Sendable {
        public var q: String
        /// The expected intent label (`IntentLabels`), `nil` where the set gives none (eval.json).
        public var intent: String?
        public var must: [String]
        public var mustNot: [String]
        /// Groups of alternatives: from each group at least one string must appear. A file may write one
        /// group as a flat list (`["二(一)", "工作"]`) or several as a list of lists (`[["县"], ["工作", "上班"]]`).
        public var mustAny: [[String]]?
    }

    public var id: String
    public var now: String
    public var turns: [Turn]
    /// Variants to generate (`hant`: the conversation in Traditional, converted with OpenCC).
    public var variants: [String] = []
}

/// Reads evaluation files at run time: `.jsonl` (one turn per line, `conv` groups them, `now` and
/// optional `variants` on a conversation's first line) or `.json` (`{"conversations": [...]}`, the
/// format of Evaluation/eval.json).
public enum EvaluationFile {
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    struct Line: Decodable {
        var conv: String
        var now: String?
        var q: String
        var intent: String?
        var must: [String]?
        var must_not: [String]?
        var must_any: AlternativeGroups?
        var variants: [String]?
    }

    /// `must_any` as either one flat list of alternatives or a list of such lists.
    struct AlternativeGroups: Decodable {
        var groups: [[String]]
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flat = try? container.decode([String].self) { groups = [flat] } else { groups = try container.decode([[String]].self) }
        }
    }

    struct Set: Decodable {
        struct Conversation: Decodable {
            var id: String
            var now: String
            var turns: [Turn]
            var variants: [String]?
        }
        struct Turn: Decodable {
            var q: String
            var intent: String?
            var must: [String]
            var must_not: [String]
            var must_any: AlternativeGroups?
        }
        var conversations: [Conversation]
    }

    public static func load(_ path: String) throws -> [EvaluationConversation] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return path.hasSuffix(".jsonl") ? try lines(data, path: path) : try set(data)
    }

    static func set(_ data: Data) throws -> [EvaluationConversation] {
        try JSONDecoder().decode(Set.self, from: data).conversations.map { c in
            EvaluationConversation(
                id: c.id, now: c.now,
                turns: c.turns.map {
                    .init(q: $0.q, intent: $0.intent, must: $0.must, mustNot: $0.must_not, mustAny: $0.must_any?.groups)
                }, variants: c.variants ?? [])
        }
    }

    public static func lines(_ data: Data, path: String) throws -> [EvaluationConversation] {
        var result: [EvaluationConversation] = []
        var index: [String: Int] = [:]
        let decoder = JSONDecoder()
        for (number, raw) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).enumerated() {
            guard raw.contains(where: { !$0.isWhitespace }) else { continue }
            let line: Line
            do { line = try decoder.decode(Line.self, from: Data(raw)) } catch {
                throw Problem(description: "\(path):\(number + 1): not a turn: \(error)")
            }
            let turn = EvaluationConversation.Turn(
                q: line.q, intent: line.intent, must: line.must ?? [], mustNot: line.must_not ?? [], mustAny: line.must_any?.groups)
            if let i = index[line.conv] {
                result[i].turns.append(turn)
            } else {
                guard let now = line.now else {
                    throw Problem(description: "\(path):\(number + 1): the first line of \(line.conv) has no now")
                }
                index[line.conv] = result.count
                result.append(EvaluationConversation(id: line.conv, now: now, turns: [turn], variants: line.variants ?? []))
            }
        }
        return result
    }
}

extension UInt8 {
    fileprivate var isWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0D }
}
