import PasslineCore

/// What a notice decides, from its data: the windows, the sessions it opens with their thresholds, the
/// hotline and the online entry. Shown on a summary's page and, shorter, in the notice list.
struct NoticeFacts {
    struct Covered { let exam: String; let session: String; let thresholds: String }
    struct Exam { let shortName: String; let sessions: String }

    let application: String
    let applicationStart: String
    let applicationEnd: String
    let startISO: String
    let endISO: String
    let review: String?
    /// One row per session opened, with its delineated thresholds by level.
    let covered: [Covered]
    /// The same sessions, per exam, as one line each.
    let exams: [Exam]
    let hotline: String
    let hotlineTel: String
    let entry: String

    /// `thresholds`: whether to work out `covered` (only a summary's page shows it; the notice list,
    /// with a thousand rounds in an archive, does not).
    init(notice: Notice, book: RuleBook, thresholds: Bool = true) {
        applicationStart = Instant.chinese(notice.application.start)
        applicationEnd = Instant.chinese(notice.application.end)
        application = applicationStart + "至" + applicationEnd
        startISO = Instant.iso(notice.application.start)
        endISO = Instant.iso(notice.application.end)
        review = notice.review.map(NoticeFacts.span)
        covered =
            !thresholds
            ? []
            : notice.covers.compactMap { cover in
                guard let exam = book.exam(cover.exam), let session = book.session(exam: cover.exam, id: cover.session) else { return nil }
                let lines = exam.levels.compactMap { standard in
                    session.threshold(for: standard.level).map { "\(standard.name)\(Score.text($0))分" }
                }
                return Covered(exam: exam.shortName, session: session.label, thresholds: lines.joined(separator: "、"))
            }
        exams = book.exams.compactMap { exam in
            let labels = notice.covers.filter { $0.exam == exam.id }.compactMap { book.session(exam: exam.id, id: $0.session)?.label }
            return labels.isEmpty ? nil : Exam(shortName: exam.shortName, sessions: labels.joined(separator: "、"))
        }
        hotline = notice.hotline
        hotlineTel = notice.hotline.filter { $0.isNumber || $0 == "-" || $0 == "+" }
        entry = notice.entry
    }

    /// `2025年1月22日9:00至2025年2月28日17:00`.
    static func span(_ window: Window) -> String {
        Instant.chinese(window.start) + "至" + Instant.chinese(window.end)
    }
}
