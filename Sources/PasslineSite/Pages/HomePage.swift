import PasslineCore

/// The home page: who may apply, until when and where, in three lines, all taken from the current notice.
struct HomePage {
    struct Covered { let shortName: String; let sessions: String }
    struct Site { let name: String; let href: String; let last: Bool }

    let chrome: Chrome
    let noticeTitle: String
    let noticeHref: String
    let issuer: String
    let dateText: String
    /// The notice's own words for the main category of applicants (the clause playing `local`).
    let who: String
    let whoClauses: [ClauseLink]
    let covered: [Covered]
    let start: String
    let end: String
    let startISO: String
    let endISO: String
    let applicationClause: ClauseLink?
    let windowBefore: String
    let windowOpen: String
    let windowClosed: String
    let websites: [Site]
    let entry: String
    let procedureClause: ClauseLink?
    let hotlineClause: ClauseLink?

    init(book: RuleBook, notice: Notice, map: SiteMap, chrome: Chrome) {
        self.chrome = chrome
        noticeTitle = notice.title
        noticeHref = map.page(ofNotice: notice.id)
        issuer = notice.issuer
        dateText = SiteMap.chineseDay(notice.date)
        who = notice.clause(role: "local").flatMap { notice.clause($0)?.text }.map(HomePage.sentence) ?? ""
        whoClauses = ["local", "relocated"].compactMap { map.clause(role: $0) }
        let exams = book.exams.filter { exam in notice.covers.contains { $0.exam == exam.id } }
        covered = exams.map { exam in
            let labels = notice.covers.filter { $0.exam == exam.id }.compactMap { book.session(exam: exam.id, id: $0.session)?.label }
            return Covered(shortName: exam.shortName, sessions: labels.joined(separator: "、"))
        }
        start = Instant.chinese(notice.application.start)
        end = Instant.chinese(notice.application.end)
        startISO = Instant.iso(notice.application.start)
        endISO = Instant.iso(notice.application.end)
        applicationClause = notice.application.clause.map { map.clause($0, of: notice) }
        let slots = ["start": start, "end": end]
        windowBefore = Messages.fill(book.messages["window.before"], slots)
        windowOpen = Messages.fill(book.messages["window.open"], slots)
        windowClosed = Messages.fill(book.messages["window.closed"], slots)
        let sites = exams.compactMap(\.website)
        websites = sites.enumerated().map { Site(name: $1.name, href: $1.url, last: $0 == sites.count - 1) }
        entry = notice.entry
        procedureClause = map.clause(role: "procedure")
        hotlineClause = map.clause(role: "hotline")
    }

    /// A clause's text as one sentence: without its item number, and ending in a full stop (the notice
    /// ends 二(一) with a comma, which reads oddly alone).
    static func sentence(_ text: String) -> String {
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // The clause's own number, "(一)", means nothing out of the list it opens.
        if let number = trimmed.prefixMatch(of: #/[(（][一二三四五六七八九十]+[)）]/#) { trimmed = String(trimmed[number.range.upperBound...]) }
        while let last = trimmed.last, ",,;;".contains(last) { trimmed.removeLast() }
        if let last = trimmed.last, !"。.!?".contains(last) { trimmed += "。" }
        return trimmed
    }
}

/// Fills `{slot}`s of a content message the way the engine does.
enum Messages {
    static func fill(_ template: String?, _ slots: [String: String]) -> String {
        var text = template ?? ""
        for (slot, value) in slots.sorted(by: { $0.key < $1.key }) { text = text.replacingOccurrences(of: "{\(slot)}", with: value) }
        return text
    }
}
