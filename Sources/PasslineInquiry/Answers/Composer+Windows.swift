import Foundation
import PasslineCore

extension Composer {
    /// The application window and where `now` stands in it, citing the window's clause.
    func window(_ request: Request) -> Draft {
        var draft = Draft(intent: "window")
        guard let notice = request.round ?? notice(at: request.now) else { return fallback() }
        introduce(notice, into: &draft)
        let window = notice.application
        draft.add(
            replies.say(
                "window.intro", ["start": Instant.chinese(window.start), "end": Instant.chinese(window.end), "clause": window.clause ?? ""])
        )
        switch window.state(at: request.now) {
        case .before: draft.add(replies.say("window.until-start", ["left": duration(from: request.now, to: window.start)]))
        case .open: draft.add(replies.say("window.left", ["left": duration(from: request.now, to: window.end)]))
        case .closed: draft.add(replies.say("window.closed", ["end": Instant.chinese(window.end)]))
        }
        cite(notice, clause: window.clause, into: &draft)
        return draft
    }

    /// The review window and where `now` stands in it, citing the window's clause.
    func review(_ request: Request) -> Draft {
        var draft = Draft(intent: "review")
        guard let notice = request.round ?? notice(at: request.now), let window = notice.review else { return fallback() }
        introduce(notice, into: &draft)
        draft.add(
            replies.say(
                "review.intro", ["start": Instant.chinese(window.start), "end": Instant.chinese(window.end), "clause": window.clause ?? ""])
        )
        draft.add(replies.say("review.\(window.state(at: request.now).rawValue)", ["end": Instant.chinese(window.end)]))
        cite(notice, clause: window.clause, into: &draft)
        return draft
    }

    /// The round that matters at `now`: the one open then; else the next to open; else the newest.
    /// Rounds repeat (a first round in 2024, this one in 2025), so "when" depends on the moment asked.
    /// A notice not yet issued at `now` is not known then (in November 2024 there was no second round).
    func notice(at now: Date) -> Notice? {
        let issued = book.notices.filter { notice in Instant.parseDay(notice.date).map { $0 <= now } ?? true }
        if let open = issued.first(where: { $0.application.state(at: now) == .open }) { return open }
        if let next = issued.filter({ $0.application.state(at: now) == .before }).min(by: { $0.application.start < $1.application.start }) {
            return next
        }
        return issued.max { $0.date < $1.date } ?? book.currentNotice
    }

    /// Names the round when it is not the newest notice, so an older window is never mistaken for this one.
    func introduce(_ notice: Notice, into draft: inout Draft) {
        guard notice.id != book.currentNotice?.id else { return }
        // FAQ answers speak of the newest round: they would contradict this one.
        draft.wantsLinkedFAQ = false
        draft.wantsRelatedFAQ = false
        let date = Instant.parseDay(notice.date).map { Instant.chinese($0, withTime: false) } ?? notice.date
        draft.add(replies.say("window.round", ["date": date, "title": notice.title]))
    }

    /// A clause of a full notice, or the sources a summary was read from.
    func cite(_ notice: Notice, clause: String?, into draft: inout Draft) {
        if let clause, notice.kind == .full {
            draft.cite(.notice(id: notice.id, clause: clause))
        } else {
            for id in notice.sources { draft.cite(.source(id)) }
        }
    }
}
