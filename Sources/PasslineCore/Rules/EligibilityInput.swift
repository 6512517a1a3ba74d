import Foundation

/// What a candidate tells the calculator or the helpdesk: the same fields in `inquiry check`, the
/// site's form and the shared case table.
public struct EligibilityInput: Codable, Sendable, Hashable {
    /// `ruankao` or `tongxin`.
    public var exam: String
    /// `2024-H2` for 软考, `2024` for 通信.
    public var session: String
    /// `junior`, `intermediate` or `senior`.
    public var level: String
    /// One per subject, in the order the exam lists them; kept as text so "abc" can be reported.
    public var scores: [String]
    /// `local`, `relocated` or `none`.
    public var category: String
    /// ISO 8601 with offset; `nil` means the current time.
    public var now: String?

    public init(exam: String, session: String, level: String, scores: [String], category: String, now: String? = nil) {
        self.exam = exam
        self.session = session
        self.level = level
        self.scores = scores
        self.category = category
        self.now = now
    }

    private enum CodingKeys: String, CodingKey { case exam, session, level, scores, category, now }

    /// Scores may be given as numbers or strings; everything else is read as text.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        exam = try c.decodeIfPresent(String.self, forKey: .exam) ?? ""
        session = try c.decodeIfPresent(String.self, forKey: .session) ?? ""
        level = try c.decodeIfPresent(String.self, forKey: .level) ?? ""
        category = try c.decodeIfPresent(String.self, forKey: .category) ?? ""
        now = try c.decodeIfPresent(String.self, forKey: .now)
        var list = try c.nestedUnkeyedContainer(forKey: .scores)
        var scores: [String] = []
        while !list.isAtEnd {
            if let number = try? list.decode(Double.self) {
                scores.append(Score.text(number))
            } else {
                scores.append(try list.decode(String.self))
            }
        }
        self.scores = scores
    }
}

/// The applicant categories of the notice's conditions.
public enum Category: String, Codable, Sendable, CaseIterable {
    /// Registered for the exam in a delineated area.
    case local
    /// Registered elsewhere, now works in a delineated area.
    case relocated
    /// Neither.
    case none
}
