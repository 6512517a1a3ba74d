import Foundation

/// Where an instant stands relative to a window.
public enum WindowState: String, Codable, Sendable {
    case before, open, closed
}

/// A period stated by a notice, with the clause that states it.
public struct Window: Codable, Sendable, Hashable {
    public var start: Date
    /// Inclusive: the notice's "至2月28日17:00" still accepts applications at 17:00:00.
    public var end: Date
    public var clause: String?

    public func state(at now: Date) -> WindowState {
        if now < start { return .before }
        return now <= end ? .open : .closed
    }
}

/// A session a notice opens, and the clause of the notice that states its threshold.
public struct Coverage: Codable, Sendable, Hashable {
    public var exam: String
    public var session: String
    public var clause: String?
}

/// An addressable part of a notice's text, such as `三(一)4`.
public struct Clause: Codable, Sendable, Hashable {
    /// The citation form, e.g. `三(一)4`, `序` (text before the first clause), `结语` (after the clauses).
    public var id: String
    /// An ASCII fragment id for links, e.g. `c3-1-4`.
    public var anchor: String
    /// 1 for `一、`, 2 for `(一)`, 3 for `1.`; 0 for the unnumbered `序` and `结语`.
    public var depth: Int
    /// What a reader sees, markup removed.
    public var text: String
    /// The clause's blocks as rendered by cmark.
    public var html: String
}

/// Whether a notice's body is the official text or a summary of one whose text is not at hand.
public enum NoticeKind: String, Codable, Sendable {
    case full, summary
}

/// A notice that opens a 补申领 round.
public struct Notice: Codable, Sendable, Hashable {
    public var id: String
    public var kind: NoticeKind
    public var title: String
    public var issuer: String
    /// The signature date, `2025-01-15`.
    public var date: String
    public var addressee: String?
    public var sourceURL: String
    public var application: Window
    public var review: Window?
    public var hotline: String
    public var entry: String
    public var legalBasis: [String]
    public var covers: [Coverage]
    /// Which clause answers which recurring question (`local` → `二(一)`), so citations live in data.
    public var roles: [String: String]
    /// The body in Markdown, as written.
    public var body: String
    public var clauses: [Clause]
    /// Source ids (sources.md) the notice was read from. A summary must name them: they are where its
    /// facts come from, and the first one's address is its `sourceURL`.
    public var sources: [String] = []
    /// Whether `sourceURL` is a repost rather than the official page (`source_kind: repost`): the
    /// notice page then says our text is one repost and the official publication is the authority.
    public var sourceIsRepost: Bool?

    public func clause(_ id: String) -> Clause? { clauses.first { $0.id == id } }
    public func covers(exam: String, session: String) -> Coverage? { covers.first { $0.exam == exam && $0.session == session } }
}
