/// The form of every id an editor writes (exams, sources, areas, FAQ entries, intents): lowercase ASCII
/// letters, digits and `-`, not starting with `-`. Ids become file names, anchors and URL parts, so
/// nothing else is safe.
///
/// A byte check, not a regex: a regex literal is parsed anew on each use (about 35 µs), and ids are
/// checked for every file of an archive and at every start of the helpdesk bot.
public enum Identifier {
    public static func isValid(_ id: String) -> Bool {
        var first = true
        for byte in id.utf8 {
            let allowed = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (!first && byte == 0x2D)
            guard allowed else { return false }
            first = false
        }
        return !first
    }
}
