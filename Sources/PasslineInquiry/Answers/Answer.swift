/// One reply of the bot, exactly what `inquiry --json` prints per line.
public struct Answer: Codable, Sendable, Hashable {
    /// The reply text, in the script of the question, ending with where it comes from.
    public var answer: String
    /// The intent id (see README.md), `faq:<id>`, `fallback` or `empty`.
    public var intent: String
    /// `notice:<clause>`, `faq:<id>`, `source:<id>`, `area:<id>`.
    public var citations: [String]
    /// What the bot still has to ask, first the one it asks now (`session`, `level`, `scores`, …).
    public var needs: [String]

    public init(answer: String, intent: String, citations: [String], needs: [String]) {
        self.answer = answer
        self.intent = intent
        self.citations = citations
        self.needs = needs
    }
}

/// Where a statement in an answer comes from.
public enum Citation: Hashable, Sendable {
    case notice(id: String, clause: String)
    case faq(String)
    case source(String)
    case area(String)

    /// The machine form printed in `citations`.
    public var key: String {
        switch self {
        case let .notice(_, clause): "notice:\(clause)"
        case let .faq(id): "faq:\(id)"
        case let .source(id): "source:\(id)"
        case let .area(id): "area:\(id)"
        }
    }
}

/// An answer being built: lines of text, what they cite, what is still missing.
struct Draft {
    var intent: String
    var lines: [String] = []
    var citations: [Citation] = []
    var needs: [String] = []
    /// Whether the reply fell back (for `--log`).
    var isFallback = false
    /// Whether the FAQ entry linked to the intent adds to this answer (not when the answer is about
    /// one named place, say).
    var wantsLinkedFAQ = true
    /// Whether a FAQ entry that matches the question well may be added.
    var wantsRelatedFAQ = true
    /// The answer says a session or level is outside the notice.
    var notCovered = false
    /// The verdict's headline when the answer gives one (kept by the dialogue).
    var verdict: String?

    init(intent: String) { self.intent = intent }

    mutating func add(_ line: String?) {
        guard let line, !line.isEmpty, !lines.contains(line) else { return }
        lines.append(line)
    }

    mutating func cite(_ citation: Citation) {
        if !citations.contains(citation) { citations.append(citation) }
    }
}
