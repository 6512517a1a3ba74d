/// How one word is written in Traditional characters where OpenCC's conversion would write it
/// otherwise: a proper noun (岳普湖 is 岳普湖, not 嶽普湖) or a common word readers write differently
/// (发布 → 發布, not 發佈). From Content/traditional.md; the zh-Hant pages and the bot's Traditional
/// answers both apply it.
public struct TraditionalForm: Codable, Sendable, Hashable {
    /// The word as Content writes it.
    public var simplified: String
    /// How it is written in Traditional characters.
    public var traditional: String
    /// Where it is written (Content/traditional.md and its line), for the build's messages; not part
    /// of `rules.json`, nor of what makes two forms equal.
    public var source: SourceLocation?

    public init(simplified: String, traditional: String, source: SourceLocation? = nil) {
        self.simplified = simplified
        self.traditional = traditional
        self.source = source
    }

    enum CodingKeys: String, CodingKey { case simplified, traditional }

    public static func == (lhs: TraditionalForm, rhs: TraditionalForm) -> Bool {
        lhs.simplified == rhs.simplified && lhs.traditional == rhs.traditional
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(simplified)
        hasher.combine(traditional)
    }
}
