import Foundation
import PasslineCore

extension Composer {
    /// Whether the caller may apply, through the rules engine. Asks for the one thing still missing
    /// (exam, session, level, scores, category) and uses everything already said, in any order; a thing
    /// that cannot change the outcome (the level when every level has the same answer, the category
    /// when the scores already decide) is not asked.
    func eligibility(_ request: Request) -> Draft {
        var draft = decide(request)
        // Asking back: first explain any place just named that is not plainly in a list.
        // (Asking for the category or the county, `scoresPass` has described the places already.)
        if !draft.needs.isEmpty, draft.needs.first != "category", draft.needs.first != "county" {
            var described = Set<String>()
            var explanation = Draft(intent: draft.intent)
            for place in request.said.places where !isListed(place) { describe(place, into: &explanation, described: &described) }
            draft.lines = explanation.lines + draft.lines
            for citation in explanation.citations { draft.cite(citation) }
        }
        // A place just named that the sources disagree about, or that may be taken for another: said
        // with the verdict too, before the question back if there is one.
        let question = draft.needs.isEmpty ? nil : draft.lines.popLast()
        for place in request.said.places { if let answer = lookUp(place) { addNotes(answer, for: place, into: &draft) } }
        draft.add(question)
        return draft
    }

    private func decide(_ request: Request) -> Draft {
        let slots = request.slots
        var draft = Draft(intent: "eligibility")
        let allScores = slots.scores.map(\.value)

        var exams = self.exams(for: slots)
        if exams.count > 1, !allScores.isEmpty {
            let fitting = exams.filter { exam in allScores.allSatisfy { $0 <= exam.fullMarks } }
            if !fitting.isEmpty { exams = fitting }
        }
        guard exams.count == 1, let exam = exams.first else {
            // A year no exam's covered sessions fall in is outside the notice whichever exam it was.
            if !slots.sessions.isEmpty, exams.allSatisfy({ exam in sessionIDs(of: exam, slots).allSatisfy { coverage(exam, $0) == nil } }) {
                draft.add(replies.say("verdict.status", ["status": VerdictText.statusNames[.notCovered] ?? ""]))
                for exam in exams {
                    let labels = sessionIDs(of: exam, slots).map { label(of: $0, exam: exam) }.joined(separator: "、")
                    draft.add(
                        replies.say(
                            "not-covered.session",
                            [
                                "exam": exam.shortName, "session": labels,
                                "covered": coveredSessions(of: exam).map(\.label).joined(separator: "、")
                            ]))
                }
                citeNotice(&draft, notice?.clause(role: .scope))
                addWhereToAsk(&draft)
                return draft
            }
            return ask(&draft, "exam", slots, ["options": book.exams.map(\.shortName).joined(separator: "、")])
        }

        if let level = slots.level, exam.standard(for: level) == nil {
            draft.add(replies.say("verdict.status", ["status": VerdictText.statusNames[.notCovered] ?? ""]))
            draft.add(
                replies.say(
                    "not-covered.level",
                    [
                        "exam": exam.shortName, "level": levelName(level, exam: nil),
                        "levels": exam.levels.map(\.name).joined(separator: "、")
                    ]))
            citeNotice(&draft, notice?.clause(role: .scope))
            for id in notice?.legalBasis ?? [] { draft.cite(.source(id)) }
            addWhereToAsk(&draft)
            return draft
        }
        let ids = sessionIDs(of: exam, slots)
        let coveredIDs = ids.filter { coverage(exam, $0) != nil && book.session(exam: exam.id, id: $0) != nil }
        if !ids.isEmpty && coveredIDs.isEmpty {
            draft.add(replies.say("verdict.status", ["status": VerdictText.statusNames[.notCovered] ?? ""]))
            let labels = ids.map { label(of: $0, exam: exam) }.joined(separator: "、")
            draft.add(
                replies.say(
                    "not-covered.session",
                    [
                        "exam": exam.shortName, "session": labels,
                        "covered": coveredSessions(of: exam).map(\.label).joined(separator: "、")
                    ]))
            citeNotice(&draft, notice?.clause(role: .scope))
            addWhereToAsk(&draft)
            return draft
        }
        guard coveredIDs.count == 1, let sessionID = coveredIDs.first, let session = book.session(exam: exam.id, id: sessionID) else {
            addCategoryLine(&draft, slots)
            let options = coveredIDs.isEmpty ? coveredSessions(of: exam).map(\.label) : coveredIDs.map { label(of: $0, exam: exam) }
            return ask(&draft, "session", slots, ["exam": exam.shortName, "options": options.joined(separator: "、")])
        }

        var levels = slots.level.map { [$0] } ?? exam.levels.map(\.level)
        if slots.level == nil, !slots.scores.isEmpty, !slots.uniformScore {
            let fitting = levels.filter { exam.standard(for: $0)?.subjects.count == slots.scores.count }
            if !fitting.isEmpty { levels = fitting }
        }
        let subjectLists = Set(levels.compactMap { exam.standard(for: $0)?.subjects })
        if slots.scores.isEmpty {
            guard subjectLists.count == 1, let subjects = subjectLists.first else {
                return askLevel(&draft, exam, slots, levels)
            }
            let levelText = levels.count == 1 ? levelName(levels[0], exam: exam) : ""
            return ask(
                &draft, "scores", slots,
                [
                    "exam": exam.shortName, "level": levelText, "count": String(subjects.count),
                    "subjects": subjects.joined(separator: "、")
                ])
        }

        // Scores in subject order, for each level still possible.
        var inputs: [(Level, [String])] = []
        for level in levels {
            guard let standard = exam.standard(for: level), let scores = ordered(slots, subjects: standard.subjects) else { continue }
            inputs.append((level, scores))
        }
        guard !inputs.isEmpty else {
            if levels.count > 1 { return askLevel(&draft, exam, slots, levels) }
            let standard = exam.standard(for: levels[0])
            draft.add(
                replies.say(
                    "invalid.count",
                    [
                        "exam": exam.shortName, "level": standard?.name ?? "", "expected": String(standard?.subjects.count ?? 0),
                        "subjects": standard?.subjects.joined(separator: "、") ?? "", "count": String(slots.scores.count)
                    ]))
            return ask(
                &draft, "scores", slots,
                [
                    "exam": exam.shortName, "level": standard?.name ?? "", "count": String(standard?.subjects.count ?? 0),
                    "subjects": standard?.subjects.joined(separator: "、") ?? ""
                ])
        }

        let category = self.category(slots)
        let nowText = Instant.iso(request.now)
        let verdicts = inputs.map { level, scores in
            (
                level,
                engine.evaluate(
                    EligibilityInput(
                        exam: exam.id, session: session.id, level: level.rawValue, scores: scores,
                        category: (category ?? .none).rawValue, now: nowText))
            )
        }
        let first = verdicts[0].1
        // The notice covering this session was not yet issued at `now` (in October 2024 nothing said
        // 2024年下半年 could be claimed): no verdict and no dates from the future.
        if let id = first.notice, let covering = book.notice(id), let issued = Instant.parseDay(covering.date), issued > request.now {
            draft.add(
                replies.say("eligibility.not-issued", ["session": session.label, "hotline": notice?.hotline ?? "", "websites": websites()]))
            citeNotice(&draft, notice?.clause(role: .hotline))
            return draft
        }
        let agree = verdicts.allSatisfy {
            $0.1.status == first.status && $0.1.reasons == first.reasons && $0.1.threshold == first.threshold
        }
        guard agree else { return askLevel(&draft, exam, slots, levels) }
        if first.status == .notInArea && category == nil {
            // The scores pass and only the category is unknown: say what the scores settle and what
            // decides the rest, never a negative verdict from a fact the caller has not given yet.
            return scoresPass(&draft, first, slots)
        }
        render(first, into: &draft, levels: verdicts.count > 1 ? verdicts.map { levelName($0.0, exam: exam) } : [])
        return draft
    }

