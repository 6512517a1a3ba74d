import Foundation
import PasslineCore

extension Composer {
    /// The exams a question can be about, narrowed by what was said: a half-year session or a
    /// qualification name rules out a yearly exam; a level rules out exams without it.
    func exams(for slots: Slots) -> [Exam] {
        if let id = slots.exam, let exam = book.exam(id) { return [exam] }
        var exams = book.exams
        if slots.qualification != nil, let list = book.qualifications.first {
            exams = exams.filter { $0.id == list.exam }
        }
        if slots.sessions.contains(where: { $0.half != nil }) || slots.halfOnly != nil {
            let halfYearly = exams.filter { $0.sessionForm == .halfYear }
            if !halfYearly.isEmpty { exams = halfYearly }
        }
        if !slots.levels.isEmpty {
            let having = exams.filter { exam in slots.levels.allSatisfy { exam.standard(for: $0) != nil } }
            if !having.isEmpty { exams = having }
        }
        return exams
    }

    /// Session ids of `exam` the slots name; both halves of a year said alone for a half-yearly exam.
    func sessionIDs(of exam: Exam, _ slots: Slots) -> [String] {
        var ids: [String] = []
        for mention in slots.sessions {
            if let id = mention.id(for: exam.sessionForm) {
                ids.append(id)
            } else {
                ids += [1, 2].map { SessionMention(year: mention.year, half: $0).id(for: exam.sessionForm)! }
            }
        }
        if ids.isEmpty, let half = slots.halfOnly, exam.sessionForm == .halfYear {
            ids = coveredSessions(of: exam).map(\.id).filter { $0.hasSuffix("H\(half)") }
        }
        var unique: [String] = []
        for id in ids where !unique.contains(id) { unique.append(id) }
        return unique
    }

    /// The sessions of an exam some notice covers, in order.
    func coveredSessions(of exam: Exam) -> [Session] {
        book.sessions.filter { s in s.exam == exam.id && book.notices.contains { $0.covers(exam: exam.id, session: s.id) != nil } }
    }

    /// `2025年上半年` / `2025年度` for a session id no content file names.
    func label(of id: String, exam: Exam) -> String {
        if let session = book.session(exam: exam.id, id: id) { return session.label }
        let year = String(id.prefix(4))
        if id.hasSuffix("-H1") { return year + "年" + SessionReader.halves[0].0 }
        if id.hasSuffix("-H2") { return year + "年" + SessionReader.halves[1].0 }
        return year + "年"
    }

    func levelName(_ level: Level, exam: Exam?) -> String {
        exam?.standard(for: level)?.name ?? book.messages["level.\(level.rawValue)"] ?? level.rawValue
    }

    func coverage(_ exam: Exam, _ id: String) -> Coverage? {
        book.notices.lazy.compactMap { $0.covers(exam: exam.id, session: id) }.first
    }

    /// Delineated thresholds for the sessions and levels asked about, or all of them, citing each session's `covers` clause.
    func threshold(_ request: Request) -> Draft {
        var draft = Draft(intent: "threshold")
        let slots = request.slots
        draft.add(replies.say("threshold.intro"))
        for exam in exams(for: slots) {
            let asked = sessionIDs(of: exam, slots)
            let ids = asked.isEmpty ? coveredSessions(of: exam).map(\.id) : asked
            for id in ids {
                guard let session = book.session(exam: exam.id, id: id), let cover = coverage(exam, id) else {
                    draft.add(
                        replies.say(
                            "threshold.not-covered",
                            [
                                "exam": exam.shortName, "session": label(of: id, exam: exam),
                                "covered": coveredSessions(of: exam).map(\.label).joined(separator: "、")
                            ]))
                    citeNotice(&draft, notice?.clause(role: .scope))
                    addWhereToAsk(&draft)
                    continue
                }
                addThresholdLines(&draft, exam: exam, session: session, clause: cover.clause, levels: slots.levels)
            }
            draft.add(
                replies.say(
                    "threshold.national",
                    ["exam": exam.shortName, "national": Score.text(exam.passMark), "full": Score.text(exam.fullMarks)]))
        }
        return draft
    }

