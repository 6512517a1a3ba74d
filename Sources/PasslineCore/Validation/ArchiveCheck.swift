import Foundation

/// Checks that keep an archive of notices unambiguous: which round applies to a session at an
/// instant, and which notice is current, must never be a silent guess.
///
/// Also holds the rules for summary notices (a round whose official text is not at hand): they cite
/// no clause numbers, since any number we wrote would look official without being so, and they name
/// the sources their facts come from.
struct ArchiveCheck {
    let content: LoadedContent
    let log: DiagnosticLog
    /// The instant "has this window passed?" is asked at; `passline check --now` fixes it for tests.
    let now: Date

    /// The roles Passline's engine, site and bot ask a notice for; a key close to one of these is a typo.
    static let knownRoles = NoticeRole.allCases.map(\.rawValue)

    private var book: RuleBook { content.book }

    func run() {
        for notice in book.notices where notice.kind == .summary { checkSummary(notice) }
        checkRoleNames()
        checkOverlaps()
        checkSameDates()
        checkCurrentWindow()
        checkFileNames()
    }

    private func at(_ key: ContentKey) -> SourceLocation { content.locations.at(key) }

    private func place(_ location: SourceLocation) -> String { "\(location.path):\(location.line)" }

    private func error(_ location: SourceLocation, _ message: String) {
        log.error(location.path, (location.line, location.column), message)
    }

    private func warning(_ location: SourceLocation, _ message: String) {
        log.warning(location.path, (location.line, location.column), message)
    }

    // MARK: summaries

    private func checkSummary(_ notice: Notice) {
        let id = notice.id
        let remedy = "摘要没有官方的条款编号,所以不引用条款:删掉它(拿到通知原文后,把原文贴进正文,并改成 'kind: full')"
        if notice.sources.isEmpty {
            error(at(.noticeSources(id)), "通知 \(notice.id) 是摘要,却没有写 'sources':列出它依据的 sources.md 来源,如 'sources: [notice-\(notice.id)]'")
        }
        for (name, window) in [(ContentKey.WindowName.application, Optional(notice.application)), (.review, notice.review)] {
            if let clause = window?.clause {
                error(at(.noticeWindow(notice: id, window: name, field: .clause)), "'\(name.rawValue).clause: \(clause.shown)':\(remedy)")
            }
        }
        for cover in notice.covers {
            if let clause = cover.clause {
                error(
                    at(.noticeCover(notice: id, exam: cover.exam, session: cover.session)),
                    "\(cover.exam) \(cover.session) 的 'clause: \(clause.shown)':\(remedy)")
            }
        }
        for (role, clause) in notice.roles.sorted(by: { $0.key < $1.key }) {
            error(at(.noticeRole(notice: id, role: role)), "角色 '\(role)' 指向条款 '\(clause.shown)':\(remedy)")
        }
        let body = notice.body.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty {
            error(at(.noticeBody(id)), "通知 \(notice.id) 是摘要,却没有正文:在文件头下面用自己的话写一段简短的摘要,并写明这是摘要")
        }
        // Times live in the data only; a summary that restates one must at least agree with it.
        let windowTimes = [notice.application.start, notice.application.end, notice.review?.start, notice.review?.end].compactMap { $0 }
        for stated in ProseDates.instants(in: notice.body) where !windowTimes.contains(stated) {
            error(at(.noticeBody(id)), "摘要里写了 \(Instant.chinese(stated)),它不是上面任何一个时间段的时间:改正它,或者不在摘要里写时间,留给上面的数据")
        }
    }

    // MARK: roles

    private func checkRoleNames() {
        for notice in book.notices {
            for role in notice.roles.keys.sorted() where !Self.knownRoles.contains(role) {
                guard let meant = Suggest.closest(to: role, in: Self.knownRoles) else { continue }
                warning(
                    at(.noticeRole(notice: notice.id, role: role)),
                    "角色 '\(role)' 不是 Passline 用的角色(是不是 '\(meant)'?):角色有 \(Self.knownRoles.joined(separator: "、"))")
            }
        }
    }

    // MARK: overlaps

