import PasslineCore

/// Where our copy of a notice's text comes from, and what is the authority: said under the notice on
/// its page and in notice.txt. Our text of 2025-01-15 is one repost (`source_kind: repost`), not read
/// against the official page, so the reader is pointed to the official websites (exams' `website`).
struct Provenance {
    let sourceURL: String
    let repost: Bool
    let issuer: String
    /// The official websites of the exams the notice covers.
    let official: [NamedLink]

    init(notice: Notice, book: RuleBook) {
        sourceURL = notice.sourceURL
        repost = notice.sourceIsRepost == true
        issuer = notice.issuer
        official = book.exams.filter { exam in notice.covers.contains { $0.exam == exam.id } }
            .compactMap(\.website).map { NamedLink(name: $0.name, href: $0.url) }
    }

    private var lead: String { repost ? "本站的通知文字录自一份转载:" : "本站的通知文字录自:" }
    private var caveat: String { repost ? "这不是官方发布页面,本站也没有与官方原文逐字核对;" : "" }

    /// For the notice page.
    func write(_ page: inout PageWriter) {
        page += #"<p class="source">\#(lead)<a href="\#(sourceURL)">\#(sourceURL)</a>。\#(caveat)以\#(issuer)在官方网站发布的通知为准"#
        for (index, site) in official.enumerated() {
            page += index == 0 ? ":" : "、"
            page += #"<a href="\#(site.href)">\#(site.name)</a>"#
        }
        page += "。</p>"
    }

    /// For notice.txt: addresses written out.
    var plainText: String {
        "\(lead)\(sourceURL)\n\(caveat)以\(issuer)在官方网站发布的通知为准"
            + official.enumerated().map { ($0.offset == 0 ? ":" : "、") + "\($0.element.name) \($0.element.href)" }.joined() + "。\n"
    }
}
