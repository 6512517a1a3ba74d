import Foundation

/// Where a command gets its rules: the editors' Content/ or a published rules.json bundle (so a
/// helpdesk PC needs only the binary and the site's data).
public struct RuleBookSource: Sendable {
    public var content: String
    public var rules: String?

    public init(content: String, rules: String?) {
        self.content = content
        self.rules = rules
    }

    public func load() throws -> RuleBook {
        if let rules {
            let data = try Data(contentsOf: URL(fileURLWithPath: rules))
            return try RuleBook.decode(data)
        }
        return try ContentLoader(directory: content).load().book
    }
}
