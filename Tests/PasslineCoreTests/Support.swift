import Foundation
/// Re-exported so every file of this target sees `beijing`, `Repository` and the rest without its own import.
@_exported import PasslineTesting
@testable import PasslineCore

/// This target's paths inside the repository (`Repository` in PasslineTesting finds the root).
enum Repo {
    static let content = Repository.content
    static let fixtures = Repository.url("Tests/PasslineCoreTests/Fixtures")
    static let cases = Repository.url("Tests/Cases/eligibility.json")

    /// The shipped content, loaded once per test.
    static func book() throws -> RuleBook { try ContentLoader(directory: content).load().book }
}