    /// Scores in the order the level lists its subjects: as said, or by the subjects named with them.
    func ordered(_ slots: Slots, subjects: [String]) -> [String]? {
        var scores = slots.scores
        if slots.uniformScore, scores.count == 1 { scores = Array(repeating: scores[0], count: subjects.count) }
        guard scores.count == subjects.count else { return nil }
        let named = scores.compactMap(\.subject)
        if named.count == scores.count, Set(named) == Set(subjects) {
            return subjects.map { subject in Score.text(scores.first { $0.subject == subject }!.value) }
        }
        return scores.map { Score.text($0.value) }
    }

    /// The applicant category from what was said: category words, and where the places named stand
    /// and what they are to the caller (where the exam was sat, where the caller works now).
    func category(_ slots: Slots) -> Category? {
        if slots.category == Category.none { return Category.none }
        let places = slots.places
        guard !places.isEmpty else { return slots.category }
        // Where the caller lives says neither where they sat the exam nor where they work.
        let exam = places.filter { $0.role == .exam }, work = places.filter { $0.role == .work }, other = places.filter { $0.role == nil }
        if exam.contains(where: { delineated($0) == true }) { return .local }
        if work.contains(where: { delineated($0) == true }) { return .relocated }
        if other.contains(where: { delineated($0) == true }) { return slots.category == .relocated ? .relocated : .local }
        // Neither category is possible only when both where the exam was sat and where the caller
        // works are known to be outside the delineated areas.
        let examOutside = !exam.isEmpty && exam.allSatisfy { delineated($0) == false }
        let workOutside = !work.isEmpty && work.allSatisfy { delineated($0) == false }
        if examOutside && workOutside { return Category.none }
        if slots.category == .relocated && work.isEmpty && other.isEmpty { return .relocated }
        return nil
    }

