/// A level of an exam, by the engine's stable id.
public enum Level: String, Codable, CaseIterable, Sendable, Comparable {
    case junior, intermediate, senior
    public static func < (a: Level, b: Level) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// How an exam names its sessions: twice a year (`2024-H2`) or once a year (`2024`).
public enum SessionForm: String, Codable, Sendable {
    case halfYear = "half-year"
    case year

    /// Whether `id` is written the way this exam writes session ids.
    public func accepts(_ id: String) -> Bool {
        let u = Array(id.utf8)
        let year = u.count >= 4 && u[0..<4].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        switch self {
        case .halfYear: return year && u.count == 7 && u[4] == 0x2D && u[5] == 0x48 && (u[6] == 0x31 || u[6] == 0x32)
        case .year: return year && u.count == 4
        }
    }

    /// An example id, for error messages.
    public var example: String { self == .halfYear ? "2024-H2" : "2024" }
}

/// The subjects one level sits, each marked out of the exam's full marks.
public struct LevelStandard: Codable, Sendable, Hashable {
    public var level: Level
    public var name: String
    public var subjects: [String]
}

/// An official website named in content.
public struct Website: Codable, Sendable, Hashable {
    public var name: String
    public var url: String
}

/// An exam's national standard: the marks every candidate outside the delineated areas needs.
public struct Exam: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var shortName: String
    public var noticeName: String
    public var aliases: [String]
    public var sessionForm: SessionForm
    public var fullMarks: Double
    public var passMark: Double
    public var levels: [LevelStandard]
    public var website: Website?
    public var sources: [String]
    /// Editor's notes in Markdown, facts already filled in.
    public var notes: String
    /// The sources the full marks rest on, when they are not those of the whole standard: 通信's
    /// 100 rests on one weak page, and every page showing it must say so (`RuleBook.fullMarksConfidence`).
    public var fullMarksSources: [String]?

    public func standard(for level: Level) -> LevelStandard? { levels.first { $0.level == level } }
}
