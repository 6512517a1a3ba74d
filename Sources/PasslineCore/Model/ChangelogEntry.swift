/// One dated entry of the 更新记录: what changed for candidates on that day, in plain Chinese.
///
/// Entries come from `Content/changelog.md`, which `passline diff --record` appends to, so the site's
/// 更新记录 page and feed show readers what changed and when without anyone retyping the report.
public struct ChangelogEntry: Codable, Sendable, Hashable {
    /// Stable and unique: the day, then `-2`, `-3` … for later entries of the same day (anchors, feed ids).
    public var id: String
    /// The Beijing calendar day of the change, `2025-03-01`.
    public var date: String
    /// Words after the day in the entry's heading (`## 2025-03-01 申请截止延后`), if any.
    public var title: String?
    /// One line per change, as `passline diff` reported it or as an editor wrote it.
    public var changes: [String]
    /// Other paragraphs under the entry (an editor's explanation), as plain text.
    public var note: String
}
