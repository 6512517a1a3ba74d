import Foundation
import PasslineCore

/// One of content's intent patterns, read when the bot is built (or compiled as a `Regex` on first
/// use), and the characters at least one of which any text it matches must contain.
///
/// Parsing and compiling a Swift `Regex` costs tens of microseconds and matching with it is slow;
/// content has about a hundred patterns and most share no character with a given question. Checking
/// the characters first skips most of them; a pattern `PatternSyntax` reads (all of content's today)
/// is then matched by `PatternMatcher` without `Regex`, and only another one is compiled, on first use.
final class IntentPattern: @unchecked Sendable {
    let source: String
    /// `nil` when no such set could be worked out (the pattern is then always tried).
    let required: Set<Character>?
    private var built: Built?
    private let lock = NSLock()
    /// The pattern as `PatternMatcher` reads it (never changes, so read without the lock).
    private let program: PatternMatcher.Program?

    /// How the pattern is matched: by `PatternMatcher`, by `Regex`, or never (not a valid expression).
    enum Built {
        case matcher(PatternMatcher.Program, fallback: Regex<AnyRegexOutput>?)
        case regex(Regex<AnyRegexOutput>)
        case invalid
    }

    /// `required` as scalars, when each is one scalar `PatternMatcher` compares (else `nil`).
    let requiredScalars: Set<UInt32>?

    init(_ source: String) {
        self.source = source
        if let program = PatternSyntax.parse(source).flatMap(PatternMatcher.Program.init) {
            // Read at once (cheap): its required characters come from the tree.
            self.program = program
            built = .matcher(program, fallback: nil)
            requiredScalars = program.required
            required = program.required.map { Set($0.compactMap { Unicode.Scalar($0).map(Character.init) }) }
        } else {
            program = nil
            let required = RequiredCharacters.of(source)
            self.required = required
            let scalars = required?.compactMap(PatternMatcher.scalar(of:)) ?? []
            requiredScalars = scalars.count == required?.count ? Set(scalars) : nil
        }
    }

    /// `matches` for a text `PatternMatcher` reads: the character check and the match on scalars.
    func matches(_ text: String, scalars: PatternMatcher.Scalars) -> Bool {
        if let required {
            if let requiredScalars {
                if requiredScalars.isDisjoint(with: scalars.set) { return false }
            } else if required.isDisjoint(with: Set(text)) {
                return false
            }
        }
        if let program { return PatternMatcher.matches(program, in: scalars) }
        switch build() {
        case let .matcher(program, _): return PatternMatcher.matches(program, in: scalars)
        case let .regex(regex): return (try? regex.firstMatch(in: text)) != nil
        case .invalid: return false
        }
    }

    /// Whether the pattern matches `text` (`characters`: the set of `text`'s characters; `scalars`:
    /// `text` as `PatternMatcher` reads it, `nil` when it cannot).
    func matches(_ text: String, characters: Set<Character>, scalars: PatternMatcher.Scalars? = nil) -> Bool {
        if let required, required.isDisjoint(with: characters) { return false }
        switch build() {
        case let .matcher(program, _):
            if let scalars = scalars ?? PatternMatcher.Scalars(text) { return PatternMatcher.matches(program, in: scalars) }
            guard let regex = regex() else { return false }
            return (try? regex.firstMatch(in: text)) != nil
        case let .regex(regex): return (try? regex.firstMatch(in: text)) != nil
        case .invalid: return false
        }
    }

    private func build() -> Built {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let made: Built
        if let node = PatternSyntax.parse(source).flatMap(PatternMatcher.Program.init) {
            made = .matcher(node, fallback: nil)
        } else if let regex = try? Regex(source).asciiOnlyDigits() {
            made = .regex(regex)
        } else {
            made = .invalid
        }
        built = made
        return made
    }

    /// The compiled expression, for text `PatternMatcher` cannot read; `nil` for a pattern that is
    /// not valid (it never matches, as before).
    func regex() -> Regex<AnyRegexOutput>? {
        switch build() {
        case let .regex(regex): return regex
        case .invalid: return nil
        case let .matcher(program, fallback):
            if let fallback { return fallback }
            let regex = try? Regex(source).asciiOnlyDigits()
            lock.lock()
            built = .matcher(program, fallback: regex)
            lock.unlock()
            return regex
        }
    }
}

