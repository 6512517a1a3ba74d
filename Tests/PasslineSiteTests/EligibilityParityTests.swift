import Foundation
import PasslineCore
import Testing

/// The site's calculator (`Sources/PasslineSite/Assets/eligibility.js`) must give a candidate exactly the
/// verdict `inquiry check` gives: same status, marks, window, clauses and reasons. These tests run the
/// JS under Node on the rules.json of the shipped Content/ and compare every verdict, field by field,
/// with `EligibilityEngine`'s — for the shared case table and for a few thousand generated inputs.
@Suite(.enabled(if: ParityHarness.node != nil, "`node` is not on PATH: the JS calculator's parity with the Swift engine was NOT checked"))
struct EligibilityParityTests {
    @Test func caseTableVerdictsAreIdentical() throws {
        let harness = try ParityHarness()
        defer { harness.remove() }
        let table = try Data(contentsOf: ParityHarness.root.appendingPathComponent("Tests/Cases/eligibility.json"))
        let inputs = try JSONDecoder().decode(CaseTable.self, from: table).cases.map(\.input)
        #expect(inputs.count >= 50, "the shared case table is loaded")
        try harness.compare(inputs: inputs, inputsFile: ParityHarness.root.appendingPathComponent("Tests/Cases/eligibility.json"))
    }

    @Test func generatedVerdictsAreIdentical() throws {
        let harness = try ParityHarness()
        defer { harness.remove() }
        let generated = ParityInputs(book: harness.book).all
        #expect(generated.count >= 300)
        // Both sides read the very same bytes: numbers stay numbers, text stays text.
        let file = harness.directory.appendingPathComponent("generated.json")
        try JSONEncoder().encode(generated).write(to: file)
        let inputs = try JSONDecoder().decode([EligibilityInput].self, from: Data(contentsOf: file))
        try harness.compare(inputs: inputs, inputsFile: file)
    }

    /// Rounds repeat sessions, so which notice decides the window depends on the instant
    /// (`RuleBook.applicableNotice`). The shipped content has one notice; this adds a later round, a year
    /// on, that reopens only some sessions, and runs every generated input through both books' logic.
    @Test func verdictsAgreeWhenALaterRoundReopensSomeSessions() throws {
        let shipped = try ParityHarness.shippedBook()
        var book = shipped
        let year: TimeInterval = 365 * 86400
        guard var later = shipped.notices.first else { Issue.record("Content/ has no notice"); return }
        later.id = "later-round"
        later.application.start += year
        later.application.end += year
        later.review?.start += year
        later.review?.end += year
        later.covers = later.covers.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element)
        later.roles["procedure"] = nil // a round whose text names no procedure clause
        book.notices.insert(later, at: 0)
        let harness = try ParityHarness(book: book)
        defer { harness.remove() }
        let file = harness.directory.appendingPathComponent("generated.json")
        try JSONEncoder().encode(ParityInputs(book: book).all).write(to: file)
        let inputs = try JSONDecoder().decode([EligibilityInput].self, from: Data(contentsOf: file))
        try harness.compare(inputs: inputs, inputsFile: file)
    }

    /// Full-width digits in a session id are invalid input for both implementations (the bot
    /// normalises them before it asks the engine).
    @Test func nonASCIIDigitsInASessionIdAgree() throws {
        let harness = try ParityHarness()
        defer { harness.remove() }
        let input = EligibilityInput(
            exam: "ruankao", session: "２０２４-H2", level: "junior", scores: ["40", "40"], category: "local", now: "2025-02-10T10:00:00+08:00")
        let file = harness.directory.appendingPathComponent("non-ascii.json")
        try JSONEncoder().encode([input]).write(to: file)
        try harness.compare(inputs: [input], inputsFile: file)
    }
}

/// The case table's shape, as far as these tests need it.
private struct CaseTable: Decodable {
    struct Case: Decodable { var input: EligibilityInput }
    var cases: [Case]
}

/// Loads Content/, publishes it as rules.json, runs the JS on inputs and compares with the engine.
private struct ParityHarness {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = root.appendingPathComponent("Tests/js/run-cases.js")

    /// The `node` executable on PATH, if any.
    static let node: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("node") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    let book: RuleBook
    let directory: URL
    let rules: URL

    static func shippedBook() throws -> RuleBook {
        try ContentLoader(directory: root.appendingPathComponent("Content").path).load().book
    }

