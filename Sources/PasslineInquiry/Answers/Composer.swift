import Foundation
import PasslineCore

/// Builds answers from the `RuleBook`: one method per intent id, each reading live data (windows
/// against the instant asked about, thresholds, verdicts of the rules engine) and citing it.
struct Composer: Sendable {
    let book: RuleBook
    let replies: Replies
    let engine: EligibilityEngine
    /// The one place model, shared with the calculator's place question.
    let places: PlaceLookup

    init(book: RuleBook, places: PlaceLookup) {
        self.book = book
        self.places = places
        replies = Replies(book: book)
        engine = EligibilityEngine(book: book)
    }

    /// What a composer is given: the slots to use and the instant asked about.
    struct Request {
        var slots: Slots
        var now: Date
        /// What this message itself said (places in it are explained when the bot asks back).
        var said = Slots()
        /// The candidates the classifier found, for related FAQ entries.
        var faqHint: String?
        /// The round the caller named (`第一轮`), instead of the one that matters at `now`.
        var round: Notice?
    }

    /// The intent ids this composer answers from live data.
    static let composed: Set<String> = [
        "eligibility", "window", "review", "threshold", "national", "scope", "categories", "procedure", "penalties",
        "hotline", "issuer", "legal-basis", "areas", "greeting", "help", "thanks", "meta", "next-round"
    ]

    func compose(_ intent: String, _ request: Request) -> Draft {
        switch intent {
        case "eligibility": eligibility(request)
        case "window": window(request)
        case "review": review(request)
        case "threshold": threshold(request)
        case "national": national(request)
        case "scope": scope(request)
        case "categories": clauseAnswer("categories", roles: [.local, .relocated])
        case "procedure": procedure()
        case "penalties": clauseAnswer("penalties", roles: [.penalties])
        case "hotline": hotline()
        case "issuer": issuer()
        case "legal-basis": legalBasis()
        case "areas": areas(request)
        case "greeting": chrome("greeting")
        case "help": chrome("help")
        case "thanks": chrome("thanks")
        case "meta": meta(request)
        case "next-round": nextRound()
        default: fallback()
        }
    }

    var notice: Notice? { book.currentNotice }

    /// The answer of a FAQ entry with its citations, as it reads at `now` (parts written for another
    /// state of the window left out: no open-window advice once the round has closed).
    func faq(_ id: String, intent: String? = nil, now: Date) -> Draft {
        var draft = Draft(intent: intent ?? "faq:\(id)")
        guard let entry = book.faq.first(where: { $0.id == id }) else { return fallback() }
        draft.add(Replies.plain(book.faqAnswer(entry, at: now)))
        draft.cite(.faq(entry.id))
        for cite in entry.cites { if let c = replies.citation(fromFAQ: cite) { draft.cite(c) } }
        return draft
    }

    func fallback() -> Draft {
        var draft = Draft(intent: "fallback")
        draft.isFallback = true
        draft.add(replies.say("fallback", ["hotline": notice?.hotline ?? "", "websites": websites()]))
        if let notice, let clause = notice.clause(role: .hotline) { draft.cite(.notice(id: notice.id, clause: clause)) }
        for exam in book.exams where exam.website != nil {
            if let id = book.sources.first(where: { $0.url == exam.website?.url })?.id { draft.cite(.source(id)) }
        }
        return draft
    }

    /// For a question in English: the bot reads and answers Chinese; the hotline and the sites.
    func english() -> Draft {
        var draft = fallback()
        draft.lines = [replies.say("english", ["hotline": notice?.hotline ?? "", "websites": websites()])]
        return draft
    }

    /// For an empty line: how to ask, and the hotline for a person.
    func empty() -> Draft {
        var draft = Draft(intent: "empty")
        draft.add(replies.say("empty", ["hotline": notice?.hotline ?? "", "websites": websites()]))
        if let notice, let clause = notice.clause(role: .hotline) { draft.cite(.notice(id: notice.id, clause: clause)) }
        return draft
    }

    /// After "not covered": where to ask, since the bot has nothing more to say.
    func addWhereToAsk(_ draft: inout Draft) {
        draft.notCovered = true
        draft.add(replies.say("not-covered.more", ["hotline": notice?.hotline ?? "", "websites": websites()]))
        citeNotice(&draft, notice?.clause(role: .hotline))
    }

    /// Why the bot asks: what decides a verdict, and where a person can be reached.
    func meta(_ request: Request) -> Draft {
        var draft = Draft(intent: "meta")
        draft.add(
            replies.say(
                "meta",
                [
                    "hotline": notice?.hotline ?? "", "local": notice?.clause(role: .local) ?? "",
                    "relocated": notice?.clause(role: .relocated) ?? ""
                ]))
        citeNotice(&draft, notice?.clause(role: .hotline))
        return draft
    }

    /// No notice in content announces a later round: say so, with where to watch and whom to call.
    func nextRound() -> Draft {
        var draft = Draft(intent: "next-round")
        let date = notice.flatMap { Instant.parseDay($0.date) }.map { Instant.chinese($0, withTime: false) } ?? ""
        draft.add(
            replies.say(
                "next-round", ["title": notice?.title ?? "", "date": date, "hotline": notice?.hotline ?? "", "websites": websites()]))
        citeNotice(&draft, notice?.clause(role: .hotline))
        draft.wantsRelatedFAQ = false
        draft.wantsLinkedFAQ = false
        return draft
    }

    func chrome(_ key: String) -> Draft {
        var draft = Draft(intent: key)
        draft.add(replies.say(key, ["title": notice?.title ?? "", "hotline": notice?.hotline ?? ""]))
        return draft
    }

    /// `中国计算机技术职业资格网(https://…)、…`, from exams/*.md.
    func websites() -> String {
        book.exams.compactMap { exam in exam.website.map { "\($0.name)(\($0.url))" } }.joined(separator: "、")
    }

    func citeNotice(_ draft: inout Draft, _ clause: String?) {
        guard let notice, let clause else { return }
        draft.cite(.notice(id: notice.id, clause: clause))
    }

    /// `2天5小时` / `3小时20分钟` until `date`.
    func duration(from now: Date, to date: Date) -> String {
        let seconds = max(0, Int(date.timeIntervalSince(now)))
        let days = seconds / 86_400, hours = (seconds % 86_400) / 3600, minutes = (seconds % 3600) / 60
        return days > 0
            ? replies.say("duration.days", ["days": String(days), "hours": String(hours)])
            : replies.say("duration.hours", ["hours": String(hours), "minutes": String(minutes)])
    }
}
