import Foundation

/// Writes `Content/changelog.md` entries the way `ChangelogReader` reads them, so `passline diff
/// --record` and a hand edit produce the same shape.
public enum ChangelogText {
    /// The file's name inside the content directory.
    public static let fileName = "changelog.md"

    /// A new changelog: front matter (required of every content file) and a note for editors that is
    /// not published (text before the first entry).
    public static let newFile = """
        ---
        # 更新记录 (changelog): what changed for candidates, and when. `passline diff --record` appends an
        # entry ("## day", then one "- line" per change); you may edit the lines or add a sentence under an
        # entry to explain it. The site shows the entries on its 更新记录 page and in its feed.
        title: 更新记录
        ---
        每次发布前运行 `passline diff --record`,在下面追加一条记录。

        """

    /// `existing` (or a new file) with one entry appended for `day` (`2025-03-01`).
    public static func appending(_ lines: [String], day: String, to existing: String?) -> String {
        var text = existing ?? newFile
        if !text.hasSuffix("\n") { text += "\n" }
        if !text.hasSuffix("\n\n") { text += "\n" }
        text += "## \(day)\n\n"
        for line in lines { text += "- \(escaped(line))\n" }
        return text
    }

    /// Keeps a report line literal in Markdown: no emphasis, links, HTML or nested list from its characters.
    static func escaped(_ line: String) -> String {
        var out = ""
        for character in line {
            if "\\`*_[]<>#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
