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
        guard let place = content.locations.first(where: { if case .message = $0 { true } else { false } }) else {
            error(
                SourceLocation(path: content.root, line: 1), "内容文件夹里没有 messages.md(解释结论的句子):从 Content/messages.md 复制一份,或检查 --content 指的文件夹")
            return
        }
        error(
            SourceLocation(path: place.path, line: 1),
            "messages.md 缺少这些句子:\(missing.joined(separator: "、")):加在 'messages:' 下面(写法见 Content/messages.md)")
    }

    private func at(_ key: ContentKey) -> SourceLocation { content.locations.at(key) }

    private func error(_ location: SourceLocation, _ message: String) {
        log.error(location.path, (location.line, location.column), message)
    }

    private func checkSessions() {
        for session in book.sessions {
            let key = ContentKey.session(session)
            guard let exam = book.exam(session.exam) else {
                error(
                    at(.sessionExam(exam: session.exam, id: session.id)),
                    "不认识的考试 '\(session.exam.shown)':考试有 \(book.exams.map(\.id).joined(separator: "、"))")
                continue
            }
            if !exam.sessionForm.accepts(session.id) {
                error(
                    at(key),
                    "场次 '\(session.id.shown)' 不是\(exam.shortName)场次的写法:写成 '\(SessionFormat.suggestion(for: session.id, form: exam.sessionForm))'"
                )
            }
            for standard in exam.levels where session.threshold(for: standard.level) == nil {
                error(
                    at(key),
                    "没有\(standard.name)('\(standard.level.rawValue)')的合格标准,\(exam.shortName)考这个级别:在 'thresholds' 下加一行 '\(standard.level.rawValue): 分数'"
                )
            }
            for threshold in session.thresholds {
                let place = at(.threshold(exam: session.exam, session: session.id, level: threshold.level))
                if exam.standard(for: threshold.level) == nil {
                    error(place, "\(exam.shortName)没有 '\(threshold.level.rawValue)' 这个考试级别:删掉这个合格标准")
                } else if threshold.score < 0 || threshold.score > exam.fullMarks {
                    error(
                        place,
                        "合格标准 \(Score.text(threshold.score)) 超出 0 到 \(Score.text(exam.fullMarks)) 的范围(\(exam.shortName)每科满分 \(Score.text(exam.fullMarks))):改成通知写的分数"
                    )
                } else if threshold.score >= exam.passMark {
                    error(place, "合格标准 \(Score.text(threshold.score)) 不低于全国合格标准 \(Score.text(exam.passMark)):单独划线的标准总是更低,检查这个数")
                }
            }
            if !book.notices.contains(where: { $0.covers(exam: session.exam, session: session.id) != nil }) {
                error(at(key), "这里有\(exam.shortName) \(session.id) 的合格标准,但没有哪份通知涵盖这个场次:把它加到通知的 'covers' 里,或删掉这个文件")
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
            error(at(.noticeBody(notice.id)), "这份通知没有编号的条款(一、/(一)/1.):正文是不是漏了?")
        }
    }

    private func checkReferences() {
        let known = Set(book.sources.map(\.id))
        for (ref, location) in content.sourceReferences where !known.contains(ref) {
            let hint = Suggest.closest(to: ref, in: known).map { "(是不是 '\($0)'?)" } ?? ""
            error(location, "不认识的来源 '\(ref.shown)'\(hint):在 sources.md 里定义它")
        }
        let clauseIDs = Set(book.notices.flatMap { $0.clauses.map(\.id) })
        for entry in book.faq {
            for cite in entry.cites {
                let place = at(.faqCite(faq: entry.id, cite: cite))
                if cite.hasPrefix("notice:") {
                    let clause = String(cite.dropFirst("notice:".count))
                    if !clauseIDs.contains(clause) {
                        let hint = Suggest.closest(to: clause, in: clauseIDs).map { "(是不是 'notice:\($0)'?)" } ?? ""
                        error(place, "'\(cite.shown)':没有哪份通知有条款 '\(clause.shown)'\(hint)")
                    }
                } else if cite.hasPrefix("source:") {
                    let id = String(cite.dropFirst("source:".count))
                    if !known.contains(id) {
                        let hint = Suggest.closest(to: id, in: known).map { "(是不是 'source:\($0)'?)" } ?? ""
                        error(place, "'\(cite.shown)':不认识这个来源\(hint):在 sources.md 里定义它")
                    }
                } else {
                    error(place, "'\(cite.shown)' 要写成 'notice:条款'(如 notice:一(一))或 'source:来源 id'")
                }
            }
        }
        for list in book.qualifications where book.exam(list.exam) == nil {
            error(at(.qualificationsExam), "不认识的考试 '\(list.exam.shown)':考试有 \(book.exams.map(\.id).joined(separator: "、"))")
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