    init(book: RuleBook? = nil) throws {
        self.book = try book ?? Self.shippedBook()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("passline-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        rules = directory.appendingPathComponent("rules.json")
        let data = try RuleBook.jsonEncoder().encode(self.book)
        try data.write(to: rules)
        // `RULES_JSON_OUT=path swift test …` keeps a copy for `node --test Tests/js/` before `passline build` exists.
        if let out = ProcessInfo.processInfo.environment["RULES_JSON_OUT"], !out.isEmpty {
            try data.write(to: URL(fileURLWithPath: out))
        }
    }

    /// Deletes the temporary folder.
    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Runs the JS on `inputsFile` and expects, input by input, the engine's verdict — decoded into
    /// `Verdict` from both sides, with the same set of JSON keys.
    func compare(inputs: [EligibilityInput], inputsFile: URL) throws {
        let lines = try runNode(inputsFile)
        try #require(lines.count == inputs.count, "node printed \(lines.count) verdicts for \(inputs.count) inputs")
        let engine = EligibilityEngine(book: book)
        let encoder = RuleBook.jsonEncoder()
        var mismatches = 0
        for (input, line) in zip(inputs, lines) {
            let expected = engine.evaluate(input)
            let swiftJSON = try encoder.encode(expected)
            let jsJSON = Data(line.utf8)
            let actual = try RuleBook.jsonDecoder().decode(Verdict.self, from: jsJSON)
            let sameKeys = try Self.keys(swiftJSON) == Self.keys(jsJSON)
            if actual != expected || !sameKeys {
                mismatches += 1
                if mismatches <= 15 {
                    Issue.record(
                        """
                        JS and Swift differ for \(Self.describe(input))
                          swift: \(String(decoding: swiftJSON, as: UTF8.self))
                          js:    \(line)
                        """)
                }
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(inputs.count) verdicts differ")
    }

    private static func keys(_ json: Data) throws -> Set<String> {
        Set((try JSONSerialization.jsonObject(with: json) as? [String: Any])?.keys.map { $0 } ?? [])
    }

    private static func describe(_ input: EligibilityInput) -> String {
        "exam=\(input.exam) session=\(input.session) level=\(input.level) scores=\(input.scores) category=\(input.category) now=\(input.now ?? "nil")"
    }

    private func runNode(_ inputs: URL) throws -> [String] {
        let process = Process()
        process.executableURL = Self.node
        process.arguments = [Self.script.path, rules.path, inputs.path]
        let output = Pipe()
        let errors = directory.appendingPathComponent("node-stderr.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        try #require(process.terminationStatus == 0, "node run-cases.js failed: \(stderr)")
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

/// Inputs a candidate could type, crossed over every exam, session (covered or not), level, score
/// boundary, category and instant around the windows' edges, in `+08:00` and in `Z`.
private struct ParityInputs {
    /// A score as the table writes it: a JSON number or the text a candidate typed.
    enum Score: Encodable {
        case number(Double), text(String)
        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let value): try container.encode(value)
            case .text(let value): try container.encode(value)
            }
        }
    }

    struct Input: Encodable {
        var exam: String
        var session: String
        var level: String
        var scores: [Score]
        var category: String
        var now: String
    }

    let book: RuleBook

    var all: [Input] {
        var inputs: [Input] = []
        var turn = 0
        let validCategories = Array(Category.allCases.map(\.rawValue))
        let edges = windowEdges
        func add(_ exam: String, _ session: String, _ level: String, _ scores: [Score]) {
            // Valid categories and the windows' edges rotate, so scores are judged rather than stopped
            // at another field; every category and instant meets every session further down.
            inputs.append(
                Input(
                    exam: exam, session: session, level: level, scores: scores,
                    category: validCategories[turn % validCategories.count], now: edges[turn % edges.count]))
            turn += 1
        }
        let levels = ["junior", "intermediate", "senior", "expert"]
        for exam in book.exams {
            // Covered sessions: every level, every score boundary.
            for session in book.sessions where session.exam == exam.id {
                for level in levels { for scores in scoreSets(exam: exam.id, level: level) { add(exam.id, session.id, level, scores) } }
            }
            // Sessions no notice covers, and ids in the wrong form: a few score sets suffice.
            for session in ["2022", "2025", "2022-H2", "2025-H1", "2024-h2", " 2024", ""] {
                for level in levels {
                    for scores in scoreSets(exam: exam.id, level: level).prefix(4) { add(exam.id, session, level, scores) }
                }
            }
        }
        for exam in ["gaokao", "", "RUANKAO"] { add(exam, "2024-H2", "junior", [.text("40"), .text("40")]) }
        // Every instant and category on one covered session with scores between the two marks.
        for session in book.sessions {
            guard let exam = book.exam(session.exam), let threshold = session.thresholds.first else { continue }
            let subjects = exam.standard(for: threshold.level)?.subjects.count ?? 2
            for now in instants {
                for category in categories {
                    inputs.append(
                        Input(
                            exam: exam.id, session: session.id, level: threshold.level.rawValue,
                            scores: Array(repeating: .number(threshold.score), count: subjects), category: category, now: now))
                }
            }
        }
        return inputs
    }

    private let categories = ["local", "relocated", "none", "elsewhere", ""]

    /// Values either side of every mark in the data (delineated thresholds, national pass, full marks),
    /// plus text a candidate might type.
    private var values: [Score] {
        var marks = Set<Double>()
        for exam in book.exams { marks.formUnion([exam.passMark, exam.fullMarks]) }
        for session in book.sessions { marks.formUnion(session.thresholds.map(\.score)) }
        var values: [Score] = [
            .text("-1"), .text("0"), .text("-0"), .text("abc"), .text(""), .text(" "), .text("4e1"), .text("+40"),
            .text(".5"), .text("40."), .text("0.00001"), .text("0.0001"), .number(0.00001), .text("\u{3000}40 "), .text("40\u{3000}"),
            .text("\u{00A0}40\u{202F}"), .text("\t40"),
            .text("\n40"), .text("40\u{FEFF}"), .text("０"), .text("1,5")
        ]
        for mark in marks.sorted() {
            let whole = String(Int(mark))
            values += [
                .text(whole), .text(whole + ".0"), .text(String(mark - 0.1)), .text(String(mark + 1)), .text(whole + ".00000000000000001"),
                .number(mark), .number(mark - 0.1), .number(mark + 0.5)
            ]
        }
        return values
    }

    private func scoreSets(exam: String, level: String) -> [[Score]] {
        let count = book.exam(exam).flatMap { $0.standard(for: Level(rawValue: level) ?? .junior)?.subjects.count } ?? 2
        var sets: [[Score]] = []
        for value in values {
            sets.append(Array(repeating: value, count: count)) // every subject the same
            sets.append([value] + Array(repeating: .text("45"), count: count - 1)) // one subject differs
        }
        sets.append(Array(repeating: .text("40"), count: count + 1)) // one score too many
        sets.append(Array(repeating: .text("40"), count: max(0, count - 1)))
        sets.append([])
        return sets
    }

    /// The windows' edges, plus how people write instants and instants that are not ones.
    private var instants: [String] {
        windowEdges + [
            "2025-02-10T10:00+08:00", "2025-02-10 10:00+0800", "2025-02-10T02:00:00.5Z", "2025-02-10T10:00:00-05:00",
            "2025-02-10T10:00", "2025-02-10", "garbage", "", " 2025-02-10T10:00+08:00 ", "2025-02-10T10:00+08:00\n",
            "2025-02-30T10:00+08:00", "2025-04-31T10:00+08:00", "2024-02-29T12:00Z", "2025-02-29T12:00Z", "1900-02-29T00:00Z",
            "2025-02-10T24:00+08:00", "2025-02-10T10:60+08:00", "2025-02-10T10:00:60+08:00", "2025-13-01T10:00+08:00",
            "2025-02-10T10:00+18:00", "2025-02-10T10:00-18:00", "2025-02-10T10:00+18:01", "2025-02-10T10:00+08:60",
            "2025-02-10t10:00+08:00", "2025-02-10T10:00z", "1500-02-29T00:00Z", "1582-10-10T00:00Z", "1582-10-04T23:59+08:00",
            "1582-10-15T00:00Z", "0000-02-29T00:00Z", "9999-12-31T23:59:59+08:00"
        ]
    }

    /// Each window's edges — a second before, on, a millisecond and a second after — in `+08:00` and `Z`.
    private var windowEdges: [String] {
        var edges: [Date] = []
        for notice in book.notices {
            for window in [notice.application] + (notice.review.map { [$0] } ?? []) {
                edges += [
                    window.start - 1, window.start, window.start + 0.001, window.end - 1, window.end, window.end + 0.001, window.end + 1
                ]
            }
        }
        var texts = edges.flatMap { [Self.format($0, offset: 8 * 3600), Self.format($0, offset: 0)] }
        // A tenth and a hundredth of a microsecond after each end: the first still closes the window
        // (Swift's Date resolves it), the second rounds away in a Double, in both implementations.
        for notice in book.notices {
            for text in [Self.format(notice.application.end, offset: 8 * 3600), Self.format(notice.application.end, offset: 0)] {
                let cut = text.index(text.startIndex, offsetBy: 19)
                texts += [".0000001", ".00000001"].map { String(text[..<cut]) + $0 + String(text[cut...]) }
            }
        }
        return texts
    }

    /// ISO 8601 at a fixed offset, seconds always written, milliseconds when there are some.
    static func format(_ date: Date, offset: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let millis = Int((Double(c.nanosecond!) / 1_000_000).rounded())
        var text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        if millis > 0 { text += String(format: ".%03d", millis) }
        return text + (offset == 0 ? "Z" : String(format: "%+03d:%02d", offset / 3600, abs(offset) % 3600 / 60))
    }
}
