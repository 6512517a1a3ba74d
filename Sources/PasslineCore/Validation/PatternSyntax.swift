/// The part of regular-expression syntax that content's intent patterns use, read without Swift's
/// `Regex` parser.
///
/// Every load checks that each intent pattern is a valid expression, and the bot tries patterns on
/// every question. Swift's `Regex(String)` parser costs about 0.7 M instructions per pattern (about
/// 12% of `inquiry ask --content`), so the check first reads the pattern with this small parser: a
/// pattern it reads is valid, and the bot can match it without `Regex` (`PatternNode`). Anything it
/// does not read (lookarounds, flags, named groups, possessive quantifiers, set operations in classes,
/// empty alternatives) is left to `Regex`, as before: this parser accepts only what `Regex` accepts
/// too, never more (tested on every pattern in content and on malformed ones).
public enum PatternSyntax {
    /// `pattern` read into a tree, or `nil` when it uses syntax beyond this reader.
    public static func parse(_ pattern: String) -> PatternNode? {
        // Read by scalar (cheap to compare); a character of several scalars is left to `Regex`.
        let scalars = Array(pattern.unicodeScalars)
        guard scalars.count == pattern.count else { return nil }
        var parser = Parser(characters: scalars)
        guard !parser.characters.isEmpty, let node = parser.alternation(), parser.index == parser.characters.count else { return nil }
        return node
    }

    /// Whether `pattern` is a valid regular expression: read here when it can be, else by `Regex`.
    public static func isValid(_ pattern: String) -> Bool {
        parse(pattern) != nil || (try? Regex(pattern)) != nil
    }

    /// ASCII punctuation that `\` turns into the literal character.
    static let escapable: Set<Unicode.Scalar> = [
        "\\", ".", "?", "*", "+", "(", ")", "[", "]", "{", "}", "|", "^", "$", "-", "/", ",", ":", "!", "~", "<", ">", "=", "&", "#", "%",
        "'", "\"", "@", "_", ";"
    ]
    /// ASCII characters that mean something outside a class and are not literals there.
    static let special: Set<Unicode.Scalar> = ["\\", ".", "?", "*", "+", "(", ")", "[", "]", "{", "}", "|", "^", "$"]
    /// ASCII characters written as themselves inside a class (no `[`, `]`, `\`, `-`, `:`, `^`; `&`, `~` alone).
    static func plainInClass(_ c: Unicode.Scalar) -> Bool {
        if !c.isASCII { return !c.properties.isWhitespace }
        return isAlphanumeric(c) || "!?.,;'\"/<>=%@_#*+(){}|$".unicodeScalars.contains(c)
    }

