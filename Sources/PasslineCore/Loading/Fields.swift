import Foundation
import Yams

/// Collects every problem found while reading content, so an editor sees them all in one run.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    init() {}

    func error(_ path: String, _ location: (line: Int, column: Int), _ message: String) {
        add(Diagnostic(path, line: location.line, column: location.column, message))
    }
    func warning(_ path: String, _ location: (line: Int, column: Int), _ message: String) {
        add(Diagnostic(path, line: location.line, column: location.column, .warning, message))
    }
    func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
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
            log.error(path, Fields.location(of: node), "\(what)要写成 'key: value' 的形式")
            return nil
        }
        for (key, value) in mapping {
            pairs.append((key.string ?? "", key, value))
        }
    }

    /// A required key that is not there; unless it is there with a full-width colon (`start：…`),
    /// which `finish` names.
    func missing(_ key: String) {
        guard !pairs.contains(where: { $0.key.hasPrefix(key) && $0.key.dropFirst(key.count).trimmingSpaces.hasPrefix("：") }) else { return }
        log.error(path, location, "缺少键 '\(key)':加一行 '\(key): …'")
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
            if required { missing(key) }
            return nil
        }
        return Fields.text(node, named: key, path: path, log: log)
    }

    /// A text value: a scalar that is not empty, not YAML's null (`~`, `null` written unquoted: a
    /// reader would see "~") and at most `ContentLimits.textCharacters` long.
    static func text(_ node: Node, named key: String, path: String, log: DiagnosticLog) -> String? {
        guard case let .scalar(scalar) = node, !scalar.string.isEmpty else {
            log.error(path, Fields.location(of: node), "'\(key)' 要写文字")
            return nil
        }
        if isNull(scalar) {
            log.error(
                path, Fields.location(of: node),
                "'\(key)' 的值是 '\(scalar.string)',在 YAML 里表示\"空\":这里要写文字;如果要的就是这几个字符,加上引号 \"\(scalar.string)\"")
            return nil
        }
        // A character is at least one byte: only a long value needs counting.
        if scalar.string.utf8.count > ContentLimits.textCharacters, case let count = scalar.string.count,
            count > ContentLimits.textCharacters
        {
            log.error(
                path, Fields.location(of: node),
                "'\(key)' 有 \(count) 个字,超过一个值 \(ContentLimits.textCharacters) 个字的上限:长的内容写在正文里(第二个 '---' 下面)")
            return nil
        }
        return scalar.string
    }

    /// YAML's null written plainly: `~`, `null`, `Null`, `NULL`. Quoted, they are text.
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A number within `range`. Written as plain decimals (`42`, `38.5`): `1e30`, `0x2A`, `inf` and
    /// full-width `４２` are refused with what to write instead, before any conversion can overflow.
    mutating func number(_ key: String, required: Bool = true, in range: ClosedRange<Double>, whole: Bool = false) -> (
        value: Double, node: Node
    )? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        return Fields.number(node, named: key, in: range, whole: whole, path: path, log: log).map { ($0, node) }
    }

    static func number(
        _ node: Node, named key: String, in range: ClosedRange<Double>, whole: Bool = false, path: String, log: DiagnosticLog
    ) -> Double? {
        let written = node.string ?? ""
        guard case let .scalar(scalar) = node, let number = DecimalText.value(of: scalar.string.trimmingSpaces) else {
            if DecimalText.value(of: DecimalText.halfWidth(written).trimmingSpaces) != nil {
                log.error(
                    path, location(of: node),
                    "'\(key)' 的值 '\(written.shown)' 用了全角数字:改成半角的 \(DecimalText.halfWidth(written).trimmingSpaces.shown)")
            } else {
                log.error(
                    path, location(of: node),
                    "'\(key)' 要写一个数,这里是 \(node.string.map { "'\($0.shown)'" } ?? "列表或 'key: value'"):写成 42 或 38.5 这样的数")
            }
            return nil
        }
        guard range.contains(number), !whole || number.rounded() == number else {
            let bounds = "\(Score.text(range.lowerBound)) 到 \(Score.text(range.upperBound))"
            log.error(
                path, location(of: node), "'\(key)' 的值 '\(written.shown)' 不在 \(bounds) 之间:写一个\(whole ? "整数" : "数"),如 \(whole ? "10" : "42")"
            )
            return nil
        }
        return number
    }

    mutating func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let node = value(key) else { return fallback }
        guard let flag = node.bool else {
            log.error(path, Fields.location(of: node), "'\(key)' 只能写 true 或 false")
            return fallback
        }
        return flag
    }

    mutating func strings(_ key: String, required: Bool = false) -> [(String, SourceLocation)] {
        guard let node = value(key) else {
            if required { missing(key) }
            return []
        }
        guard case let .sequence(sequence) = node else {
            log.error(path, Fields.location(of: node), "'\(key)' 要写成列表,如 [a, b]")
            return []
        }
        return sequence.compactMap { item in
            guard case .scalar = item else {
                log.error(path, Fields.location(of: item), "'\(key)' 的每一项都要写文字")
                return nil
            }
            return Fields.text(item, named: key, path: path, log: log).map { ($0, sourceLocation(item)) }
        }
    }

    mutating func mapping(_ key: String, required: Bool = true, what: String? = nil) -> Fields? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        return Fields(node, path: path, log: log, what: what ?? "'\(key)'")
    }

    mutating func list(_ key: String, required: Bool = true) -> [Node] {
        guard let node = value(key) else {
            if required { missing(key) }
            return []
        }
        guard case let .sequence(sequence) = node else {
            log.error(path, Fields.location(of: node), "'\(key)' 要写成列表,每项一行 '- …'")
            return []
        }
        return Array(sequence)
    }

    mutating func date(_ key: String, required: Bool = true) -> (Date, SourceLocation)? {
        guard let text = string(key, required: required) else { return nil }
        let node = pairs.first { $0.key == key }?.value
        guard let date = Instant.parse(text) ?? Instant.parseDay(text) else {
            log.error(
                path, Fields.location(of: node),
                DateProblem.message(key: key, value: text, withTime: true, form: "写成北京时间,精确到分钟,如 2025-01-22T09:00+08:00"))
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
    private static let booleanWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
        "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"
    ]

    /// All keys, in file order, with their value nodes (for maps keyed by data such as levels).
    var entries: [(key: String, keyNode: Node, value: Node)] { pairs }

    /// Reports every key that no accessor read: a typo or a key this file kind does not have.
    func finish() {
        let allowed = used
        for pair in pairs where !allowed.contains(pair.key) {
            if let colon = pair.key.firstIndex(of: "：") {
                let key = pair.key[..<colon].trimmingSpaces, value = pair.key[pair.key.index(after: colon)...].trimmingSpaces
                let at = Fields.location(of: pair.keyNode), offset = pair.key.distance(from: pair.key.startIndex, to: colon)
                log.error(
                    path, (at.line, at.column + offset), "'\(key)' 后面的冒号是全角的 '：',YAML 只认半角冒号 ':':改成 '\(key): \(value.shown)'(半角冒号,后面空一格)")
                continue
            }
            let hint = Suggest.closest(to: pair.key, in: allowed).map { "(是不是 '\($0)'?)" } ?? ""
            log.error(
                path, Fields.location(of: pair.keyNode), "不认识的键 '\(pair.key.shown)'\(hint):改正拼写,或删掉这一行(每种文件有哪些键见 docs/content-format.md)")
        }
    }

    mutating func markUsed(_ keys: [String]) { used.formUnion(keys) }
}

