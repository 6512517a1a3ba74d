/// The one form of every id the build turns into a file name, an anchor or a URL part: a name,
/// never a path.
///
/// An id an editor gives (exams, notices, sources, areas, FAQ entries, intents) is 1 to 64 bytes of
/// lowercase ASCII letters, digits and `-`, not starting with `-`: `ruankao`, `hrss-2022-25`,
/// `2025-01-15`. Session ids are the one exception, because they are written the way the exam names its
/// sessions: `2024-H2` (half-year exams) or `2024` (yearly), as `SessionForm.accepts` checks; that form
/// is stricter still (digits, one `-`, `H1`/`H2`). Either way an id has no `/`, `.`, `\`, space or
/// control character, so `notice-\(id).html` is a file inside the output folder and nothing else.
///
/// The model keeps ids as `String` (they are `rules.json`'s public schema); the loader refuses any
/// id that is not a `ContentID`, so every id in a loaded `RuleBook` is one. A byte check, not a regex:
/// a regex literal is parsed anew on each use (about 35 µs), and ids are checked for every file of an
/// archive and at every start of the helpdesk bot.
public struct ContentID: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// An editor's id, or `nil` if `rawValue` is not one.
    public init?(rawValue: String) {
        guard Self.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// A session id in the form `form` (`2024-H2`, `2024`), or `nil`.
    public init?(session: String, form: SessionForm) {
        guard form.accepts(session) else { return nil }
        rawValue = session
    }

    public var description: String { rawValue }
    public static func < (a: ContentID, b: ContentID) -> Bool { a.rawValue < b.rawValue }

    /// Whether `id` is an editor's id: lowercase ASCII letters, digits and `-` (not first), 1–64 bytes.
    public static func isValid(_ id: String) -> Bool {
        var count = 0
        for byte in id.utf8 {
            let allowed = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (count > 0 && byte == 0x2D)
            guard allowed else { return false }
            count += 1
        }
        return count > 0 && count <= ContentLimits.idBytes
    }

    /// What is wrong with an id that is not valid, in words an editor can act on (`nil` if it is valid).
    static func problem(with id: String) -> String? {
        guard !isValid(id) else { return nil }
        if id.utf8.count > ContentLimits.idBytes { return "太长(\(id.utf8.count) 字节,最多 \(ContentLimits.idBytes))" }
        if id.contains("/") || id.contains("\\") || id.contains("..") { return "含有 '/'、'\\' 或 '..':id 是名字,不是路径" }
        if id.contains(where: { $0.isWhitespace }) { return "含有空格或换行" }
        if id.hasPrefix("-") { return "以 '-' 开头" }
        if id.contains(where: { $0.isUppercase && $0.isASCII }) { return "含有大写字母" }
        return "含有小写字母、数字和 '-' 以外的字符"
    }
}

/// The bot's reader asks `Identifier.isValid`; it is `ContentID`'s check.
public typealias Identifier = ContentID
