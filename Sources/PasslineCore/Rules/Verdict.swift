/// The outcome of an eligibility check, in the order the engine decides it.
public enum Status: String, Codable, Sendable, CaseIterable {
    case invalidInput = "invalid-input"
    case notCovered = "not-covered"
    case nationalPass = "national-pass"
    case belowThreshold = "below-threshold"
    case notInArea = "not-in-area"
    case eligible
}

/// One subject's score set against the two marks.
public struct SubjectResult: Codable, Sendable, Hashable {
    public var name: String
    public var score: Double
    public var meetsThreshold: Bool
    public var meetsNational: Bool
}

/// A verdict with everything needed to explain it: marks used, per-subject comparison, the window's
/// state and the clauses that justify it. `inquiry check --json` prints exactly this.
public struct Verdict: Codable, Sendable, Hashable {
    public var status: Status
    /// For `invalid-input`: the input field at fault (`exam`, `session`, `level`, `scores`, `category`, `now`).
    public var field: String?
    public var exam: String?
    public var session: String?
    public var level: String?
    public var category: String?
    /// The notice whose window applies at the instant asked about.
    public var notice: String?
    public var window: WindowState?
    public var applicationStart: String?
    public var applicationEnd: String?
    public var threshold: Double?
    public var national: Double?
    public var fullMarks: Double?
    public var subjects: [SubjectResult]
    /// Clause ids of `notice`, e.g. `二(一)`, `三(一)4`.
    public var clauses: [String]
    public var reasons: [String]

    init(status: Status) {
        self.status = status
        subjects = []
        clauses = []
        reasons = []
    }
}
