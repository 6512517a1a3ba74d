import Foundation
import Yams

/// How notices phrase what the import looks for (`Phrasing.yaml`): words, never facts.
///
/// Kept as data beside the code rather than in Swift so that a new wording ("申报时间" for "申请时间") is
/// one word added to a list an editor can read; kept out of `Content/` because it is not content: nothing
/// here reaches a candidate, and the site, the bot and `rules.json` are derived from `Content/` alone.
public struct Phrasing: Sendable, Decodable, Hashable {
    public struct Title: Sendable, Decodable, Hashable {
        public var starts: [String]
        public var ends: [String]
    }

    public struct Windows: Sendable, Decodable, Hashable {
        public var application: [String]
        public var review: [String]
    }

    public struct HalfYear: Sendable, Decodable, Hashable {
        public var H1: [String]
        public var H2: [String]
    }

    /// Words that tie a clause to a role: its text says one of `says` and none of `not`, or its
    /// section's heading says one of `heading`.
    public struct RoleWords: Sendable, Decodable, Hashable {
        public var says: [String] = []
        public var not: [String] = []
        public var heading: [String] = []

        enum CodingKeys: String, CodingKey { case says, not, heading }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            says = try c.decodeIfPresent([String].self, forKey: .says) ?? []
            not = try c.decodeIfPresent([String].self, forKey: .not) ?? []
            heading = try c.decodeIfPresent([String].self, forKey: .heading) ?? []
        }
    }

    public var title: Title
    public var pageLines: [String]
    public var sourceAddress: [String]
    public var windows: Windows
    public var range: [String]
    public var hotline: [String]
    public var entry: [String]
    public var closing: [String]
    public var threshold: [String]
    public var national: [String]
    public var halfYear: HalfYear
    public var year: [String]
    /// By role name (`local`, `procedure`, …), as in a notice's `roles:`.
    public var roles: [String: RoleWords]

    enum CodingKeys: String, CodingKey {
        case title, range, hotline, entry, closing, threshold, national, year, roles, windows
        case pageLines = "page_lines", sourceAddress = "source_address", halfYear = "half_year"
    }

    /// Reads a phrasing file; the error names the key that is wrong.
    public static func decode(_ yaml: String) throws -> Phrasing {
        try YAMLDecoder().decode(Phrasing.self, from: yaml)
    }

    /// The phrasing shipped with Passline.
    public static func standard() throws -> Phrasing {
        guard let url = Bundle.module.url(forResource: "Phrasing", withExtension: "yaml") else {
            throw ImportFailure(message: "找不到 Phrasing.yaml(passline import 的措辞表),请重新构建 Passline")
        }
        return try decode(String(contentsOf: url, encoding: .utf8))
    }
}

/// Why an import could not be made at all (the file cannot be read, it holds no notice): said in
/// Chinese, for the editor.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
