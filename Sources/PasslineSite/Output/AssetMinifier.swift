import Foundation

/// Shrinks the site's scripts and stylesheet at build time, so sources keep their comments while
/// readers on slow connections download only code.
///
/// The JavaScript pass is deliberately conservative: it removes comments and whitespace but never
/// renames or reorders anything. It understands strings, template literals and regular-expression
/// literals (so `'//'` or `/[/*]/` survive), keeps a line break wherever automatic semicolon
/// insertion could depend on it, and keeps a space wherever two tokens would otherwise merge.
public enum AssetMinifier {
    public static func javaScript(_ source: String) -> String {
        let chars = Array(source.unicodeScalars)
        var out: [Unicode.Scalar] = []
        var i = 0
        var pendingSpace = false
        var pendingNewline = false
        /// The last significant character written, to tell a regex literal from a division.
        var lastSignificant: Unicode.Scalar? { out.last { !$0.properties.isWhitespace } }

        func isWord(_ c: Unicode.Scalar?) -> Bool {
            guard let c else { return false }
            return c == "_" || c == "$" || c == "\\" || c.properties.isAlphabetic || ("0"..."9").contains(c) || c.value > 0x7F
        }
        func flushSpace(before next: Unicode.Scalar) {
            defer { pendingSpace = false; pendingNewline = false }
            guard let last = out.last else { return }
            if pendingNewline {
                // A line break is only dropped where no statement can end: after an opener or separator.
                if !";{,([:".unicodeScalars.contains(last) && !"})]".unicodeScalars.contains(next) {
                    out.append("\n")
                } else if isWord(last) && isWord(next) {
                    out.append(" ")
                }
                return
            }
            guard pendingSpace else { return }
            if (isWord(last) && isWord(next)) || (last == next && "+-".unicodeScalars.contains(last)) || (last == "/" && next == "/") {
                out.append(" ")
            }
        }
        func previousWord() -> String {
            var word = ""
            for c in out.reversed() {
                if isWord(c) { word = String(c) + word } else if word.isEmpty && c.properties.isWhitespace { continue } else { break }
            }
            return word
        }
        func regexAllowed() -> Bool {
            guard let last = lastSignificant else { return true }
            if isWord(last) {
                return ["return", "typeof", "case", "in", "of", "new", "delete", "void", "throw", "instanceof", "do", "else"].contains(
                    previousWord())
            }
            return !")]}".unicodeScalars.contains(last)
        }
        func copyQuoted(_ quote: Unicode.Scalar) {
            out.append(chars[i]); i += 1
            while i < chars.count {
                let c = chars[i]
                out.append(c); i += 1
                if c == "\\", i < chars.count { out.append(chars[i]); i += 1; continue }
                if c == quote { return }
            }
        }
        func copyRegex() {
            out.append(chars[i]); i += 1
            var inClass = false
            while i < chars.count {
                let c = chars[i]
                out.append(c); i += 1
                if c == "\\", i < chars.count { out.append(chars[i]); i += 1; continue }
                if c == "[" { inClass = true } else if c == "]" { inClass = false } else if c == "/" && !inClass { break }
            }
            while i < chars.count, isWord(chars[i]) { out.append(chars[i]); i += 1 }
        }

        while i < chars.count {
            let c = chars[i]
            let next: Unicode.Scalar? = i + 1 < chars.count ? chars[i + 1] : nil
            if c == "/" && next == "/" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "/" && next == "*" {
                let start = i
                i += 2
                while i + 1 < chars.count && !(chars[i] == "*" && chars[i + 1] == "/") { i += 1 }
                if chars[start..<min(i, chars.count)].contains("\n") { pendingNewline = true } else { pendingSpace = true }
                i += 2
                continue
            }
            if c.properties.isWhitespace {
                if c == "\n" || c == "\r" { pendingNewline = true } else { pendingSpace = true }
                i += 1
                continue
            }
            flushSpace(before: c)
            if c == "'" || c == "\"" || c == "`" { copyQuoted(c); continue }
            if c == "/" && regexAllowed() { copyRegex(); continue }
            out.append(c)
            i += 1
        }
        var result = String(String.UnicodeScalarView(out))
        if !result.isEmpty { result += "\n" }
        return result
    }

    /// Removes comments and collapses whitespace in CSS; strings and the content of `url()` are kept.
    public static func css(_ source: String) -> String {
        var text = source.replacing(#/\/\*.*?\*\//#.dotMatchesNewlines(), with: "")
        text = text.replacing(#/\s+/#, with: " ")
        text = text.replacing(#/\s*([{};,>])\s*/#) { String($0.1) }
        text = text.replacingOccurrences(of: ";}", with: "}")
        return text.trimmingCharacters(in: .whitespaces) + "\n"
    }
}
