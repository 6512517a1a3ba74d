import Foundation
import PasslineCore

/// Where things live on the site, derived from the rules: which file a notice is, where a clause or a
/// source is anchored. Every page builds its links through here, and the link checker proves them.
struct SiteMap {
    let book: RuleBook

    /// The current (newest) notice is `notice.html`; earlier ones keep a page named by their id.
    func page(ofNotice id: String) -> String {
        id == book.currentNotice?.id ? "notice.html" : permanentPage(ofNotice: id)
    }

    /// The page a notice keeps for good, the current one included (`notice.html` moves on to the next
    /// round): the notice list and the feed link here, so a saved or shared address never changes meaning.
    func permanentPage(ofNotice id: String) -> String { "notice-\(id).html" }

    /// The plain-text copy of a full notice beside its page (`notice.txt` for the current one); a
    /// summary has none, since its text is not the notice's.
    func textPage(ofNotice notice: Notice, permanent: Bool) -> String? {
        guard notice.kind == .full else { return nil }
        return !permanent && notice.id == book.currentNotice?.id ? "notice.txt" : "notice-\(notice.id).txt"
    }

    /// `2025年1月15日通知` / `2024年9月20日通告`: a notice as readers name it, by its date and its own
    /// word for itself (the last word of its title), the way `passline diff` names it too.
    static func name(of notice: Notice) -> String {
        chineseDay(notice.date) + (notice.title.hasSuffix("通告") ? "通告" : "通知")
    }

    func clause(_ clauseID: String, of notice: Notice) -> ClauseLink {
        let anchor = notice.clause(clauseID)?.anchor
        return ClauseLink(id: clauseID, href: page(ofNotice: notice.id) + (anchor.map { "#" + $0 } ?? ""))
    }

    /// The clause that plays `role` (`local`, `procedure`…) in the current notice.
    func clause(role: NoticeRole) -> ClauseLink? {
        guard let notice = book.currentNotice, let id = notice.clause(role: role) else { return nil }
        return clause(id, of: notice)
    }

    /// A source as readers see it cited: its name (`Source.readerName`, never the id) with the mark
    /// of its level when that is medium or weak (`人社厅发〔2022〕25号`, `…名单(转载)(较可靠)`), linking
    /// to its entry on the sources page. Nil for an id sources.md lacks (the loader reports those).
    func source(_ id: String) -> NamedLink? {
        guard let source = book.source(id) else { return nil }
        return NamedLink(name: source.readerName + book.mark(source.confidence), href: "sources.html#" + id)
    }

    /// The FAQ's topics that have questions, in page order (Content/faq-topics.md); none when the
    /// content declares no topics, and then every question is on `faq.html`.
    var faqTopics: [FAQTopic] {
        (book.faqTopics ?? []).filter { topic in book.faq.contains { $0.topic == topic.id } }
    }

    /// A topic's page: `faq-<topic>.html`.
    func faqPage(ofTopic id: String) -> String { "faq-\(id).html" }

    /// Where a FAQ entry's answer is, anchor included: `faq-apply.html#hotline` (`faq.html#…` without topics).
    func faqLink(ofEntry entry: FAQEntry) -> String {
        (entry.topic.map(faqPage(ofTopic:)) ?? "faq.html") + "#" + entry.id
    }

    /// A FAQ citation (`notice:三(一)1`, `source:hrss-2022-25`) as a link.
    func citation(_ cite: String) -> NamedLink? {
        if cite.hasPrefix("notice:"), let notice = book.currentNotice {
            let link = clause(String(cite.dropFirst("notice:".count)), of: notice)
            return NamedLink(name: link.id, href: link.href)
        }
        if cite.hasPrefix("source:") { return source(String(cite.dropFirst("source:".count))) }
        return nil
    }

    /// A plain day (`2025-01-15`) the way the notice writes it (`2025年1月15日`).
    static func chineseDay(_ day: String) -> String {
        Instant.parseDay(day).map { Instant.chinese($0, withTime: false) } ?? day
    }
}
