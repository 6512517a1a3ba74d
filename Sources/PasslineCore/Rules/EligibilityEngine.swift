import Foundation

/// Decides whether a candidate may apply for a delineated-area certificate.
///
/// The order is fixed by the notice's logic: input must make sense; the session and level must be
/// ones the notice covers; a candidate who met the national standard gets the national certificate;
/// every subject must reach the delineated threshold (inclusive); and only then does the applicant
/// category matter. The site's `eligibility.js` implements the same steps on `rules.json`.
public struct EligibilityEngine: Sendable {
    public let book: RuleBook

    public init(book: RuleBook) { self.book = book }

    /// The message keys the engine fills; `messages.md` must define each one.
    public static let messageKeys = [
        "invalid.exam", "invalid.session", "invalid.level", "invalid.count", "invalid.score", "invalid.range", "invalid.category",
        "invalid.now", "not-covered.session", "not-covered.level", "national-pass", "below-threshold", "not-in-area",
        "eligible.local", "eligible.relocated", "window.before", "window.open", "window.closed"
    ]

    public func evaluate(_ input: EligibilityInput, now fallbackNow: Date = Date()) -> Verdict {
        var verdict = Verdict(status: .invalidInput)
        func fail(_ field: String, _ key: String, _ slots: [String: String]) -> Verdict {
            verdict.status = .invalidInput
            verdict.field = field
            verdict.reasons = [say(key, slots)]
            return verdict
        }

        // 1. invalid-input
        guard let exam = book.exam(input.exam) else {
            return fail(
                "exam", "invalid.exam",
                ["value": input.exam, "options": book.exams.map { "\($0.id)(\($0.shortName))" }.joined(separator: "、")])
        }
        verdict.exam = exam.id
        guard exam.sessionForm.accepts(input.session) else {
            return fail("session", "invalid.session", ["value": input.session, "exam": exam.shortName, "example": exam.sessionForm.example])
        }
        verdict.session = input.session
        guard let level = Level(rawValue: input.level) else {
            return fail("level", "invalid.level", ["value": input.level, "options": Level.allCases.map(\.rawValue).joined(separator: "、")])
        }
        verdict.level = level.rawValue
        let standard = exam.standard(for: level)
        var scores: [Double] = []
        if let standard {
            guard input.scores.count == standard.subjects.count else {
                return fail(
                    "scores", "invalid.count",
                    [
                        "exam": exam.shortName, "level": standard.name, "expected": String(standard.subjects.count),
                        "subjects": standard.subjects.joined(separator: "、"), "count": String(input.scores.count)
                    ])
            }
        }
        for (index, text) in input.scores.enumerated() {
            guard let value = Self.number(text) else {
                return fail("scores", "invalid.score", ["index": String(index + 1), "value": text])
            }
            guard value >= 0 && value <= exam.fullMarks else {
                return fail("scores", "invalid.range", ["index": String(index + 1), "value": text, "full": Score.text(exam.fullMarks)])
            }
            scores.append(value)
        }
        guard let category = Category(rawValue: input.category) else {
            return fail("category", "invalid.category", ["value": input.category])
        }
        verdict.category = category.rawValue
        var now = fallbackNow
        if let text = input.now {
            guard let parsed = Instant.parse(text) else { return fail("now", "invalid.now", ["value": text]) }
            now = parsed
        }

        // 2. not-covered
        let notice = book.applicableNotice(exam: exam.id, session: input.session, at: now)
        let session = book.session(exam: exam.id, id: input.session)
        guard let notice, let session, let coverage = notice.covers(exam: exam.id, session: session.id) else {
            verdict.status = .notCovered
            let current = book.currentNotice
            verdict.notice = current?.id
            verdict.clauses = current?.clause(role: .scope).map { [$0] } ?? []
            let covered = book.sessions.filter { $0.exam == exam.id }.map(\.label)
            verdict.reasons = [
                say("not-covered.session", ["exam": exam.shortName, "session": input.session, "covered": covered.joined(separator: "、")])
            ]
            return verdict
        }
        guard let standard, let threshold = session.threshold(for: level) else {
            verdict.status = .notCovered
            verdict.notice = notice.id
            verdict.clauses = notice.clause(role: .scope).map { [$0] } ?? []
            let levelName = standard?.name ?? book.messages["level.\(level.rawValue)"] ?? level.rawValue
            verdict.reasons = [
                say(
                    "not-covered.level",
                    ["exam": exam.shortName, "level": levelName, "levels": exam.levels.map(\.name).joined(separator: "、")])
            ]
            return verdict
        }

        verdict.notice = notice.id
        verdict.window = notice.application.state(at: now)
        verdict.applicationStart = Instant.iso(notice.application.start)
        verdict.applicationEnd = Instant.iso(notice.application.end)
        verdict.threshold = threshold
        verdict.national = exam.passMark
        verdict.fullMarks = exam.fullMarks
        verdict.subjects = zip(standard.subjects, scores).map { name, score in
            SubjectResult(name: name, score: score, meetsThreshold: score >= threshold, meetsNational: score >= exam.passMark)
        }
        let windowReason = say(
            "window.\(verdict.window!.rawValue)",
            ["start": Instant.chinese(notice.application.start), "end": Instant.chinese(notice.application.end)])
        let thresholdClause = coverage.clause.map { [$0] } ?? []
        let categoryClause = category.role.flatMap(notice.clause(role:))
        let slots = ["session": session.label, "threshold": Score.text(threshold), "national": Score.text(exam.passMark)]

        // 3. national-pass
        if verdict.subjects.allSatisfy(\.meetsNational) {
            verdict.status = .nationalPass
            verdict.clauses = [notice.clause(role: .local), notice.clause(role: .relocated)].compactMap { $0 }
            verdict.reasons = [say("national-pass", slots)]
            return verdict
        }
        // 4. below-threshold
        let below = verdict.subjects.filter { !$0.meetsThreshold }
        if !below.isEmpty {
            verdict.status = .belowThreshold
            verdict.clauses = thresholdClause + [categoryClause].compactMap { $0 }
            verdict.reasons = below.map {
                say("below-threshold", slots.merging(["subject": $0.name, "score": Score.text($0.score)]) { $1 })
            }
            return verdict
        }
        // 5. not-in-area
        // A summary notice names no clauses: the verdict then cites none, but is decided the same way.
        guard category != .none else {
            verdict.status = .notInArea
            verdict.clauses = [notice.clause(role: .local), notice.clause(role: .relocated)].compactMap { $0 } + thresholdClause
            verdict.reasons = [say("not-in-area", slots)]
            return verdict
        }
        // 6. eligible
        verdict.status = .eligible
        verdict.clauses =
            [categoryClause].compactMap { $0 } + thresholdClause
            + [notice.application.clause, notice.clause(role: .procedure)].compactMap { $0 }
        verdict.reasons = [say("eligible.\(category.rawValue)", slots), windowReason]
        return verdict
    }

