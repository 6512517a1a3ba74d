import Foundation
import Testing
@testable import PasslineCore

/// The shared case table (Tests/Cases/eligibility.json), worked out by hand from the notice. The
/// site's JavaScript calculator runs the same table, so both implementations answer alike.
@Suite struct EligibilityCaseTableTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        var name: String
        var input: EligibilityInput
        var expect: Expectation
        var testDescription: String { name }
    }
    struct Expectation: Decodable, Sendable {
        var status: String
        var window: String?
        var threshold: Double?
        var national: Double?
        var clauses: [String]?
        var field: String?
        var notice: String?
    }
    struct Table: Decodable { var cases: [Case] }

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: Repo.cases), let table = try? JSONDecoder().decode(Table.self, from: data) else { return [] }
        return table.cases
    }()

    @Test func tableIsLoaded() { #expect(Self.cases.count >= 50) }

    @Test(arguments: cases)
    func verdict(_ item: Case) throws {
        let engine = EligibilityEngine(book: try Repo.book())
        let verdict = engine.evaluate(item.input)
        #expect(verdict.status.rawValue == item.expect.status)
        if let window = item.expect.window { #expect(verdict.window?.rawValue == window) }
        if let threshold = item.expect.threshold { #expect(verdict.threshold == threshold) }
        if let national = item.expect.national { #expect(verdict.national == national) }
        if let clauses = item.expect.clauses { #expect(verdict.clauses == clauses) }
        if let field = item.expect.field { #expect(verdict.field == field) }
        if let notice = item.expect.notice { #expect(verdict.notice == notice) }
        #expect(!verdict.reasons.isEmpty, "every verdict explains itself")
        // No unfilled slot reaches a candidate (braces the candidate typed are quoted back as typed).
        let typed = item.input.scores + [item.input.exam, item.input.session, item.input.level, item.input.category]
        let unfilled = verdict.reasons.map { reason in typed.reduce(reason) { $0.replacingOccurrences(of: $1, with: "") } }
        #expect(!unfilled.contains { $0.contains("{") })
    }

    @Test func belowThresholdNamesEachFailingSubject() throws {
        let engine = EligibilityEngine(book: try Repo.book())
        let verdict = engine.evaluate(
            EligibilityInput(
                exam: "ruankao", session: "2024-H2", level: "senior", scores: ["39", "41", "38"], category: "local",
                now: "2025-02-01T10:00:00+08:00"))
        #expect(verdict.reasons.count == 2)
        #expect(verdict.reasons[0].contains("综合知识39分"))
        #expect(verdict.reasons[1].contains("论文38分"))
        #expect(verdict.subjects.map(\.meetsThreshold) == [false, true, false])
    }

    @Test func defaultNowIsTheCurrentTime() throws {
        let engine = EligibilityEngine(book: try Repo.book())
        let input = EligibilityInput(exam: "ruankao", session: "2024-H2", level: "junior", scores: ["40", "40"], category: "local")
        #expect(engine.evaluate(input, now: beijing("2025-02-01T10:00")).window == .open)
        #expect(engine.evaluate(input, now: beijing("2025-03-01T10:00")).window == .closed)
    }
}
