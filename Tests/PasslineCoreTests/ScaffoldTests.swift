import Foundation
import Testing
@testable import PasslineCore

/// `passline new` writes a file with every required key and `待填` where only the editor knows the
/// value. Until filled it fails the check with one message per blank saying what goes there; once
/// filled it passes.
@Suite struct ScaffoldTests {
    /// Writes a scaffold into a fresh copy of the base content.
    private func scaffolded(_ scaffold: Scaffold) throws -> ContentFixture {
        let fixture = try ContentFixture()
        try fixture.write(scaffold.relativePath, scaffold.text)
        return fixture
    }

    /// The errors of a load, each as `path:line:column: error: message`.
    private func errors(_ fixture: ContentFixture) -> [String] {
        fixture.diagnostics().filter { $0.contains(": error: ") }
    }

    /// `path:line:column` of the `待填` on the first line containing `key`.
    private func blank(_ key: String, in fixture: ContentFixture, _ path: String) throws -> String {
        let line = try fixture.position(of: key, in: path).line
        let text = try fixture.read(path).split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
        let column = text.distance(from: text.startIndex, to: try #require(text.range(of: Scaffold.placeholder)).lowerBound) + 1
        return "\(path):\(line):\(column)"
    }

    private func baseExams() throws -> [Exam] {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        return try fixture.load().book.exams
    }

    // MARK: FAQ

    @Test func faqScaffoldSaysWhatToFill() throws {
        let scaffold = try Scaffold.faq(id: "deadline-weekend", order: 260)
        #expect(scaffold.relativePath == "faq/deadline-weekend.md")
        let fixture = try scaffolded(scaffold)
        defer { fixture.remove() }
        let path = scaffold.relativePath
        let got = errors(fixture)
        #expect(
            Set(got) == [
                "\(try blank("question:", in: fixture, path)): error: 'question' 还是待填:填上这一行注释说的内容",
                "\(try blank("cites:", in: fixture, path)): error: 'cites' 还是待填:填上答案的出处:notice:条款 或 source:sources.md 里的 id",
                "\(try blank("在这里写答案", in: fixture, path)): error: 文件头下面的正文还是待填:把这一行换成答案"
            ], "got:\n\(got.joined(separator: "\n"))")
    }

    @Test func filledFaqPasses() throws {
        let fixture = try scaffolded(try Scaffold.faq(id: "deadline-weekend", order: 260))
        defer { fixture.remove() }
        let path = "faq/deadline-weekend.md"
        let text = try fixture.read(path)
        let answer = text.split(separator: "\n").first { $0.hasPrefix(Scaffold.placeholder) }.map(String.init) ?? ""
        try fixture.replace(path, "question: 待填", with: "question: 截止日是周末还能交吗?")
        try fixture.replace(path, "cites: [待填]", with: "cites: [\"notice:一(一)\"]")
        try fixture.replace(path, answer, with: "申请截止时间是{{application.end}}(北京时间),以通知为准。")
        let book = try fixture.load().book
        let entry = try #require(book.faq.first { $0.id == "deadline-weekend" })
        // 一(一): 申请时间 2025年1月22日9:00至2月28日17:00.
        #expect(entry.answer.trimmingCharacters(in: .whitespacesAndNewlines) == "申请截止时间是2025年2月28日17:00(北京时间),以通知为准。")
        #expect(entry.order == 260)
    }

    // MARK: session and summary notice

