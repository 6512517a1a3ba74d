import Foundation
import Testing
@testable import PasslineCore

/// Each check sends the editor to the line and column of the value it is about, found by what the
/// value is (`ContentKey`), never to a made-up `Content:1`: a misspelt role, a cite of a clause that
/// does not exist, a threshold the notice contradicts, a window out of order.
@Suite struct ContentKeyTests {
    /// The diagnostics of `fixture` that start with `prefix` (`path:line:column: severity: …`).
    func diagnostics(_ fixture: ContentFixture, at file: String, _ needle: String, offset: Int = 0, _ severity: String, _ message: String)
        throws -> [String]
    {
        let (line, column) = try fixture.position(of: needle, in: file)
        let expected = "\(file):\(line):\(column + offset): \(severity): \(message)"
        let found = fixture.diagnostics()
        #expect(!found.contains { $0.hasPrefix("Content:") || $0.hasPrefix("Content/:") }, "\(found)")
        return found.filter { $0.hasPrefix(expected) }
    }

    @Test func aMisspeltRoleIsWarnedAboutAtItsValue() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.replace("notices/2025-01-15.md", "  penalties: 五\n", with: "  penalties: 五\n  penaltys: 五\n")
        let found = try diagnostics(
            fixture, at: "notices/2025-01-15.md", "penaltys: 五", offset: "penaltys: ".count, "warning",
            "角色 'penaltys' 不是 Passline 用的角色(是不是 'penalties'?)")
        #expect(found.count == 1, "\(fixture.diagnostics())")
    }

    @Test func aCiteOfAClauseThatDoesNotExistIsReportedAtTheCite() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.replace("faq/application-window.md", "\"notice:一(一)\"", with: "\"notice:一(壹)\"")
        let found = try diagnostics(fixture, at: "faq/application-window.md", "\"notice:一(壹)\"", "error", "'notice:一(壹)':没有哪份通知有条款 '一(壹)'")
        #expect(found.count == 1, "\(fixture.diagnostics())")
    }

    @Test func aThresholdTheNoticeContradictsIsReportedAtTheNumber() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.replace("sessions/ruankao-2024-H2.md", "senior: 40", with: "senior: 41")
        let found = try diagnostics(fixture, at: "sessions/ruankao-2024-H2.md", "41", "error", "2024年下半年高级('senior')合格标准这里是 41")
        #expect(found.count == 1, "\(fixture.diagnostics())")
    }

    @Test func aReviewEndingBeforeTheApplicationIsReportedAtTheReviewsEnd() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.replace("notices/2025-01-15.md", "end: 2025-03-08T17:00+08:00", with: "end: 2025-02-26T17:00+08:00")
        let found = try diagnostics(
            fixture, at: "notices/2025-01-15.md", "2025-02-26T17:00+08:00", "error", "'review' 在 2025年2月26日17:00 结束")
        #expect(found.count == 1, "\(fixture.diagnostics())")
    }

    @Test func aValueWithoutAPlaceOfItsOwnIsReportedAtWhatItBelongsTo() {
        var locations = ContentLocations()
        let notice = SourceLocation(path: "Content/notices/2025-01-15.md", line: 2, column: 5)
        let session = SourceLocation(path: "Content/sessions/ruankao-2024-H2.md", line: 3, column: 10)
        locations[.notice("2025-01-15")] = notice
        locations[.session(exam: "ruankao", id: "2024-H2")] = session
        #expect(locations.at(.noticeWindow(notice: "2025-01-15", window: .review, field: .clause)) == notice)
        #expect(locations.at(.noticeRole(notice: "2025-01-15", role: "local")) == notice)
        #expect(locations.at(.threshold(exam: "ruankao", session: "2024-H2", level: .senior)) == session)
        let own = SourceLocation(path: "Content/sessions/ruankao-2024-H2.md", line: 8, column: 11)
        locations[.threshold(exam: "ruankao", session: "2024-H2", level: .senior)] = own
        #expect(locations.at(.threshold(exam: "ruankao", session: "2024-H2", level: .senior)) == own)
    }
}
