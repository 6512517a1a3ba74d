import PasslineCore

/// The sessions a notice opens and their thresholds: each clause that names one session of one exam and
/// states a threshold (`2024年下半年计算机软件资格考试……初、中级各科目合格标准均为39分(含),高级……40分(含)`).
///
/// The exam is the one whose name (from `exams/*.md`) the clause or its heading uses; the session is
/// `YYYY年上半年` / `下半年` for an exam held twice a year, `YYYY年度` (or `YYYY年`) for one held once. The
/// clause is cut at `,，;；。` as the validator cuts it; in each part the first `N分` is the score and the
/// level names (初级、中级、高级 from `exams/*.md`, also `初、中级`) say which levels it is for; a part
/// naming no level is for every level.
struct SessionExtraction {
    let notice: SegmentedNotice
    let phrasing: Phrasing
    let catalog: ImportCatalog

    func sessions(undecided: inout [Undecided], notes: inout [String]) -> [SessionFinding] {
        var found: [SessionFinding] = []
        for clause in notice.clauses {
            let text = NoticeGrammar.halfWidth(clause.text)
            guard phrasing.threshold.contains(where: text.contains), let statement = scores(in: text).nonEmpty else { continue }
            let place = ClauseName.chinese(clause.id)
            let exams = examsNamed(by: clause)
            guard exams.count == 1, let exam = exams.first else {
                let message = exams.isEmpty ? "说了合格标准,但没写是哪个考试" : "同时提到了\(exams.map(\.shortName).joined(separator: "和")),分不出合格标准是哪个考试的"
                undecided.append(Undecided(key: "covers", message: "\(place)\(message):这一场次没有写进草稿,请手工添加"))
                continue
            }
            var sessions = self.sessions(in: text, exam: exam)
            // 2024年上半年和下半年: a half-year word without its own year is another session.
            let halfYearWords =
                exam.sessionForm == .halfYear
                ? (phrasing.halfYear.H1 + phrasing.halfYear.H2).reduce(0) { $0 + text.components(separatedBy: $1).count - 1 } : 0
            if halfYearWords > sessions.count, sessions.count == 1 { sessions.append(("?", "另一个没写年份的半年")) }
            guard sessions.count == 1, let (session, label) = sessions.first else {
                let message =
                    sessions.isEmpty
                    ? "没写是哪一次考试(如“2024年下半年”\(exam.sessionForm == .year ? "、“2024年度”" : ""))"
                    : "提到了几次考试(\(sessions.map(\.1).joined(separator: "、"))),分不出合格标准属于哪一次"
                undecided.append(Undecided(key: "covers", message: "\(place)说了\(exam.shortName)的合格标准,但\(message):这一场次没有写进草稿,请手工添加"))
                continue
            }
            var thresholds: [Level: Double] = [:]
            var conflict = false
            for (levels, score) in statement {
                let named = levels.isEmpty ? exam.levels.map(\.level) : levels
                for level in named {
                    if let before = thresholds[level], before != score { conflict = true }
                    thresholds[level] = score
                }
            }
            let id = "\(exam.id)-\(session)"
            if conflict {
                undecided.append(Undecided(key: "sessions/\(id).md", message: "\(place)给同一级别写了不同的分数:请照通知填写 \(id) 的合格标准"))
                thresholds = [:]
            }
            let unknown = thresholds.keys.filter { exam.standard(for: $0) == nil }
            for level in unknown {
                notes.append(
                    "\(place)写了\(exam.shortName)\(Self.levelName(level))的分数,但\(exam.shortName)没有这一级别的考试(exams/\(exam.id).md):没有写进草稿")
                thresholds[level] = nil
            }
            let missing = exam.levels.map(\.level).filter { thresholds[$0] == nil }
            for level in missing where !conflict {
                undecided.append(
                    Undecided(
                        key: "sessions/\(id).md thresholds.\(level.rawValue)",
                        message:
                            "\(place)没有写\(label)\(exam.shortName)\(Self.levelName(level))的合格标准:通知别处若写了,照填;若这一次确实没有\(Self.levelName(level))的单独划线标准,Passline 的格式目前表示不了(每个级别都要有一个分数),请告诉开发人员,不要自己编一个分数"
                    ))
            }
            if found.contains(where: { $0.id == id }) {
                undecided.append(Undecided(key: "covers", message: "\(place)又写了一次\(label)\(exam.shortName)的合格标准:只用了第一次出现的,请核对"))
                continue
            }
            found.append(
                SessionFinding(
                    exam: exam.id, session: session, label: label, thresholds: thresholds, missing: missing, clause: clause.id,
                    quote: FactExtraction.shorten(clause.text, 80)))
        }
        return found
    }

    static func levelName(_ level: Level) -> String {
        switch level {
        case .junior: "初级"
        case .intermediate: "中级"
        case .senior: "高级"
        }
    }

