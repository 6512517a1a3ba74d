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
        if !notice.clauses.contains(where: { $0.text.contains(notice.hotline) }) {
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
            if !clause.text.contains(session.label) {
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

/// Reads instants as the notice writes them: `2025年1月22日9:00至2月28日17:00` (the year carries over).
enum ProseDates {
    nonisolated(unsafe) static let pattern = #/(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日\s*([0-9]{1,2})[:：]([0-9]{2})/#
    static func instants(in text: String) -> [Date] {
        var year: Int?
        var found: [Date] = []
        for m in text.matches(of: pattern) {
            if let y = m.1 { year = Int(y) }
            guard let year, let month = Int(m.2), let day = Int(m.3), let hour = Int(m.4), let minute = Int(m.5) else { continue }
            let iso = String(format: "%04d-%02d-%02dT%02d:%02d+08:00", year, month, day, hour, minute)
            if let date = Instant.parse(iso) { found.append(date) }
        }
        return found
    }
}

/// Reads per-level thresholds from a clause: `初、中级…39分(含),高级…40分(含)`; a statement that names
/// no level applies to every level of the session.
enum ProseThresholds {
    nonisolated(unsafe) static let score = #/(\d+(?:\.\d+)?)\s*分/#
    static func statements(in text: String, levels: [Level]) -> [(Level, Double)] {
        var result: [(Level, Double)] = []
        for segment in text.split(whereSeparator: { ",，;；。".contains($0) }) {
            guard let m = segment.firstMatch(of: score), let value = Double(m.1) else { continue }
            var named: [Level] = []
            if segment.contains("初") { named.append(.junior) }
            if segment.contains("中级") { named.append(.intermediate) }
            if segment.contains("高级") { named.append(.senior) }
            for level in (named.isEmpty ? levels : named) { result.append((level, value)) }
        }
        return result
    }
}
