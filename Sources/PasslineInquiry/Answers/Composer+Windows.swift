import Foundation
import PasslineCore

extension Composer {
    /// The application window and where `now` stands in it, citing the window's clause.
    func window(_ request: Request) -> Draft {
        var draft = Draft(intent: "window")
        guard let notice else { return fallback() }
        let window = notice.application
        draft.add(replies.say("window.intro", ["start": Instant.chinese(window.start), "end": Instant.chinese(window.end), "clause": window.clause ?? ""]))
        switch window.state(at: request.now) {
        case .before: draft.add(replies.say("window.until-start", ["left": duration(from: request.now, to: window.start)]))
        case .open: draft.add(replies.say("window.left", ["left": duration(from: request.now, to: window.end)]))
        case .closed: draft.add(replies.say("window.closed", ["end": Instant.chinese(window.end)]))
        }
        citeNotice(&draft, window.clause)
        return draft
    }

    /// The review window and where `now` stands in it, citing the window's clause.
    func review(_ request: Request) -> Draft {
        var draft = Draft(intent: "review")
        guard let notice, let window = notice.review else { return fallback() }
        draft.add(replies.say("review.intro", ["start": Instant.chinese(window.start), "end": Instant.chinese(window.end), "clause": window.clause ?? ""]))
        draft.add(replies.say("review.\(window.state(at: request.now).rawValue)", ["end": Instant.chinese(window.end)]))
        citeNotice(&draft, window.clause)
        return draft
    }
}