    /// The exams the clause names, or, if none, the ones its parent heading or section names.
    private func examsNamed(by clause: SegmentedNotice.Clause) -> [Exam] {
        var chain = [clause]
        if let index = notice.clauses.firstIndex(of: clause) {
            for earlier in notice.clauses[..<index].reversed() where earlier.depth < (chain.last?.depth ?? 0) && earlier.depth > 0 {
                chain.append(earlier)
            }
        }
        for link in chain {
            let named = catalog.exams(in: link.text)
            if !named.isEmpty { return removingContained(named).map(\.0) }
        }
        return []
    }

    /// Drops an exam whose only match lies inside another's longer name.
    private func removingContained(_ named: [(Exam, String)]) -> [(Exam, String)] {
        named.filter { exam, name in !named.contains { $0.0.id != exam.id && $0.1.count > name.count && $0.1.contains(name) } }
    }

    /// The sessions `text` names in the exam's form, with their labels as written.
    func sessions(in text: String, exam: Exam) -> [(String, String)] {
        let chars = Array(text)
        var found: [(String, String)] = []
        var i = 0
        while i + 5 <= chars.count {
            let yearChars = chars[i..<(i + 4)]
            guard yearChars.allSatisfy({ $0.isASCII && $0.isNumber }), i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber) else {
                i += 1
                continue
            }
            var j = i + 4
            while j < chars.count, chars[j] == " " { j += 1 }
            guard j < chars.count, chars[j] == "年" else {
                i += 4
                continue
            }
            let year = String(yearChars)
            let rest = String(chars[(j + 1)..<min(chars.count, j + 8)])
            var session: (String, String)?
            switch exam.sessionForm {
            case .halfYear:
                if let word = phrasing.halfYear.H1.first(where: rest.hasPrefix) { session = ("\(year)-H1", "\(year)年\(word)") }
                if let word = phrasing.halfYear.H2.first(where: rest.hasPrefix) { session = ("\(year)-H2", "\(year)年\(word)") }
            case .year:
                if let word = phrasing.year.first(where: { ("年" + rest).hasPrefix($0) }) {
                    session = (year, "\(year)\(word)")
                } else if !phrasing.halfYear.H1.contains(where: rest.hasPrefix), !phrasing.halfYear.H2.contains(where: rest.hasPrefix) {
                    session = (year, "\(year)年")
                }
            }
            if let session, !found.contains(where: { $0.0 == session.0 }) { found.append(session) }
            i = j + 1
        }
        return found
    }

    /// Each part of the clause that states a delineated score: the levels it names (empty: every level)
    /// and the score.
    func scores(in text: String) -> [([Level], Double)] {
        var result: [([Level], Double)] = []
        for segment in text.split(whereSeparator: { ",，;；。".contains($0) }).map(String.init) {
            guard !phrasing.national.contains(where: segment.contains), let score = firstScore(segment),
                phrasing.threshold.contains(where: segment.contains) || segment.contains("含")
            else { continue }
            result.append((levels(in: segment), score))
        }
        return result
    }

    /// The first `N分` (Arabic or Chinese numerals, `39.5分`) in `segment`.
    private func firstScore(_ segment: String) -> Double? {
        let chars = Array(segment)
        let chinese = Set(ChineseNumeral.digits.keys).union(ChineseNumeral.units.keys)
        for (i, c) in chars.enumerated() where c == "分" {
            var p = i
            while p > 0, chars[p - 1] == " " { p -= 1 }
            var q = p
            while q > 0, chars[q - 1].isASCII, chars[q - 1].isNumber || chars[q - 1] == "." { q -= 1 }
            if q < p, let value = Double(String(chars[q..<p])) { return value }
            q = p
            while q > 0, chinese.contains(chars[q - 1]) { q -= 1 }
            if q < p, let value = ChineseNumeral.value(String(chars[q..<p])) { return Double(value) }
        }
        return nil
    }

    /// The levels a part names: a level's full name (初级), or its first character in a run ending in 级
    /// (初、中级). Level names come from the exams' files.
    private func levels(in segment: String) -> [Level] {
        let standards = catalog.exams.flatMap(\.levels)
        var stems: [Character: Level] = [:]
        for standard in standards where standard.name.count == 2 && standard.name.hasSuffix("级") {
            stems[standard.name.first!] = standard.level
        }
        let chars = Array(segment)
        var named: Set<Level> = []
        for (i, c) in chars.enumerated() where c == "级" {
            var p = i - 1
            while p >= 0 {
                if let level = stems[chars[p]] {
                    named.insert(level)
                } else if !"、和及与".contains(chars[p]) {
                    break
                }
                p -= 1
            }
        }
        return named.sorted()
    }
}

extension Array {
    var nonEmpty: Self? { isEmpty ? nil : self }
}