    /// Two rounds open for the same session at the same time would make "which notice applies" a guess.
    /// Per session, a sweep over the covering notices in order of their window's start: a notice that
    /// starts before the latest end seen so far overlaps that notice. Linear in the notices per session
    /// after sorting, where comparing every pair was quadratic in the archive (10,000 notices: seconds).
    private func checkOverlaps() {
        var covering: [String: [(notice: Notice, cover: Coverage)]] = [:]
        for notice in book.notices {
            for cover in notice.covers { covering["\(cover.exam)/\(cover.session)", default: []].append((notice, cover)) }
        }
        for (_, entries) in covering.sorted(by: { $0.key < $1.key }) where entries.count > 1 {
            let byStart = entries.sorted { ($0.notice.application.start, $0.notice.id) < ($1.notice.application.start, $1.notice.id) }
            var latest = byStart[0]
            for entry in byStart.dropFirst() {
                if overlap(latest.notice.application, entry.notice.application) {
                    let (newer, older) =
                        (entry.notice.date, entry.notice.id) > (latest.notice.date, latest.notice.id) ? (entry, latest) : (latest, entry)
                    let here = at(.noticeCover(notice: newer.notice.id, exam: newer.cover.exam, session: newer.cover.session))
                    let there = at(.noticeCover(notice: older.notice.id, exam: older.cover.exam, session: older.cover.session))
                    error(
                        here,
                        "\(newer.cover.exam) \(newer.cover.session) 也被通知 \(older.notice.id)(\(place(there)))涵盖,两份通知的申请时间重叠"
                            + "(这里是 \(span(newer.notice.application)),那里是 \(span(older.notice.application))):该用哪一轮会有歧义。"
                            + "让一个时间段在另一个开始前结束,或者只在一份通知里涵盖这个场次")
                }
                if entry.notice.application.end > latest.notice.application.end { latest = entry }
            }
        }
    }

    private func overlap(_ a: Window, _ b: Window) -> Bool { a.start <= b.end && b.start <= a.end }

    private func span(_ window: Window) -> String { "\(Instant.chinese(window.start))至\(Instant.chinese(window.end))" }

    /// The current notice is the newest by date; two notices of one date leave that to file order.
    private func checkSameDates() {
        let byDate = Dictionary(grouping: book.notices, by: \.date)
        for (date, notices) in byDate.sorted(by: { $0.key < $1.key }) where notices.count > 1 {
            let sorted = notices.sorted { $0.id < $1.id }
            let first = at(.notice(sorted[0].id))
            for other in sorted.dropFirst() {
                error(
                    at(.notice(other.id)),
                    "通知 \(sorted[0].id)(\(place(first)))和 \(other.id) 的日期都是 \(date):哪一份是最新的会有歧义:每份通知写它自己的签发日期")
            }
        }
    }

    // MARK: staleness

    /// The newest notice's window having closed is normal once a round ends, but an editor publishing
    /// then should know the site and the bot now tell every candidate "closed".
    private func checkCurrentWindow() {
        guard let current = book.currentNotice, current.application.state(at: now) == .closed else { return }
        warning(
            at(.noticeWindow(notice: current.id, window: .application, field: .end)),
            "最新通知 \(current.id) 的申请已于 \(Instant.chinese(current.application.end)) 截止(现在是 \(Instant.chinese(now))):"
                + "网站和机器人会告诉考生申请已经截止。如果新一轮已经公布,添加它的通知(passline new notice)")
    }

    // MARK: file names

    /// Editors find a file by its name; a file whose id says something else is a copy-and-forget.
    private func checkFileNames() {
        func expect(_ key: ContentKey, named name: String, what: String) {
            guard let location = content.locations[key] else { return }
            let file = location.path.split(separator: "/").last.map(String.init) ?? location.path
            guard file != name + ".md" else { return }
            warning(location, "这个文件叫 \(file),里面却是\(what):改名为 \(name).md")
        }
        for notice in book.notices { expect(.notice(notice.id), named: notice.id, what: "通知 \(notice.id)") }
        for session in book.sessions {
            expect(.session(session), named: "\(session.exam)-\(session.id)", what: "场次 \(session.exam) \(session.id)")
        }
        for entry in book.faq { expect(.faq(entry.id), named: entry.id, what: " FAQ '\(entry.id)'") }
        for area in book.areas { expect(.area(area.id), named: area.id, what: "地区 '\(area.id)'") }
    }
}

extension Notice {
    /// A summary given no `source_url` is read from its first source: the address is written once, in sources.md.
    func withSourceURL(from sources: [Source]) -> Notice {
        guard sourceURL.isEmpty, let first = self.sources.lazy.compactMap({ id in sources.first { $0.id == id } }).first else {
            return self
        }
        var notice = self
        notice.sourceURL = first.url
        return notice
    }
}