/// Suggests the nearest known word for a misspelt one.
enum Suggest {
    /// Words longer than this get no suggestion: no id is that long, and comparing a megabyte-long
    /// key with every known one would take minutes.
    static let longest = 64

    static func closest(to word: String, in candidates: some Collection<String>) -> String? {
        guard word.count <= longest else { return nil }
        let scored = candidates.filter { $0.count <= longest }.map { ($0, distance(Array(word), Array($0))) }.filter {
            $0.1 <= max(2, word.count / 4)
        }
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

/// Decimal numbers as content writes them (`42`, `38.5`, `-1`, and `1e30`, which is then out of range),
/// read without Swift's further leniency: `Double("0x2A")`, `Double("inf")` and `Double("nan")` are
/// numbers to Swift but not to an editor. The value is range-checked by the caller before any
/// conversion (1e30 crashed the conversion to a whole number).
enum DecimalText {
    static func value(of text: some StringProtocol) -> Double? {
        var digits = 0, dots = 0, exponent = false, exponentDigits = 0, last: UInt8 = 0
        for (index, byte) in text.utf8.enumerated() {
            defer { last = byte }
            switch byte {
            case 0x30...0x39:
                if exponent { exponentDigits += 1 } else { digits += 1 }
            case 0x2E where digits > 0 && dots == 0 && !exponent:
                dots += 1
            case 0x2D, 0x2B:
                guard index == 0 || (exponent && (last == 0x65 || last == 0x45)) else { return nil }
            case 0x65 where digits > 0 && !exponent, 0x45 where digits > 0 && !exponent:
                exponent = true
            default:
                return nil
            }
        }
        guard digits > 0, last != 0x2E, !exponent || exponentDigits > 0 else { return nil }
        return Double(String(text))
    }

    /// Full-width digits, point and signs as their ASCII forms (`４２` → `42`).
    static func halfWidth(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    (0xFF10...0xFF19).contains(scalar.value) || scalar.value == 0xFF0E || scalar.value == 0xFF0D || scalar.value == 0xFF0B
                        ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
                }))
    }
}
