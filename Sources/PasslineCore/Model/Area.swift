/// A province or region and the delineated (单独划线) places it has.
public struct Area: Codable, Sendable, Hashable {
    public enum Scope: String, Codable, Sendable { case whole, part }
    public var id: String
    public var region: String
    public var scope: Scope
    /// The category of 人社厅发〔2022〕25号 the places fall under.
    public var basis: String
    public var places: [String]
    /// `false` when the sourced list is known to be partial: readers must check with the provincial office.
    public var complete: Bool
    public var sources: [String]
    public var notes: String
}

/// 软考 qualification names grouped by level, so a caller can say "信息安全工程师" instead of "中级".
public struct QualificationList: Codable, Sendable, Hashable {
    public struct Group: Codable, Sendable, Hashable {
        public var level: Level
        public var names: [String]
    }
    public var exam: String
    public var groups: [Group]
    public var sources: [String]

    public func level(of name: String) -> Level? { groups.first { $0.names.contains(name) }?.level }
}

/// A background source: a document that states a fact the notice does not.
public struct Source: Codable, Sendable, Hashable {
    public enum Confidence: String, Codable, Sendable { case strong, medium, weak }
    public var id: String
    public var title: String
    public var url: String
    public var confidence: Confidence
    public var note: String?
    /// A short name for citations (`人社厅发〔2022〕25号`) where the title is a sentence long; `name:`
    /// in sources.md, optional.
    public var name: String? = nil

    /// What a reader sees where a page or an answer cites the source: its short name, or its title.
    /// Never the id, which is the editors' handle and means nothing to a candidate.
    public var readerName: String { name ?? title }
}

/// A question candidates ask, with its answer.
public struct FAQEntry: Codable, Sendable, Hashable {
    public var id: String
    public var question: String
    public var phrasings: [String]
    public var keywords: [String]
    /// `notice:三(一)4` or `source:hrss-2022-25`.
    public var cites: [String]
    public var order: Int
    /// The answer in Markdown, fact references already replaced by their values.
    public var answer: String
    /// The `FAQTopic` whose page holds the entry (`topic:` in its file); absent when the content
    /// declares no topics, and then every entry is on one page.
    public var topic: String? = nil
}

/// A page of the FAQ (Content/faq-topics.md, in page order): the FAQ is split by what the questions
/// are about, so a page that grows past the page budget is fixed by moving entries to another topic,
/// something an editor can do, rather than by a limit nobody can act on.
public struct FAQTopic: Codable, Sendable, Hashable {
    /// Part of the page's file name (`faq-<id>.html`).
    public var id: String
    /// The heading readers see.
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