    static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
    }

    struct Parser {
        let characters: [Unicode.Scalar]
        var index = 0

        var current: Unicode.Scalar? { index < characters.count ? characters[index] : nil }

        /// Branches separated by `|` up to the end or a `)`; no branch may be empty.
        mutating func alternation() -> PatternNode? {
            var branches: [PatternNode] = []
            while true {
                guard let branch = sequence() else { return nil }
                branches.append(branch)
                guard current == "|" else { break }
                index += 1
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        mutating func sequence() -> PatternNode? {
            var items: [PatternNode] = []
            while let c = current, c != "|", c != ")" {
                guard let atom = atom() else { return nil }
                if let quantified = quantifier(on: atom) {
                    guard let quantified else { return nil }
                    items.append(quantified)
                } else {
                    items.append(atom)
                }
            }
            guard !items.isEmpty else { return nil }
            return items.count == 1 ? items[0] : .sequence(items)
        }

        mutating func atom() -> PatternNode? {
            guard let c = current else { return nil }
            index += 1
            switch c {
            case "(":
                if current == "?" {
                    guard index + 1 < characters.count, characters[index + 1] == ":" else { return nil }
                    index += 2
                }
                if current == "*" { return nil }
                guard let inner = alternation(), current == ")" else { return nil }
                index += 1
                return inner
            case "[": return characterClass()
            case ".": return .any
            case "^": return .start
            case "$": return .end
            case "\\":
                guard let escaped = current else { return nil }
                index += 1
                if escaped == "d" { return .digit }
                return Self.isEscapable(escaped) ? .literal(Character(escaped)) : nil
            default:
                if PatternSyntax.special.contains(c) || c.properties.isWhitespace { return nil }
                return .literal(Character(c))
            }
        }

        static func isEscapable(_ c: Unicode.Scalar) -> Bool { PatternSyntax.escapable.contains(c) }

        /// `[…]` after its `[`: literals, ASCII ranges, `\d` and escaped punctuation, optionally negated.
        mutating func characterClass() -> PatternNode? {
            var negated = false
            if current == "^" {
                negated = true
                index += 1
            }
            var members: [PatternNode.ClassMember] = []
            while let c = current, c != "]" {
                index += 1
                if c == "\\" {
                    guard let escaped = current else { return nil }
                    index += 1
                    if escaped == "d" {
                        members.append(.digit)
                    } else if Self.isEscapable(escaped) {
                        members.append(.character(Character(escaped)))
                    } else {
                        return nil
                    }
                    continue
                }
                // `&&` and `~~` are set operations; one `&` or `~` is the character.
                let single = (c == "~" || c == "&") && current != c
                guard single || PatternSyntax.plainInClass(c) else { return nil }
                if current == "-" {
                    // A range: both ends ASCII letters or digits, in order.
                    guard index + 1 < characters.count else { return nil }
                    let high = characters[index + 1]
                    guard PatternSyntax.isAlphanumeric(c), PatternSyntax.isAlphanumeric(high), c.value <= high.value else { return nil }
                    index += 2
                    members.append(.range(UInt8(c.value), UInt8(high.value)))
                    continue
                }
                members.append(.character(Character(c)))
            }
            guard current == "]", !members.isEmpty else { return nil }
            index += 1
            return .set(members, negated: negated)
        }

        /// The quantifier after `atom`: `nil` when there is none, `.some(nil)` when it is not read here.
        mutating func quantifier(on atom: PatternNode) -> PatternNode?? {
            guard let c = current else { return nil }
            var low = 0
            var high: Int?
            switch c {
            case "?": high = 1
            case "*": break
            case "+": low = 1
            case "{":
                guard let close = characters[index...].firstIndex(of: "}") else { return .some(nil) }
                var inside = String.UnicodeScalarView()
                inside.append(contentsOf: characters[(index + 1)..<close])
                let bounds = String(inside).split(separator: ",", omittingEmptySubsequences: false)
                func isNumber(_ text: Substring) -> Bool { !text.isEmpty && text.allSatisfy { ("0"..."9").contains($0) } }
                guard (1...2).contains(bounds.count), isNumber(bounds[0]), let first = Int(bounds[0]) else { return .some(nil) }
                low = first
                if bounds.count == 1 {
                    high = first
                } else if !bounds[1].isEmpty {
                    guard isNumber(bounds[1]), let second = Int(bounds[1]), second >= first else { return .some(nil) }
                    high = second
                }
                guard low <= 1000, (high ?? 0) <= 1000 else { return .some(nil) }
                index = close
            default: return nil
            }
            index += 1
            switch atom {
            case .start, .end: return .some(nil)
            default: break
            }
            // A lazy mark changes which match is found, not whether there is one; possessive does.
            if current == "?" { index += 1 } else if current == "+" { return .some(nil) }
            if let next = current, next == "?" || next == "*" || next == "+" || next == "{" { return .some(nil) }
            return .some(.repeated(atom, min: low, max: high))
        }
    }
}

/// An intent pattern as `PatternSyntax` reads it.
public indirect enum PatternNode: Sendable, Equatable {
    case literal(Character)
    /// `.`: any character but a line break.
    case any
    /// `\d`, ASCII digits only (the bot matches with `asciiOnlyDigits`).
    case digit
    case set([ClassMember], negated: Bool)
    case start
    case end
    case sequence([PatternNode])
    case alternation([PatternNode])
    /// `max` nil: no upper bound.
    case repeated(PatternNode, min: Int, max: Int?)

    public enum ClassMember: Sendable, Equatable {
        case character(Character)
        /// ASCII code points, both ends included.
        case range(UInt8, UInt8)
        case digit
    }
}
