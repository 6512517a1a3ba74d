import PasslineCore

/// Where an extracted value was read: the report names it beside the value, so the editor can check it
/// against the notice.
public enum Provenance: Sendable, Hashable {
    case title, addressee, signature, afterSignature, pageAddress, option
    /// A clause by id: `一(一)`, `三(一)4`, `序`, `结语`.
    case clause(String)

    /// How the report says it.
    public var chinese: String {
        switch self {
        case .title: "标题"
        case .addressee: "主送机关一行"
        case .signature: "落款"
        case .afterSignature: "落款之后(转载网站注明的原文地址)"
        case .pageAddress: "网页本身的地址"
        case .option: "命令行 --source-url"
        case let .clause(id): ClauseName.chinese(id)
        }
    }

    /// The clause id, for a value read from a clause.
    public var clause: String? { if case let .clause(id) = self { id } else { nil } }
}

/// How a clause is named to an editor: `第三(一)4条`, `序(正文开头一段)`, `结语(落款前的结束语)`.
public enum ClauseName {
    public static func chinese(_ id: String) -> String {
        switch id {
        case "序": "序(正文开头一段)"
        case "结语": "结语(落款前的结束语)"
        default: "第\(id)条"
        }
    }
}

/// One value read from the notice, with where and from which words.
public struct Finding<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var source: Provenance
    /// The words it was read from, as the notice writes them (shortened when long).
    public var quote: String
}

/// A window (申请时间, 审核时间): each end a Beijing time to the minute, or `nil` when the notice does not
/// say it exactly (left `待填`, with the reason among the undecided).
public struct WindowFinding: Sendable, Hashable {
    public var start: String?
    public var end: String?
    /// `nil` when the notice states the window in several ways and the import cannot tell which.
    public var clause: String?
    public var quote: String
}

/// A session a notice's clause opens, with its thresholds by level.
public struct SessionFinding: Sendable, Hashable {
    public var exam: String
    /// `2024-H2` or `2024`.
    public var session: String
    /// As the notice names it: `2024年下半年`, `2024年度`.
    public var label: String
    public var thresholds: [Level: Double]
    /// Levels of the exam the clause states no threshold for (left `待填`).
    public var missing: [Level]
    public var clause: String
    public var quote: String
    public var id: String { "\(exam)-\(session)" }
}

/// A website the notice names for an exam, against the name `exams/<id>.md` gives it.
public struct WebsiteFinding: Sendable, Hashable {
    public var exam: String
    public var written: String
    public var dataName: String?
    public var clause: String
}

/// A document the notice cites (`《…》`), and the `sources.md` entry it matches, if any.
public struct Citation: Sendable, Hashable {
    public var title: String
    public var clause: String
    public var sources: [String]
}

/// Which clause plays a role (`procedure` → `四`), and why: the words that tied it.
public struct RoleFinding: Sendable, Hashable {
    public var name: String
    public var clause: String
    public var reason: String
}

/// Something the import could not decide: the draft holds `待填` there (or leaves a key out), and the
/// report says why.
public struct Undecided: Sendable, Hashable {
    /// The key in the draft, e.g. `application.start`, `thresholds.senior`, or a file for a whole file.
    public var key: String
    public var message: String
}

/// Every fact read from one notice.
public struct ExtractedNotice: Sendable, Hashable {
    public var id: String?
    public var title: Finding<String>?
    public var issuer: Finding<String>?
    public var date: Finding<String>?
    public var addressee: Finding<String>?
    public var sourceURL: Finding<String>?
    public var application: WindowFinding?
    public var review: WindowFinding?
    public var hotline: Finding<String>?
    public var entry: Finding<String>?
    public var websites: [WebsiteFinding] = []
    public var urls: [Finding<String>] = []
    /// `sources.md` ids of the documents the notice rests on (cited in its opening).
    public var legalBasis: [Finding<String>] = []
    public var citations: [Citation] = []
    /// In the order roles are written.
    public var roles: [RoleFinding] = []
    public var sessions: [SessionFinding] = []
    public var undecided: [Undecided] = []
    /// Things the editor should know that are not missing values.
    public var notes: [String] = []

    public func role(_ name: String) -> RoleFinding? { roles.first { $0.name == name } }
}
