import Foundation
import PasslineCore

extension Composer {
    /// The text of the clauses playing `roles` (`local`, `penalties`, …), quoted as the notice says it.
    func clauseAnswer(_ intent: String, roles: [NoticeRole]) -> Draft {
        var draft = Draft(intent: intent)
        guard let notice else { return fallback() }
        if replies.has("\(intent).intro") && roles.count > 1 { draft.add(replies.say("\(intent).intro")) }
        for role in roles {
            guard let id = notice.clause(role: role), let clause = notice.clause(id) else { continue }
            let key = roles.count > 1 ? "\(intent).\(role.rawValue)" : "\(intent).intro"
            draft.add(replies.say(key, ["clause": id, "text": Self.clauseText(clause)]))
            draft.cite(.notice(id: notice.id, clause: id))
        }
        return draft
    }

    /// A clause's text without its own number (`(一)`, `四、申领方式`), which the citation carries.
    // Built once (a regex literal is parsed each time it is evaluated); never mutated, only read.
    nonisolated(unsafe) static let clauseHeading = #/^[一二三四五六七八九十]+、[^\n]*\n+/#
    nonisolated(unsafe) static let clauseNumber = #/^[((][一二三四五六七八九十]+[))]/#

    static func clauseText(_ clause: Clause) -> String {
        var text = clause.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let heading = text.firstMatch(of: Self.clauseHeading) { text.removeSubrange(heading.range) }
        if let number = text.firstMatch(of: Self.clauseNumber) { text.removeSubrange(number.range) }
        return text.replacingOccurrences(of: "\n\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// How to apply (the `procedure` role) and the exams' websites.
    func procedure() -> Draft {
        var draft = clauseAnswer("procedure", roles: [.procedure])
        let sites = websites()
        if !sites.isEmpty { draft.add(replies.say("procedure.sites", ["sites": sites])) }
        for exam in book.exams { for id in exam.sources where book.source(id)?.url == exam.website?.url { draft.cite(.source(id)) } }
        return draft
    }

    func hotline() -> Draft {
        var draft = Draft(intent: "hotline")
        guard let notice else { return fallback() }
        let clause = notice.clause(role: .hotline)
        draft.add(replies.say("hotline", ["hotline": notice.hotline, "clause": clause ?? ""]))
        citeNotice(&draft, clause)
        return draft
    }

    func issuer() -> Draft {
        var draft = Draft(intent: "issuer")
        guard let notice else { return fallback() }
        let date = Instant.parseDay(notice.date).map { Instant.chinese($0, withTime: false) } ?? notice.date
        draft.add(replies.say("issuer", ["title": notice.title, "issuer": notice.issuer, "date": date]))
        if let first = notice.clauses.first { draft.cite(.notice(id: notice.id, clause: first.id)) }
        return draft
    }

    func legalBasis() -> Draft {
        var draft = Draft(intent: "legal-basis")
        guard let notice else { return fallback() }
        let titles = notice.legalBasis.compactMap { book.source($0)?.title }.map { "《\($0)》" }
        draft.add(replies.say("legal-basis.intro", ["titles": titles.joined(separator: "、")]))
        citeNotice(&draft, notice.clause(role: .scope))
        for id in notice.legalBasis { draft.cite(.source(id)) }
        return draft
    }
}