    /// One line per distinct threshold: `软考2024年下半年初级、中级:各科目39分(含)`.
    func addThresholdLines(_ draft: inout Draft, exam: Exam, session: Session, clause: String?, levels asked: [Level]) {
        let missing = asked.filter { exam.standard(for: $0) == nil }
        for level in missing {
            draft.add(
                replies.say(
                    "threshold.level-not-covered",
                    [
                        "exam": exam.shortName, "level": levelName(level, exam: nil),
                        "levels": exam.levels.map(\.name).joined(separator: "、")
                    ]))
            citeNotice(&draft, clause)
            for id in book.currentNotice?.legalBasis ?? [] { draft.cite(.source(id)) }
            addWhereToAsk(&draft)
        }
        let levels = asked.isEmpty ? exam.levels.map(\.level) : asked.filter { exam.standard(for: $0) != nil }
        guard !levels.isEmpty else { return }
        var groups: [(Double, [Level])] = []
        for level in levels {
            guard let score = session.threshold(for: level) else { continue }
            if let i = groups.firstIndex(where: { $0.0 == score }) { groups[i].1.append(level) } else { groups.append((score, [level])) }
        }
        for (score, group) in groups {
            draft.add(
                replies.say(
                    "threshold.line",
                    [
                        "exam": exam.shortName, "session": session.label,
                        "levels": group.map { levelName($0, exam: exam) }.joined(separator: "、"),
                        "threshold": Score.text(score), "clause": clause ?? ""
                    ]))
        }
        citeNotice(&draft, clause)
    }

    /// National pass marks and full marks of each exam, with the sources that state them.
    func national(_ request: Request) -> Draft {
        var draft = Draft(intent: "national")
        for exam in exams(for: request.slots) {
            draft.add(
                replies.say(
                    "national.line", ["exam": exam.shortName, "full": Score.text(exam.fullMarks), "national": Score.text(exam.passMark)]))
            for id in exam.sources { draft.cite(.source(id)) }
        }
        return draft
    }

    /// What the notice covers; whether a session or level asked about is covered, citing the `scope` role and `covers` clauses.
    func scope(_ request: Request) -> Draft {
        var draft = Draft(intent: "scope")
        let slots = request.slots
        citeNotice(&draft, notice?.clause(role: .scope))
        if slots.sessions.isEmpty && slots.levels.isEmpty && slots.halfOnly == nil {
            var parts: [String] = []
            for exam in exams(for: slots) {
                let sessions = coveredSessions(of: exam)
                guard !sessions.isEmpty else { continue }
                parts.append(
                    replies.say(
                        "scope.exam",
                        [
                            "exam": exam.shortName,
                            "sessions": sessions.map(\.label).joined(separator: "、") + "(" + exam.levels.map(\.name).joined(separator: "、")
                                + ")"
                        ]))
                for session in sessions { citeNotice(&draft, coverage(exam, session.id)?.clause) }
            }
            draft.add(replies.say("scope.intro", ["sessions": parts.joined(separator: ";")]))
            return draft
        }
        for exam in exams(for: slots) {
            let ids = sessionIDs(of: exam, slots)
            let sessionIDs = ids.isEmpty ? coveredSessions(of: exam).map(\.id) : ids
            for id in sessionIDs {
                guard let session = book.session(exam: exam.id, id: id), let cover = coverage(exam, id) else {
                    draft.add(
                        replies.say(
                            "not-covered.session",
                            [
                                "exam": exam.shortName, "session": label(of: id, exam: exam),
                                "covered": coveredSessions(of: exam).map(\.label).joined(separator: "、")
                            ]))
                    addWhereToAsk(&draft)
                    continue
                }
                if slots.levels.isEmpty {
                    draft.add(
                        replies.say(
                            "scope.any-level",
                            [
                                "exam": exam.shortName, "session": session.label,
                                "levels": exam.levels.map(\.name).joined(separator: "、")
                            ]))
                    addThresholdLines(&draft, exam: exam, session: session, clause: cover.clause, levels: [])
                    continue
                }
                for level in slots.levels {
                    if exam.standard(for: level) == nil {
                        draft.add(
                            replies.say(
                                "not-covered.level",
                                [
                                    "exam": exam.shortName, "level": levelName(level, exam: nil),
                                    "levels": exam.levels.map(\.name).joined(separator: "、")
                                ]))
                        for id in book.currentNotice?.legalBasis ?? [] { draft.cite(.source(id)) }
                        addWhereToAsk(&draft)
                    } else if let score = session.threshold(for: level) {
                        draft.add(
                            replies.say(
                                "scope.yes",
                                [
                                    "exam": exam.shortName, "session": session.label, "level": levelName(level, exam: exam),
                                    "threshold": Score.text(score), "clause": cover.clause ?? ""
                                ]))
                    }
                }
                citeNotice(&draft, cover.clause)
            }
        }
        return draft
    }
}