    @Test func sessionScaffoldHasOneThresholdPerLevelOfTheExam() throws {
        let exams = try baseExams()
        let ruankao = try Scaffold.session(id: "ruankao-2025-H1", exams: exams)
        #expect(ruankao.relativePath == "sessions/ruankao-2025-H1.md")
        let fixture = try scaffolded(ruankao)
        defer { fixture.remove() }
        let path = ruankao.relativePath
        let got = errors(fixture)
        #expect(
            Set(got) == [
                "\(try blank("label:", in: fixture, path)): error: 'label' 还是待填:填上这一行注释说的内容",
                "\(try blank("junior:", in: fixture, path)): error: 'thresholds.junior' 还是待填:填上通知给这个级别的合格标准,一个数",
                "\(try blank("intermediate:", in: fixture, path)): error: 'thresholds.intermediate' 还是待填:填上通知给这个级别的合格标准,一个数",
                "\(try blank("senior:", in: fixture, path)): error: 'thresholds.senior' 还是待填:填上通知给这个级别的合格标准,一个数"
            ], "got:\n\(got.joined(separator: "\n"))")
        // 通信 has no 高级 examined nationally: its scaffold asks for two thresholds, and quotes the year.
        let tongxin = try Scaffold.session(id: "tongxin-2025", exams: exams)
        #expect(tongxin.text.contains("session: \"2025\""))
        #expect(tongxin.text.contains("junior: 待填") && tongxin.text.contains("intermediate: 待填") && !tongxin.text.contains("senior"))
    }

    @Test func sessionIdsInTheWrongFormAreCorrected() throws {
        let exams = try baseExams()
        #expect(throws: Scaffold.Problem.self) { try Scaffold.session(id: "ruankao-2025H1", exams: exams) }
        #expect((try? Scaffold.session(id: "ruankao-2025H1", exams: exams)) == nil)
        do {
            _ = try Scaffold.session(id: "ruankao-2025下半年", exams: exams)
        } catch let problem as Scaffold.Problem {
            #expect(problem.description == "“2025下半年”不是 ruankao 的场次写法:用 --id ruankao-2025-H2")
        }
        do {
            _ = try Scaffold.session(id: "rk-2025-H1", exams: exams)
        } catch let problem as Scaffold.Problem {
            #expect(problem.description == "场次的 id 写成 <考试>-<场次>,如 ruankao-2024-H2, tongxin-2024;考试有 ruankao、tongxin(现在是“rk-2025-H1”)")
        }
    }

    /// A new round end to end: its session and its (summary) notice, both scaffolded, then filled.
    @Test func filledSessionAndSummaryNoticePass() throws {
        let exams = try baseExams()
        let session = try Scaffold.session(id: "ruankao-2025-H1", exams: exams)
        let notice = try Scaffold.notice(id: "2025-09-01", summary: true)
        let fixture = try scaffolded(session)
        defer { fixture.remove() }
        try fixture.write(notice.relativePath, notice.text)
        let unfilled = errors(fixture)
        #expect(unfilled.allSatisfy { $0.contains("还是待填") }, "only blanks are reported:\n\(unfilled.joined(separator: "\n"))")
        #expect(unfilled.filter { $0.hasPrefix("notices/2025-09-01.md") }.count == 12)

        try fixture.replace(session.relativePath, "label: 待填", with: "label: 2025年上半年")
        for (level, score) in [("junior", "43"), ("intermediate", "42"), ("senior", "40")] {
            try fixture.replace(session.relativePath, "\(level): 待填", with: "\(level): \(score)")
        }
        let path = notice.relativePath
        try fixture.replace(path, "title: 待填", with: "title: 关于开展第三轮补申领工作的通告")
        try fixture.replace(path, "issuer: 待填", with: "issuer: 工业和信息化部教育与考试中心")
        try fixture.replace(path, "sources: [待填]", with: "sources: [notice-2024-09-20]")
        try fixture.replace(
            path, "application: {start: 待填, end: 待填}", with: "application: {start: 2025-09-08T09:00+08:00, end: 2025-09-30T17:00+08:00}")
        try fixture.replace(
            path, "review: {start: 待填, end: 待填}", with: "review: {start: 2025-09-08T09:00+08:00, end: 2025-10-10T17:00+08:00}")
        try fixture.replace(path, "hotline: 待填", with: "hotline: 010-68607734")
        try fixture.replace(path, "entry: 待填", with: "entry: 单独划线补申领")
        try fixture.replace(path, "{exam: 待填, session: 待填}", with: "{exam: ruankao, session: 2025-H1}")
        let body = try fixture.read(path).split(separator: "\n").first { $0.hasPrefix(Scaffold.placeholder) }.map(String.init) ?? ""
        try fixture.replace(path, body, with: "**这是摘要,不是通告原文。**")

        let book = try fixture.load().book
        #expect(book.currentNotice?.id == "2025-09-01")
        #expect(book.currentNotice?.sourceURL == book.source("notice-2024-09-20")?.url)
        #expect(book.session(exam: "ruankao", id: "2025-H1")?.threshold(for: .intermediate) == 42)
    }

    // MARK: full notice

    @Test func fullNoticeScaffoldNamesEveryBlank() throws {
        let scaffold = try Scaffold.notice(id: "2025-09-01", summary: false)
        let fixture = try scaffolded(scaffold)
        defer { fixture.remove() }
        let path = scaffold.relativePath
        let got = errors(fixture)
        // title issuer addressee source_url, 3 × application, 3 × review, hotline entry, 4 roles, 3 × covers, the body.
        #expect(got.count == 20, "got:\n\(got.joined(separator: "\n"))")
        #expect(got.allSatisfy { $0.hasPrefix(path) && $0.contains("还是待填") })
        let application = try fixture.position(of: "application:", in: path).line
        #expect(got.contains("\(path):\(application):22: error: 'application.start' 还是待填:填上北京时间,精确到分钟,如 2025-01-22T09:00+08:00"))
        #expect(got.contains { $0.contains("'application.clause' 还是待填:填上正文里写这件事的条款编号,如 一(一)") })
        #expect(got.contains { $0.contains("'roles.relocated' 还是待填:填上这一行注释说的内容") })
        #expect(got.contains { $0.contains("'covers.exam' 还是待填:填上考试 id:ruankao 或 tongxin") })
        #expect(got.contains { $0.contains("文件头下面的正文还是待填:把这一行换成通知原文(摘要则写你的摘要)") })
    }

    @Test func aNoticeIdIsItsDate() {
        #expect(throws: Scaffold.Problem.self) { try Scaffold.notice(id: "2025-9-1", summary: false) }
        #expect(throws: Scaffold.Problem.self) { try Scaffold.faq(id: "Deadline Weekend", order: 10) }
    }
}
