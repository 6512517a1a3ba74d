import Foundation
import PasslineCore
import Testing
@testable import PasslineInquiry

/// Never a negative verdict from a fact the caller has not given (issue 10, item 4). The cases are
/// enumerated from content (every covered session and level, scores at and above the line but below
/// the national mark, every prefecture-level city with listed counties), not written out by hand.
@Suite struct VerdictPolicyTests {
    static let negative = "不符合"
    static let book = Repo.book

    /// Each covered session × level × passing scores (the line itself, and one above it when still
    /// below the national mark), asked with the category unknown.
    static var passingCases: [(question: String, line: Double)] {
        var cases: [(String, Double)] = []
        for exam in book.exams {
            for session in book.sessions where session.exam == exam.id {
                for standard in exam.levels {
                    guard let line = session.threshold(for: standard.level), line < exam.passMark else { continue }
                    for score in Set([line, min(line + 1, exam.passMark - 1)]) {
                        let scores = Array(repeating: Score.text(score), count: standard.subjects.count).joined(separator: "、")
                        cases.append(("我\(session.label)\(exam.shortName)\(standard.name)考了\(scores)分,能申领吗", line))
                    }
                }
            }
        }
        return cases
    }

    @Test func passingScoresWithTheCategoryUnknownAreNeverRefused() {
        let cases = Self.passingCases
        #expect(cases.count >= 10)
        for now in [beijing("2025-01-20T10:00"), duringWindow, beijing("2025-03-05T10:00")] {
            for (question, line) in cases {
                let answer = ask(question, at: now)
                #expect(!answer.answer.contains(Self.negative), "\(question): \(answer.answer)")
                #expect(answer.answer.contains("\(Score.text(line))分(含)"), "\(question) must state the line: \(answer.answer)")
                #expect(answer.needs == ["category"], "\(question) must ask one thing: \(answer.needs)")
            }
        }
    }

    static var prefectures: [String] { (book.inquiry?.places.prefectures.keys).map(Array.init)?.sorted() ?? [] }

    @Test func citiesWithListedCountiesGetAQuestionForTheCounty() {
        #expect(Self.prefectures.contains("安康") && Self.prefectures.contains("昭通"))
        let (question, _) = Self.passingCases[0]
        for city in Self.prefectures {
            for place in ["在\(city)考的", "在\(city)工作", "\(city)"] {
                let answers = converse([question, place])
                #expect(!answers[1].answer.contains(Self.negative), "\(city): \(answers[1].answer)")
                #expect(answers[1].answer.contains("县"), "\(place) must ask for the county: \(answers[1].answer)")
            }
            let oneTurn = ask("2024年下半年软考中级40和41分,在\(city)考的,在\(city)上班,能申领吗")
            #expect(!oneTurn.answer.contains(Self.negative), "\(city): \(oneTurn.answer)")
            let area = ask("\(city)算单独划线地区吗")
            #expect(!area.answer.contains("不属于") && !area.answer.contains("不在其中"), "\(city): \(area.answer)")
        }
    }

    @Test func regionsWithIncompleteListsAreNeverRefused() {
        for area in Self.book.areas where !area.complete {
            let answer = ask("2024年下半年软考中级40和41分,在\(area.region)考的,现在也在\(area.region)工作,能申领吗")
            #expect(!answer.answer.contains(Self.negative), "\(area.region): \(answer.answer)")
            #expect(answer.answer.contains("考试机构"), "\(area.region) must point to the provincial office: \(answer.answer)")
        }
    }

    @Test func livingInAnAreaIsNotWorkingThere() {
        let answer = ask("我住在林芝,在成都上班,2023年下半年软考中级考了43和44分,能申领吗")
        #expect(!answer.answer.contains("符合申领条件"))
        #expect(!answer.answer.contains(Self.negative))
        #expect(answer.needs == ["category"])
    }

    @Test func aPositiveVerdictAfterTheCloseSaysBoth() {
        let answer = ask("2023年下半年软考中级43和44分,在拉萨考的,能申领吗", at: beijing("2025-03-05T10:00"))
        #expect(answer.answer.hasPrefix("结论:符合申领条件,但本轮申请已于2025年2月28日17:00截止"))
        let open = ask("2023年下半年软考中级43和44分,在拉萨考的,能申领吗")
        #expect(open.answer.contains("符合申领条件") && !open.answer.contains("截止,过期"))
    }

    @Test func bothPlacesKnownOutsideIsStillANegativeVerdict() {
        let answer = ask("2023年下半年软考中级43和44分,在北京考的,现在在上海工作,能申领吗")
        #expect(answer.answer.contains(Self.negative))
    }
}
