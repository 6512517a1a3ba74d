extension StringProtocol {
    /// Like Foundation's `trimmingCharacters(in: .whitespaces)`, without the NSString bridge.
    var trimmingSpaces: Substring {
        let s = self[...]
        let start = s.firstIndex { !($0.isWhitespace && !$0.isNewline) } ?? s.endIndex
        let end = s[start...].lastIndex { !($0.isWhitespace && !$0.isNewline) }.map { s.index(after: $0) } ?? start
        return Substring(s[start..<end])
    }
    /// Like `trimmingCharacters(in: .whitespacesAndNewlines)`, without the NSString bridge.
    var trimmingWhitespace: String {
        let s = self[...]
        let start = s.firstIndex { !$0.isWhitespace } ?? s.endIndex
        let end = s[start...].lastIndex { !$0.isWhitespace }.map { s.index(after: $0) } ?? start
        return String(s[start..<end])
    }
}

extension StringProtocol {
    /// The value as a message quotes it: whole when short, else its first 40 characters and "…", so a
    /// megabyte-long value never fills the terminal.
    var shown: String { count > 40 ? String(prefix(40)) + "…" : String(self) }
}

import Yams
extension Resolver {
    /// Content reads numbers and dates from the text itself; only booleans need a resolved tag.
    static let contentRules = Resolver.basic.appending(Resolver.Rule.bool)
}