    /// `true` delineated, `false` not, `nil` cannot tell from content.
    func delineated(_ place: PlaceMention) -> Bool? {
        switch lookUp(place)?.outcome {
        case .inScope: true
        case .notInScope: false
        default: nil
        }
    }

    /// Named in an area's list (or in a region that is delineated whole): nothing more to explain.
    func isListed(_ place: PlaceMention) -> Bool { delineated(place) == true }

    func askLevel(_ draft: inout Draft, _ exam: Exam, _ slots: Slots, _ levels: [Level]) -> Draft {
        let example = book.qualifications.first { $0.exam == exam.id }?.groups.last?.names.first ?? ""
        return ask(&draft, "level", slots, ["options": levels.map { levelName($0, exam: exam) }.joined(separator: "、"), "example": example])
    }

    /// Asks for `slot` and lists what is still unknown after it, in the order they will be asked.
    func ask(_ draft: inout Draft, _ slot: String, _ slots: Slots, _ values: [String: String]) -> Draft {
        if let known = known(slots) { draft.add(replies.say("known", ["facts": known])) }
        if slot != "category" { addCategoryLine(&draft, slots) }
        draft.add(replies.say("ask.\(slot)", values))
        // The questions follow the conditions of the notice: say where they are.
        for role in [NoticeRole.local, .relocated] { citeNotice(&draft, notice?.clause(role: role)) }
        let order = ["exam", "session", "level", "scores", "category"]
        var needs = [slot]
        let missing: [String: Bool] = [
            "exam": slots.exam == nil, "session": slots.sessions.isEmpty, "level": slots.levels.isEmpty,
            "scores": slots.scores.isEmpty, "category": category(slots) == nil
        ]
        if let index = order.firstIndex(of: slot) {
            for next in order[(index + 1)...] where missing[next] == true { needs.append(next) }
        }
        draft.needs = needs
        return draft
    }

    /// What the caller's words make them, with the clause: told while the scores are still unknown.
    func addCategoryLine(_ draft: inout Draft, _ slots: Slots) {
        guard let category = category(slots), let notice else { return }
        let local = notice.clause(role: .local) ?? "", relocated = notice.clause(role: .relocated) ?? ""
        let clause = category.role.flatMap(notice.clause(role:)) ?? ""
        draft.add(replies.say("eligibility.category.\(category.rawValue)", ["clause": clause, "local": local, "relocated": relocated]))
        for id in category == .none ? [local, relocated] : [clause] where !id.isEmpty { draft.cite(.notice(id: notice.id, clause: id)) }
    }

    /// `软考、2023年下半年、41分和50分`: what the bot has understood so far.
    func known(_ slots: Slots) -> String? {
        var facts: [String] = []
        if let id = slots.exam, let exam = book.exam(id) { facts.append(exam.shortName) }
        for mention in slots.sessions {
            if let half = mention.half {
                facts.append("\(mention.year)年" + SessionReader.halves[half - 1].0)
            } else {
                facts.append("\(mention.year)年")
            }
        }
        if let qualification = slots.qualification { facts.append(qualification) }
        facts += slots.levels.map { levelName($0, exam: nil) }
        if !slots.scores.isEmpty {
            facts.append(slots.scores.map { ($0.subject ?? "") + Score.text($0.value) + "分" }.joined(separator: "、"))
        }
        facts += slots.places.map(\.canonical)
        return facts.isEmpty ? nil : facts.joined(separator: ",")
    }

    /// A verdict as the helpdesk reads it out: outcome, reasons, clauses. A positive verdict after the
    /// window closed says both in its headline.
    func render(_ verdict: Verdict, into draft: inout Draft, levels: [String]) {
        draft.verdict = VerdictText.statusNames[verdict.status] ?? verdict.status.rawValue
        if verdict.status == .eligible, verdict.window == .closed, let end = verdict.applicationEnd.flatMap(Instant.parse) {
            draft.add(replies.say("verdict.eligible-closed", ["end": Instant.chinese(end)]))
        } else {
            draft.add(replies.say("verdict.status", ["status": VerdictText.statusNames[verdict.status] ?? verdict.status.rawValue]))
        }
        if !levels.isEmpty { draft.add(replies.say("eligibility.any-level", ["levels": levels.joined(separator: "、")])) }
        let closedReason = verdict.window == .closed && verdict.status == .eligible ? verdict.reasons.last : nil
        for reason in verdict.reasons where reason != closedReason { draft.add(reason) }
        if let id = verdict.notice {
            for clause in verdict.clauses { draft.cite(.notice(id: id, clause: clause)) }
            // A round known only from its summary has no clauses: cite where it was read.
            if verdict.clauses.isEmpty, let round = book.notice(id), round.kind == .summary {
                for source in round.sources { draft.cite(.source(source)) }
            }
        }
    }
}