    /// A score as a candidate may type it: digits with an optional fraction, optionally negative (then
    /// reported as out of range). Exponents, `nan` and hex are not scores.
    static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // `-?[0-9]+(\.[0-9]+)?`, read by hand: a regex literal is parsed again each time it runs,
        // and the helpdesk bot asks for a verdict on most questions.
        var bytes = Array(trimmed.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let whole = bytes.prefix(while: isDigit)
        guard !whole.isEmpty else { return nil }
        let rest = bytes.dropFirst(whole.count)
        if !rest.isEmpty {
            guard rest.first == UInt8(ascii: "."), rest.count > 1, rest.dropFirst().allSatisfy(isDigit) else { return nil }
        }
        return Double(trimmed)
    }

    /// Fills a message template from content; a missing template yields its key, never a crash.
    /// Slots are filled in one pass, so a value that itself contains `{slot}` is never filled again.
    func say(_ key: String, _ slots: [String: String]) -> String {
        let template = book.messages[key] ?? key
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        // `{name}` (lowercase letters) → its value; anything else is kept as written.
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            let name = after.prefix { $0.isASCII && $0.isLowercase }
            let close = after.dropFirst(name.count)
            if !name.isEmpty, close.first == "}", let value = slots[String(name)] {
                result += value
                rest = close.dropFirst()
            } else {
                result.append("{")
                rest = after
            }
        }
        return result + rest
    }
}
