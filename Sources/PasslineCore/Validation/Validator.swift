import Foundation

/// Checks that content agrees with itself: references resolve, numbers are in range, windows are in
/// order, and the notice's prose says exactly what the data says.
struct Validator {
    let content: LoadedContent
    let log: DiagnosticLog
    /// The instant time-dependent warnings are judged at (a current notice whose window has passed).
    var now = Date()
    private var book: RuleBook { content.book }

    func run() {
        checkSessions()
        checkNotices()
        checkReferences()
        checkMessages()
        ArchiveCheck(content: content, log: log, now: now).run()
    }

    /// Every sentence the engine needs must exist, or a verdict would show a bare key to a candidate.
    private func checkMessages() {
        let missing = EligibilityEngine.messageKeys.filter { book.messages[$0] == nil }
        guard !missing.isEmpty else { return }
        guard let place = content.locations.first(where: { $0.key.hasPrefix("message:") })?.value else {
            error(SourceLocation(path: content.root, line: 1), "内容文件夹里没有 messages.md(解释结论的句子):从 Content/messages.md 复制一份,或检查 --content 指的文件夹")
            return
        }
        error(SourceLocation(path: place.path, line: 1), "messages.md lacks \(missing.joined(separator: ", ")): add them under 'messages:'")
    }

    private func at(_ key: String, fallback: String? = nil) -> SourceLocation {
        content.locations[key] ?? fallback.flatMap { content.locations[$0] } ?? SourceLocation(path: "Content", line: 1)
    }

    private func error(_ location: SourceLocation, _ message: String) {
        log.error(location.path, (location.line, location.column), message)
    }

    private func checkSessions() {
        for session in book.sessions {
            let key = "session:\(session.key)"
            guard let exam = book.exam(session.exam) else {
                error(at(key + ":exam", fallback: key), "unknown exam '\(session.exam)'; exams are \(book.exams.map(\.id).joined(separator: ", "))")
                continue
            }
            if !exam.sessionForm.accepts(session.id) {
                error(at(key), "session '\(session.id)' is not in the form \(exam.id) uses: write it like '\(SessionFormat.suggestion(for: session.id, form: exam.sessionForm))'")
            }
            for standard in exam.levels where session.threshold(for: standard.level) == nil {
                error(at(key), "no threshold for level '\(standard.level.rawValue)' (\(standard.name)) of \(exam.shortName): add 'thresholds: \(standard.level.rawValue): N'")
            }
            for threshold in session.thresholds {
                let place = at("\(key):\(threshold.level.rawValue)", fallback: key)
                if exam.standard(for: threshold.level) == nil {
                    error(place, "\(exam.shortName) has no level '\(threshold.level.rawValue)' examined nationally; remove this threshold")
                } else if threshold.score < 0 || threshold.score > exam.fullMarks {
                    error(place, "threshold \(Score.text(threshold.score)) is outside 0…\(Score.text(exam.fullMarks)) (full marks of \(exam.shortName))")
                } else if threshold.score >= exam.passMark {
                    error(place, "threshold \(Score.text(threshold.score)) is not below the national pass mark \(Score.text(exam.passMark)): a delineated threshold is always lower")
                }
            }
            if !book.notices.contains(where: { $0.covers(exam: session.exam, session: session.id) != nil }) {
                error(at(key), "thresholds for \(exam.shortName) \(session.id), but no notice covers this session: add it to a notice's 'covers' or remove the file")
            }
        }
    }

    /// Each notice is checked on its own (on every core: an archive holds thousands); the diagnostics
    /// are logged in the notices' order, as a loop over them would.
    private func checkNotices() {
        let check = NoticeCheck(book: book, locations: content.locations)
        for diagnostics in Parallel.map(book.notices, { check.run($0) }) {
            diagnostics.forEach(log.add)
        }
        for notice in book.notices where notice.kind == .full && notice.clauses.isEmpty {
            error(at("notice:\(notice.id):body"), "the notice has no numbered clauses (一、 / (一) / 1.); is the body missing?")
        }
    }

    private func checkReferences() {
        let known = Set(book.sources.map(\.id))
        for (ref, location) in content.sourceReferences where !known.contains(ref) {
            let hint = Suggest.closest(to: ref, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            error(location, "unknown source '\(ref)'\(hint): define it in sources.md")
        }
        let clauseIDs = Set(book.notices.flatMap { $0.clauses.map(\.id) })
        for entry in book.faq {
            for cite in entry.cites {
                let place = at("cite:\(entry.id):\(cite)", fallback: "faq:\(entry.id)")
                if cite.hasPrefix("notice:") {
                    let clause = String(cite.dropFirst("notice:".count))
                    if !clauseIDs.contains(clause) {
                        let hint = Suggest.closest(to: clause, in: clauseIDs).map { " (did you mean 'notice:\($0)'?)" } ?? ""
                        error(place, "'\(cite)': no clause '\(clause)' in any notice\(hint)")
                    }
                } else if cite.hasPrefix("source:") {
                    let id = String(cite.dropFirst("source:".count))
                    if !known.contains(id) {
                        let hint = Suggest.closest(to: id, in: known).map { " (did you mean 'source:\($0)'?)" } ?? ""
                        error(place, "'\(cite)': unknown source\(hint)")
                    }
                } else {
                    error(place, "'\(cite)' must be 'notice:<clause>' or 'source:<id>'")
                }
            }
        }
        for list in book.qualifications where book.exam(list.exam) == nil {
            error(at("qualifications:exam"), "unknown exam '\(list.exam)'")
        }
    }
}

/// Suggests the right form of a session id written another way (`2024H2`, `2024下半年` → `2024-H2`).
enum SessionFormat {
    static func suggestion(for id: String, form: SessionForm) -> String {
        let year = id.firstMatch(of: #/\d{4}/#).map { String($0.0) } ?? "2024"
        switch form {
        case .year: return year
        case .halfYear:
            let second = id.contains("2") && id.dropFirst(4).contains("2") || id.contains("下")
            return "\(year)-H\(second ? 2 : 1)"
        }
    }
}

/// Formats a score the way the notice writes it: `39`, or `38.5` when it has a fraction.
public enum Score {
    public static func text(_ value: Double) -> String {
        // Content numbers are range-checked when read; prose may state any digits, so stay safe.
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
