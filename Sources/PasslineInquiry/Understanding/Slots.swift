import PasslineCore

/// An exam sitting as a caller names it: a year, and for half-yearly exams the half (1 or 2).
public struct SessionMention: Hashable, Sendable, Codable {
    public var year: Int
    /// 1 = 上半年, 2 = 下半年; `nil` when only the year was said.
    public var half: Int?

    public init(year: Int, half: Int?) {
        self.year = year
        self.half = half
    }

    /// The engine's session id for an exam of `form`, or `nil` if the mention is not precise enough.
    public func id(for form: SessionForm) -> String? {
        switch form {
        case .year: String(year)
        case .halfYear: half.map { "\(year)-H\($0)" }
        }
    }
}

/// A score as said, with the subject when the caller named it (`案例分析39`).
public struct ScoreMention: Hashable, Sendable, Codable {
    public var value: Double
    public var subject: String?
    /// The subject by its place in the exam (0 = first, `上午那科`), when said that way.
    public var position: Int?

    public init(value: Double, subject: String? = nil, position: Int? = nil) {
        self.value = value
        self.subject = subject
        self.position = position
    }
}

/// What a place is to the caller, from the words around it.
public enum PlaceRole: String, Hashable, Sendable, Codable {
    /// `在北京考的`, `在喀什报名`.
    case exam
    /// `调到西藏工作`, `在凉山上班`.
    case work
    /// `住在林芝`: where the caller lives, which makes them neither category by itself.
    case home
}

public struct PlaceMention: Hashable, Sendable, Codable {
    /// As the caller wrote it (normalised).
    public var name: String
    /// The canonical name in content (`喀什地区` for `喀什`).
    public var canonical: String
    /// Where the place stands in content (`PlaceLookup`); `nil` for a word shaped like a place name
    /// that no list names, about which the bot says it cannot tell.
    public var status: PlaceLookup.Status?
    /// Character offset in the normalised text, to tell where an exam was taken from where one works.
    public var offset: Int
    public var role: PlaceRole?
}

/// Everything a question (or a conversation so far) has said that an answer can use.
public struct Slots: Hashable, Sendable, Codable {
    public var exam: String?
    public var sessions: [SessionMention] = []
    /// A half said without a year (`下半年`), completed by a year said before or after.
    public var halfOnly: Int?
    public var levels: [Level] = []
    /// A qualification named (`信息安全工程师`), which also fixes the level.
    public var qualification: String?
    public var scores: [ScoreMention] = []
    /// "两科都是41": one score for every subject.
    public var uniformScore: Bool = false
    public var category: Category?
    /// Where category words were said (`工作` after a place says where the caller works).
    public var categoryOffsets: [Int] = []
    public var places: [PlaceMention] = []
    /// The question is about the present moment (现在, 还能…吗).
    public var asksNow = false

    public init() {}

    public var session: SessionMention? { sessions.first }
    public var level: Level? { levels.count == 1 ? levels.first : nil }

    /// Whether anything was said that an answer could use.
    public var isEmpty: Bool {
        exam == nil && sessions.isEmpty && halfOnly == nil && levels.isEmpty && scores.isEmpty && category == nil && places.isEmpty
    }

    /// What a conversation knows after this turn: values said now replace those said before; a half
    /// said alone completes the year said before.
    public func merged(with newer: Slots) -> Slots {
        var result = self
        if let exam = newer.exam, let before = result.exam, exam != before {
            // Another exam: its levels, subjects and marks differ, so what was said for the first one
            // no longer holds (the session's year and the places still do).
            result.levels = []
            result.qualification = nil
            result.scores = []
            result.uniformScore = false
        }
        if let exam = newer.exam { result.exam = exam }
        if !newer.sessions.isEmpty {
            result.sessions = newer.sessions
            result.halfOnly = nil
        } else if let half = newer.halfOnly {
            if let year = result.sessions.first?.year {
                result.sessions = [SessionMention(year: year, half: half)]
                result.halfOnly = nil
            } else {
                result.halfOnly = half
            }
        }
        if !newer.levels.isEmpty {
            if newer.levels != result.levels && newer.scores.isEmpty && !result.scores.isEmpty {
                // Another level may have another number of subjects: keep the scores only if they still fit.
                result.scores = result.scores.filter { $0.subject == nil }
            }
            result.levels = newer.levels
            result.qualification = newer.qualification
        }
        if !newer.scores.isEmpty {
            result.scores = newer.scores
            result.uniformScore = newer.uniformScore
        }
        if let category = newer.category {
            result.category = category
            result.categoryOffsets = newer.categoryOffsets
        }
        if !newer.places.isEmpty {
            // A place said with a role replaces the place of that role; other roles stay known.
            let roles = Set(newer.places.compactMap(\.role))
            let kept =
                newer.places.allSatisfy { $0.role != nil } ? result.places.filter { $0.role != nil && !roles.contains($0.role!) } : []
            result.places = kept + newer.places
            if newer.category == nil { result.category = nil; result.categoryOffsets = [] }
        }
        result.asksNow = newer.asksNow
        return result
    }
}
