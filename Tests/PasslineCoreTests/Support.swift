import Foundation
@testable import PasslineCore

/// Paths inside the repository, found from this file's location so tests run from any directory.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let content = root.appendingPathComponent("Content").path
    static let fixtures = root.appendingPathComponent("Tests/PasslineCoreTests/Fixtures")
    static let cases = root.appendingPathComponent("Tests/Cases/eligibility.json")

    /// The shipped content, loaded once per test.
    static func book() throws -> RuleBook { try ContentLoader(directory: content).load().book }
}

/// Beijing-time instant from the notice's own way of writing it.
func beijing(_ text: String) -> Date { Instant.parse(text + "+08:00")! }
