/// Scalars written into a draft's front matter so that YAML reads back exactly the text: plain when
/// that is safe (as the shipped files write them), double-quoted otherwise.
enum YAMLText {
    /// `inFlow`: inside `{…}` or `[…]`, where `,` and brackets also end a plain scalar.
    static func scalar(_ text: String, inFlow: Bool = false) -> String {
        plainIsSafe(text, inFlow: inFlow) ? text : quoted(text)
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    static func plainIsSafe(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.first, let last = text.last, !first.isWhitespace, !last.isWhitespace else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") || text.contains("\n") || text.contains("\t") { return false }
        if inFlow, text.contains(where: { ",[]{}".contains($0) }) { return false }
        // Words and numbers YAML would read as something else than a string.
        let lower = text.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lower) { return false }
        // Numbers (with YAML 1.1's octal, hex and sexagesimal forms) and days; `010-68607734` stays a string.
        if Double(text) != nil || text.allSatisfy({ $0.isASCII && ($0.isNumber || "_:".contains($0)) }) { return false }
        if text.hasPrefix("0x") || text.hasPrefix("0o") || text.hasPrefix("0b") { return false }
        if text.count == 10, Array(text).enumerated().allSatisfy({ i, c in i == 4 || i == 7 ? c == "-" : c.isASCII && c.isNumber }) {
            return false
        }
        return true
    }
}
