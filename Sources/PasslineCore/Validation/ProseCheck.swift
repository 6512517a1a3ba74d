import Foundation

/// The cross-check of the notice's prose against the data: a number changed in one place but not
/// the other is the most dangerous mistake an editor can make, so it is an error.
struct ProseCheck {
    let book: RuleBook
    let notice: Notice
    let locations: ContentLocations
    let log: DiagnosticLog

    func run() {
        checkWindow(.application, notice.application)
        if let review = notice.review { checkWindow(.review, review) }
        checkThresholds()
        if !notice.clauses.contains(where: { PlainText.contains($0.text, notice.hotline) }) {
            report(.noticeHotline(notice.id), "咨询电话 \(notice.hotline.shown) 没有出现在通知正文里:检查号码,两处要一致")
        }
    }

    private func report(_ key: ContentKey, _ message: String) {
        let place = locations.at(key)
        log.error(place.path, (place.line, place.column), message)
    }

    private func clauseLine(_ id: String) -> String {
        locations[.noticeClause(notice: notice.id, clause: id)].map { "\($0.path):\($0.line)" } ?? "通知正文"
    }

    /// `application` → 申请, `review` → 审核: the window as the notice names it, with its key.
    private func words(_ name: ContentKey.WindowName) -> String { (name == .application ? "申请" : "审核") }

    private func checkWindow(_ name: ContentKey.WindowName, _ window: Window) {
        guard let id = window.clause, let clause = notice.clause(id) else { return }
        let stated = ProseDates.instants(in: clause.text)
        guard stated.count >= 2 else {
            report(
                .noticeWindow(notice: notice.id, window: name, field: .clause),
                "条款 \(id)(\(clauseLine(id)))没有写出开始和结束时间,无法和 '\(name.rawValue)' 核对:检查 '\(name.rawValue).clause' 写的条款对不对")
            return
        }
        if stated[0] != window.start {
            report(
                .noticeWindow(notice: notice.id, window: name, field: .start),
                "\(words(name))开始时间('\(name.rawValue).start')这里是 \(Instant.chinese(window.start)),通知第\(id)条(\(clauseLine(id)))写的是 \(Instant.chinese(stated[0])):两处要一起改"
            )
        }
        if stated[1] != window.end {
            report(
                .noticeWindow(notice: notice.id, window: name, field: .end),
                "\(words(name))截止时间('\(name.rawValue).end')这里是 \(Instant.chinese(window.end)),通知第\(id)条(\(clauseLine(id)))写的是 \(Instant.chinese(stated[1])):两处要一起改"
            )
        }
    }

    private func checkThresholds() {
        for cover in notice.covers {
            guard let id = cover.clause, let clause = notice.clause(id), let session = book.session(exam: cover.exam, id: cover.session)
            else { continue }
            if !PlainText.contains(clause.text, session.label) {
                report(
                    .noticeCover(notice: notice.id, exam: session.exam, session: session.id),
                    "条款 \(id)(\(clauseLine(id)))没有提到 \(session.label)(\(session.key) 的 'label'):这个条款写对了吗?")
            }
            let statements = ProseThresholds.statements(in: clause.text, levels: session.thresholds.map(\.level))
            if statements.isEmpty {
                report(
                    .noticeCover(notice: notice.id, exam: session.exam, session: session.id),
                    "条款 \(id)(\(clauseLine(id)))没有写出 \(session.key) 的合格标准(如 40分(含)):这个条款写对了吗?")
            }
            for (level, stated) in statements {
                guard let value = session.threshold(for: level), value != stated else { continue }
                let place = ContentKey.threshold(exam: session.exam, session: session.id, level: level)
                let name = book.exam(session.exam)?.standard(for: level)?.name ?? level.rawValue
                report(
                    place,
                    "\(session.label)\(name)('\(level.rawValue)')合格标准这里是 \(Score.text(value)),通知第\(id)条(\(clauseLine(id)))写的是 \(Score.text(stated))分:两处要一起改"
                )
            }
        }
    }
}
