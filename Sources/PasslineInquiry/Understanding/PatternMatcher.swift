import PasslineCore

/// Whether an intent pattern read by `PatternSyntax` matches somewhere in a question, without Swift's
/// `Regex`: the bot only asks whether a pattern matches, never where or what it captured, so a plain
/// backtracking search over the question's scalars gives the same answer at a fraction of the cost
/// (`Regex` came to about a fifth of the time of an answer).
///
/// It works on text whose every character is one scalar from a small set that has no canonically
/// equivalent spelling and no line breaks (ASCII, CJK ideographs, CJK and full-width punctuation):
/// there, comparing scalars is comparing characters, and `.`, `^` and `$` mean what they mean to
/// `Regex`. `Scalars(_:)` is `nil` for any other text, and such text goes to `Regex` as before.
enum PatternMatcher {
    /// A question as scalar values, when the matcher may read it.
    struct Scalars {
        let values: [UInt32]
        /// The distinct values, for the required-character check.
        let set: Set<UInt32>

        init?(_ text: String) {
            var values: [UInt32] = []
            values.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                guard PatternMatcher.isSimple(scalar.value) else { return nil }
                values.append(scalar.value)
            }
            // Each scalar its own character (no combining marks, no CR LF), so offsets are characters.
            guard values.count == text.count else { return nil }
            self.values = values
            set = Set(values)
        }
    }

    /// Printable ASCII, CJK ideographs, CJK and general punctuation, full-width forms.
    static func isSimple(_ value: UInt32) -> Bool {
        (0x20...0x7E).contains(value) || (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0x3001...0x303F).contains(value) || (0xFF01...0xFF5E).contains(value) || (0x2010...0x2027).contains(value)
    }

    /// A pattern with its literals as scalars; `nil` when one is a character the matcher cannot
    /// compare as a scalar (the pattern then goes to `Regex`).
    indirect enum Node: Sendable {
        case scalar(UInt32)
        case any
        case digit
        case set([Member], negated: Bool)
        case start
        case end
        case sequence([Node])
        case alternation([Node])
        case repeated(Node, min: Int, max: Int?)

        enum Member: Sendable {
            case scalar(UInt32)
            case range(UInt32, UInt32)
        }

        init?(_ node: PatternNode) {
            switch node {
            case let .literal(c):
                guard let value = PatternMatcher.scalar(of: c) else { return nil }
                self = .scalar(value)
            case .any: self = .any
            case .digit: self = .digit
            case .start: self = .start
            case .end: self = .end
            case let .set(members, negated):
                var converted: [Member] = []
                for member in members {
                    switch member {
                    case let .character(c):
                        guard let value = PatternMatcher.scalar(of: c) else { return nil }
                        converted.append(.scalar(value))
                    case let .range(low, high): converted.append(.range(UInt32(low), UInt32(high)))
                    case .digit: converted.append(.range(0x30, 0x39))
                    }
                }
                self = .set(converted, negated: negated)
            case let .sequence(items):
                let nodes = items.compactMap(Node.init)
                guard nodes.count == items.count else { return nil }
                self = .sequence(nodes)
            case let .alternation(items):
                let nodes = items.compactMap(Node.init)
                guard nodes.count == items.count else { return nil }
                self = .alternation(nodes)
            case let .repeated(inner, low, high):
                guard let node = Node(inner) else { return nil }
                self = .repeated(node, min: low, max: high)
            }
        }
    }

    static func scalar(of c: Character) -> UInt32? {
        guard c.unicodeScalars.count == 1, let value = c.unicodeScalars.first?.value, isSimple(value) else { return nil }
        return value
    }

    /// A pattern ready to match: its tree and the scalars a match can start with.
    struct Program: Sendable {
        let node: Node
        /// Every match starts with one of these (`nil`: with anything, or may be empty): the search
        /// tries only those positions, as `Regex` skips ahead to a possible first character.
        let first: Set<UInt32>?
        /// Scalars one of which every match contains (`nil`: none known), checked against the
        /// question's before any search.
        let required: Set<UInt32>?

        init?(_ pattern: PatternNode) {
            guard let node = Node(pattern) else { return nil }
            self.node = node
            first = Self.firstScalars(node)
            required = Self.requiredScalars(node)
        }

        /// As `RequiredCharacters` works it out from the text: a sequence requires what its most
        /// selective part requires, alternatives the union of theirs, anything optional nothing.
        static func requiredScalars(_ node: Node) -> Set<UInt32>? {
            switch node {
            case let .scalar(value): return [value]
            case .any, .digit, .set, .start, .end: return nil
            case let .repeated(inner, low, _): return low >= 1 ? requiredScalars(inner) : nil
            case let .alternation(branches):
                var union = Set<UInt32>()
                for branch in branches {
                    guard let required = requiredScalars(branch) else { return nil }
                    union.formUnion(required)
                }
                return union
            case let .sequence(items):
                var best: Set<UInt32>?
                for item in items {
                    if let required = requiredScalars(item), best == nil || required.count < best!.count { best = required }
                }
                return best
            }
        }

        /// Scalars a match of `node` must start with, when every match takes at least one.
        static func firstScalars(_ node: Node) -> Set<UInt32>? {
            switch node {
            case let .scalar(value): return [value]
            case .digit: return Set(0x30...0x39)
            case let .set(members, negated):
                guard !negated else { return nil }
                var values = Set<UInt32>()
                for member in members {
                    switch member {
                    case let .scalar(value): values.insert(value)
                    case let .range(low, high): values.formUnion(low...high)
                    }
                }
                return values
            case .any, .start, .end: return nil
            case let .alternation(branches):
                var values = Set<UInt32>()
                for branch in branches {
                    guard let first = firstScalars(branch) else { return nil }
                    values.formUnion(first)
                }
                return values
            case let .repeated(inner, low, _): return low >= 1 ? firstScalars(inner) : nil
            case let .sequence(items):
                guard let head = items.first else { return nil }
                // `^` takes no character: the match starts with what follows it.
                if case .start = head { return items.count > 1 ? firstScalars(.sequence(Array(items.dropFirst()))) : nil }
                return firstScalars(head)
            }
        }
    }

    /// Whether `program` matches at some position of `text`.
    static func matches(_ program: Program, in text: Scalars) -> Bool {
        let t = text.values
        if let first = program.first {
            for start in t.indices where first.contains(t[start]) && match(program.node, t, start, { _ in true }) { return true }
            return false
        }
        for start in 0...t.count where match(program.node, t, start, { _ in true }) { return true }
        return false
    }

    /// Whether `node` matches `t` from `i` with some end at which `then` succeeds.
    private static func match(_ node: Node, _ t: [UInt32], _ i: Int, _ then: (Int) -> Bool) -> Bool {
        switch node {
        case let .scalar(value):
            return i < t.count && t[i] == value && then(i + 1)
        case .any:
            return i < t.count && then(i + 1)
        case .digit:
            return i < t.count && (0x30...0x39).contains(t[i]) && then(i + 1)
        case let .set(members, negated):
            guard i < t.count else { return false }
            return contains(members, t[i]) != negated && then(i + 1)
        case .start:
            return i == 0 && then(i)
        case .end:
            return i == t.count && then(i)
        case let .sequence(items):
            return sequence(items[...], t, i, then)
        case let .alternation(branches):
            for branch in branches where match(branch, t, i, then) { return true }
            return false
        case let .repeated(inner, low, high):
            return repeated(inner, low, high, 0, t, i, then)
        }
    }

    private static func sequence(_ items: ArraySlice<Node>, _ t: [UInt32], _ i: Int, _ then: (Int) -> Bool) -> Bool {
        guard let first = items.first else { return then(i) }
        return match(first, t, i) { sequence(items.dropFirst(), t, $0, then) }
    }

    /// `count` repetitions matched so far; which ones are tried first does not change whether one succeeds.
    private static func repeated(
        _ inner: Node, _ low: Int, _ high: Int?, _ count: Int, _ t: [UInt32], _ i: Int, _ then: (Int) -> Bool
    ) -> Bool {
        if count >= low, then(i) { return true }
        if let high, count >= high { return false }
        return match(inner, t, i) { j in
            // A repetition that matched nothing adds nothing once the minimum is reached (and would loop).
            if j == i && count >= low { return false }
            return repeated(inner, low, high, count + 1, t, j, then)
        }
    }

    private static func contains(_ members: [Node.Member], _ value: UInt32) -> Bool {
        for member in members {
            switch member {
            case let .scalar(scalar): if scalar == value { return true }
            case let .range(low, high): if low <= value && value <= high { return true }
            }
        }
        return false
    }
}
