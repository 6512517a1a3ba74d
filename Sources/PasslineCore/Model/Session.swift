/// The delineated (单独划线) per-subject threshold of one level in one session.
public struct LevelThreshold: Codable, Sendable, Hashable {
    public var level: Level
    /// Inclusive: a score equal to it meets it (分(含)).
    public var score: Double
}

/// One sitting of an exam and its delineated thresholds.
public struct Session: Codable, Sendable, Hashable {
    public var exam: String
    public var id: String
    /// The name the notice uses, e.g. `2024年下半年`.
    public var label: String
    public var thresholds: [LevelThreshold]
    public var sources: [String]

    public func threshold(for level: Level) -> Double? { thresholds.first { $0.level == level }?.score }
    public var key: String { "\(exam)/\(id)" }
}
