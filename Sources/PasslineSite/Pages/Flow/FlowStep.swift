import PasslineCore

/// One state of the guided calculator: the answers given so far. Each state is a static page whose
/// file name carries the answers (smart-answers carries them in the URL path; a static site opened
/// from disk has no server to read a query, so every state is its own file, written at build time).
///
/// The questions, in order: exam → session → level → where the exam was taken (registered) → where
/// the candidate works now (only when the first place is not delineated) → scores and the outcome.
struct FlowStep: Hashable, Sendable {
    enum Question: Hashable, Sendable { case exam, session, level, examPlace, workPlace, outcome }

    var exam: String?
    var session: String?
    var level: Level?
    /// Set on the outcome page only: what the two place answers decided.
    var category: Category?
    /// The work question is being asked (the exam place was answered "not delineated").
    var asksWork = false

    static let start = FlowStep()

    var question: Question {
        if category != nil { return .outcome }
        if asksWork { return .workPlace }
        if level != nil { return .examPlace }
        if session != nil { return .level }
        if exam != nil { return .session }
        return .exam
    }

    /// The page's file, flat at the site root (the layout's links are relative to the root).
    var page: String {
        var parts = ["check"]
        if let exam { parts.append(exam) }
        if let session { parts.append(session) }
        if let level { parts.append(level.rawValue) }
        if asksWork { parts.append("work") }
        if let category { parts.append(category.rawValue) }
        return parts.joined(separator: "-") + ".html"
    }

    func with(exam: String) -> FlowStep { FlowStep(exam: exam) }
    func with(session: String) -> FlowStep { FlowStep(exam: exam, session: session) }
    func with(level: Level) -> FlowStep { FlowStep(exam: exam, session: session, level: level) }
    /// The exam place answered "not delineated": ask where the candidate works.
    var askingWork: FlowStep { FlowStep(exam: exam, session: session, level: level, asksWork: true) }
    func deciding(_ category: Category) -> FlowStep { FlowStep(exam: exam, session: session, level: level, category: category) }
    /// The step of the question being asked before this one's answers (for 更改).
    var examPlaceStep: FlowStep { FlowStep(exam: exam, session: session, level: level) }

    /// Where a place answer leads: delineated → the outcome for that category; not → the next question.
    func afterPlace(inScope: Bool) -> FlowStep {
        switch (question, inScope) {
        case (.examPlace, true): deciding(.local)
        case (.examPlace, false): askingWork
        case (_, true): deciding(.relocated)
        case (_, false): deciding(.none)
        }
    }

    /// Every state of the flow for the sessions and levels the current rules cover, in reading order.
    static func all(book: RuleBook) -> [FlowStep] {
        var steps = [start]
        for exam in examsCovered(book) {
            let examStep = start.with(exam: exam.id)
            steps.append(examStep)
            for session in sessionsCovered(book, exam: exam.id) {
                let sessionStep = examStep.with(session: session.id)
                steps.append(sessionStep)
                for level in levels(of: session, exam: exam) {
                    let levelStep = sessionStep.with(level: level.level)
                    steps += [levelStep, levelStep.askingWork] + Category.allCases.map(levelStep.deciding)
                }
            }
        }
        return steps
    }

    /// Sessions some notice covers, as the notices list them (newest rounds first in the archive).
    static func sessionsCovered(_ book: RuleBook, exam: String) -> [Session] {
        book.sessions.filter { session in
            session.exam == exam && book.notices.contains { $0.covers(exam: exam, session: session.id) != nil }
        }
    }

    static func examsCovered(_ book: RuleBook) -> [Exam] { book.exams.filter { !sessionsCovered(book, exam: $0.id).isEmpty } }

    /// Levels of the exam that the session has a threshold for.
    static func levels(of session: Session, exam: Exam) -> [LevelStandard] {
        exam.levels.filter { session.threshold(for: $0.level) != nil }
    }
}
