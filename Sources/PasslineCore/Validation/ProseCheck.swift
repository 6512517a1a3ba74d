import Foundation

/// The cross-check of the notice's prose against the data: a number changed in one place but not
/// the other is the most dangerous mistake an editor can make, so it is an error.
struct ProseCheck {
    let book: RuleBook
    let notice: Notice
    let locations: [String: SourceLocation]
    let log: DiagnosticLog

    func run() {
        checkWindow("application", notice.application)
        if let review = notice.review { checkWindow("review", review) }
        checkThresholds()
        if !notice.clauses.contains(where: { PlainText.contains($0.text, notice.hotline) }) {
            report("notice:\(notice.id):hotline", "hotline \(notice.hotline) does not appear in the notice's text")
        }
    }

    private func report(_ key: String, _ message: String) {
        let place = locations[key] ?? locations["notice:\(notice.id)"] ?? SourceLocation(path: "Content", line: 1)
        log.error(place.path, (place.line, place.column), message)
    }

    private func clauseLine(_ id: String) -> String {
        locations["notice:\(notice.id):clause:\(id)"].map { "\($0.path):\($0.line)" } ?? "the notice"
    }

    private func checkWindow(_ name: String, _ window: Window) {
        guard let id = window.clause, let clause = notice.clause(id) else { return }
        let stated = ProseDates.instants(in: clause.text)
        guard stated.count >= 2 else {
            report("notice:\(notice.id):\(name).clause", "clause \(id) (\(clauseLine(id))) states no start and end time to compare with '\(name)'")
            return
        }
        if stated[0] != window.start {
            report("notice:\(notice.id):\(name).start", "\(name) start \(Instant.chinese(window.start)) differs from clause \(id) (\(clauseLine(id))), which says \(Instant.chinese(stated[0])): change both together")
        }
        if stated[1] != window.end {
            report("notice:\(notice.id):\(name).end", "\(name) end \(Instant.chinese(window.end)) differs from clause \(id) (\(clauseLine(id))), which says \(Instant.chinese(stated[1])): change both together")
        }
    }

    private func checkThresholds() {
        for cover in notice.covers {
            guard let id = cover.clause, let clause = notice.clause(id), let session = book.session(exam: cover.exam, id: cover.session) else { continue }
            let sessionKey = "session:\(session.key)"
            if !PlainText.contains(clause.text, session.label) {
                report("notice:\(notice.id):covers:\(session.key)", "clause \(id) (\(clauseLine(id))) does not name \(session.label), the label of \(session.key): is the clause right?")
            }
            let statements = ProseThresholds.statements(in: clause.text, levels: session.thresholds.map(\.level))
            if statements.isEmpty {
                report("notice:\(notice.id):covers:\(session.key)", "clause \(id) (\(clauseLine(id))) states no threshold for \(session.key)")
            }
            for (level, stated) in statements {
                guard let value = session.threshold(for: level), value != stated else { continue }
                let place = locations["\(sessionKey):\(level.rawValue)"] != nil ? "\(sessionKey):\(level.rawValue)" : sessionKey
                report(place, "\(session.label) \(level.rawValue) threshold is \(Score.text(value)) here but clause \(id) (\(clauseLine(id))) says \(Score.text(stated))分: change both together")
            }
        }
    }
}
