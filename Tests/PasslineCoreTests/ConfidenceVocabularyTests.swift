import Foundation
import Testing
@testable import PasslineCore

/// One reader vocabulary for confidence, defined once in messages.md: Content/inquiry may not define
/// its own words (they drifted apart before, in three vocabularies).
@Suite struct ConfidenceVocabularyTests {
    @Test func aReplyDefiningAConfidenceWordIsAnErrorAtItsLineWithTheFix() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.write("inquiry/replies.md", "---\nreplies:\n  greeting: 您好\n  confidence.medium: 比较可靠\n---\n")
        let problems = fixture.diagnostics().filter { $0.contains("confidence.medium") }
        #expect(problems.count == 1, "\(fixture.diagnostics())")
        #expect(problems.first?.hasPrefix("inquiry/replies.md:4:3: error: 可靠程度的说法只在 Content/messages.md 里定义一次") == true, "\(problems)")
        #expect(problems.first?.contains("改 messages.md 的 'confidence.medium'") == true)
    }
}
