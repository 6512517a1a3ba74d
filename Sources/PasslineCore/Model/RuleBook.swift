import Foundation

/// Everything Passline knows, validated: the single value the site, `rules.json` and the bot are
/// derived from.
public struct RuleBook: Codable, Sendable, Hashable {
    /// Bumped when `rules.json` changes incompatibly; readers must check it.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var exams: [Exam]
    public var sessions: [Session]
    /// Newest first.
    public var notices: [Notice]
    public var areas: [Area]
    public var qualifications: [QualificationList]
    public var faq: [FAQEntry]
    /// The FAQ's pages in order (Content/faq-topics.md); `nil` without that file (one FAQ page).
    public var faqTopics: [FAQTopic]? = nil
    public var sources: [Source]
    /// The sentences that explain verdicts, by key (`below-threshold`), with `{slot}`s.
    public var messages: [String: String]
    /// Every fact a FAQ answer may reference, by key (`application.end` → `2025年2月28日17:00`).
    public var facts: [String: String]
    /// What changed and when, newest first (Content/changelog.md, kept by `passline diff --record`).
    public var changelog: [ChangelogEntry] = []
    /// What the helpdesk bot recognises and says (Content/inquiry/); `nil` when the content has none.
    public var inquiry: InquiryContent?
    /// Which content this book was loaded from: a short hash of the content files' paths and bytes
    /// (`ContentVersion`), the same in a clone and a working copy; `nil` for a book not read from files.
    /// Published in `rules.json`, it lets the helpdesk say which rules it answers from.
    public var contentVersion: String?
    /// Words whose Traditional form Content decides (Content/traditional.md); `nil` without that file.
    public var traditionalForms: [TraditionalForm]?

    public func exam(_ id: String) -> Exam? { exams.first { $0.id == id } }
    public func session(exam: String, id: String) -> Session? { sessions.first { $0.exam == exam && $0.id == id } }
    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
    public func notice(_ id: String) -> Notice? { notices.first { $0.id == id } }

    /// The notice readers should see first: the newest.
    public var currentNotice: Notice? { notices.first }

    /// The notice that decides a session's window at `now`: the one open then; else the next to open;
    /// else the one that closed last. Rounds repeat sessions, so "which notice" depends on the instant.
    public func applicableNotice(exam: String, session: String, at now: Date) -> Notice? {
        let covering = notices.filter { $0.covers(exam: exam, session: session) != nil }
        if let open = covering.first(where: { $0.application.state(at: now) == .open }) { return open }
        if let next = covering.filter({ $0.application.state(at: now) == .before }).min(by: { $0.application.start < $1.application.start })
        {
            return next
        }
        return covering.max { $0.application.end < $1.application.end }
    }

    /// A JSON encoder whose output is stable byte for byte: sorted keys, Beijing-time instants.
    public static func jsonEncoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Instant.iso(date))
        }
        return encoder
    }

    public static func jsonDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = Instant.parse(text) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 instant: \(text)"))
            }
            return date
        }
        return decoder
    }

    /// Reads a published `rules.json`, refusing a schema this build does not understand.
    public static func decode(_ data: Data) throws -> RuleBook {
        let book = try jsonDecoder().decode(RuleBook.self, from: data)
        guard book.schemaVersion == currentSchemaVersion else {
            throw ContentErrors(diagnostics: [
                Diagnostic(
                    "rules.json", line: 1,
                    "rules.json 的 schemaVersion 是 \(book.schemaVersion),这个版本的 Passline 只读 \(currentSchemaVersion):用同一版本的 passline build 重新生成它"
                )
            ])
        }
        return book
    }
}
