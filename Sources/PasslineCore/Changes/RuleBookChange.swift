/// One difference between two versions of the content that a candidate could notice: a threshold,
/// a date, a covered session, an area, a FAQ entry.
///
/// Structured so a caller can filter or count changes, and carrying the plain-Chinese line that
/// `passline diff` prints and the changelog records, so editors and readers see the same words.
public struct RuleBookChange: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case added, removed, changed }

    /// What kind of thing changed, in the order the report lists them.
    public enum Subject: String, Codable, Sendable, CaseIterable {
        case notice, session, exam, area, qualification, faq, source, message
    }

    public var subject: Subject
    public var kind: Kind
    /// A stable name of what changed, e.g. `threshold:ruankao/2024-H2/senior`, `notice:2025-01-15:application.end`.
    public var key: String
    /// The value before and after, as shown to a reader (`40`, `2025年2月28日17:00`); `nil` when added or removed.
    public var before: String?
    public var after: String?
    /// The change in plain Chinese, e.g. `2024年下半年 软考 高级 单独划线: 40 → 41`.
    public var line: String

    public init(subject: Subject, kind: Kind, key: String, before: String? = nil, after: String? = nil, line: String) {
        self.subject = subject
        self.kind = kind
        self.key = key
        self.before = before
        self.after = after
        self.line = line
    }
}