/// Works out, from a pattern's text, characters one of which every match contains.
///
/// Reads only the syntax content's patterns use (literals, escaped punctuation, `.`, classes, groups,
/// alternation, quantifiers, anchors) and answers `nil`, meaning "no such set", for anything else,
/// so that a pattern is never skipped wrongly: classes, `.` and escapes such as `\d` require nothing,
/// a quantifier that allows zero repetitions requires nothing, a sequence requires what any one of
/// its parts requires, and alternatives require the union of what each requires.
enum RequiredCharacters {
    static func of(_ pattern: String) -> Set<Character>? {
        var parser = Parser(characters: Array(pattern))
        guard let result = parser.alternation(), parser.index == parser.characters.count else { return nil }
        return result.required
    }

    /// What a piece of pattern requires (`nil`: nothing known). A piece the parser does not
    /// understand is `nil` as a whole `Requirement?`, which stops the analysis.
    struct Requirement {
        var required: Set<Character>?
    }

    struct Parser {
        let characters: [Character]
        var index = 0

        /// Alternatives up to the end or a closing `)`; `nil` when the syntax is not understood.
        mutating func alternation() -> Requirement? {
            var union: Set<Character>? = []
            while true {
                guard let branch = sequence() else { return nil }
                if let branchSet = branch.required, let current = union {
                    union = current.union(branchSet)
                } else {
                    union = nil
                }
                if index < characters.count && characters[index] == "|" {
                    index += 1
                    continue
                }
                return Requirement(required: union)
            }
        }

        /// Atoms with their quantifiers up to `|`, `)` or the end.
        mutating func sequence() -> Requirement? {
            var best: Set<Character>?
            while index < characters.count, characters[index] != "|", characters[index] != ")" {
                guard let atom = atom() else { return nil }
                guard let minimum = quantifierMinimum() else { return nil }
                if minimum > 0, let required = atom.required, best == nil || required.count < best!.count {
                    best = required
                }
            }
            return Requirement(required: best)
        }

        mutating func atom() -> Requirement? {
            let c = characters[index]
            index += 1
            switch c {
            case "(":
                if index < characters.count && characters[index] == "?" {
                    // Only a plain non-capturing group is read; lookarounds, flags and names are not.
                    guard index + 1 < characters.count, characters[index + 1] == ":" else { return nil }
                    index += 2
                }
                guard let inner = alternation(), index < characters.count, characters[index] == ")" else { return nil }
                index += 1
                return inner
            case "[":
                // A class: skip to its end (escapes and a leading `]` or `^` allowed); requires nothing known.
                var first = true
                while index < characters.count {
                    let d = characters[index]
                    if d == "\\" { index += 2; first = false; continue }
                    if d == "[" { return nil }
                    index += 1
                    if d == "]" && !first { return Requirement(required: nil) }
                    if !(first && d == "^") { first = false }
                }
                return nil
            case ".", "^", "$":
                return Requirement(required: nil)
            case "\\":
                guard index < characters.count else { return nil }
                let escaped = characters[index]
                index += 1
                if escaped.isLetter || escaped.isNumber || !escaped.isASCII { return Requirement(required: nil) }
                return Requirement(required: [escaped])
            case "*", "+", "?", "{", "}", "]":
                return nil
            default:
                return Requirement(required: [c])
            }
        }

        /// The least number of repetitions the quantifier after an atom allows (1 without one).
        mutating func quantifierMinimum() -> Int? {
            guard index < characters.count else { return 1 }
            var minimum = 1
            switch characters[index] {
            case "?", "*":
                minimum = 0
                index += 1
            case "+":
                index += 1
            case "{":
                guard let close = characters[index...].firstIndex(of: "}") else { return nil }
                let inside = String(characters[(index + 1)..<close])
                let bounds = inside.split(separator: ",", omittingEmptySubsequences: false)
                guard (1...2).contains(bounds.count), let low = Int(bounds[0]),
                    bounds.count == 1 || bounds[1].isEmpty || Int(bounds[1]) != nil
                else { return nil }
                minimum = low
                index = close + 1
            default:
                return 1
            }
            // A lazy or possessive mark changes nothing about the minimum.
            if index < characters.count && (characters[index] == "?" || characters[index] == "+") { index += 1 }
            return minimum
        }
    }
}
