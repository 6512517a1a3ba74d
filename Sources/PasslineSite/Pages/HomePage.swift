import PasslineCore

/// The home page: who may apply, until when and where, in three lines, all taken from the current notice;
/// under "who", the sessions of every round the thresholds page shows first, grouped by round, so a new
/// round never hides the sessions of the one before (`ThresholdRounds`).
struct HomePage: SitePage, RowListing {
    struct Covered { let shortName: String; let sessions: [String] }
    struct Round { let id: String; let name: String; let href: String; let application: String; let exams: [Covered] }
    struct Site { let name: String; let href: String }

    let chrome: Chrome
    let noticeTitle: String
    let noticeHref: String
    let issuer: String
    let dateText: String
    /// The notice's own words for each category of applicants (the clauses playing `local` and
    /// `relocated`: quoting only the first made people who moved to an area for work look excluded).
    let who: [(text: String, clause: ClauseLink?)]
    let rounds: [Round]
    let currentID: String
    /// Older rounds are on the thresholds pages after the first.
    let olderRounds: String?
    let start: String
    let end: String
    let applicationClause: ClauseLink?
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
        who = [NoticeRole.local, .relocated].compactMap { role in
            notice.clause(role: role).flatMap { notice.clause($0)?.text }.map { (HomePage.sentence($0), map.clause(role: role)) }
        }
        let exams = book.exams.filter { exam in notice.covers.contains { $0.exam == exam.id } }
        let pages = ThresholdRounds.pages(book: book, map: map)
        currentID = notice.id
        rounds = pages[0].map { round in
            Round(
                id: round.id, name: round.name, href: round.href, application: round.application,
                exams: round.sessions.map { Covered(shortName: $0.exam.shortName, sessions: $0.labels) })
        }
        olderRounds = pages.count > 1 ? ThresholdRounds.file(page: 2) : nil
        start = Instant.chinese(notice.application.start)
        end = Instant.chinese(notice.application.end)
        applicationClause = notice.application.clause.map { map.clause($0, of: notice) }
        let sites = exams.compactMap(\.website)
        websites = sites.map { Site(name: $0.name, href: $0.url) }
        entry = notice.entry
        procedureClause = map.clause(role: .procedure)
        hotlineClause = map.clause(role: .hotline)
    }

    var title: Markup { "首页" }
    var statesWindow: Bool { true }
    var needsWindowScript: Bool { chrome.status?.final == nil }

    /// What `passline diff` compares: each session the page names.
    var rows: [String] {
        rounds.flatMap { round in round.exams.flatMap { exam in exam.sessions.map { "\(exam.shortName) \($0)" } } }
    }

    func head(_ page: inout PageWriter) {
        page += """
            <link rel="alternate" type="application/atom+xml" href="\(chrome.root)feed.xml" title="通知与更新记录">

            """
    }

    func main(_ page: inout PageWriter) {
        page += """

            <h1>单独划线证书补申领</h1>
            <p class="lead">依据\(issuer)\(dateText)发布的<a href="\(noticeHref)">《\(noticeTitle)》</a></p>
            <dl>
            <div class="line">
            <dt>谁可以申请</dt>
            <dd>
            """
        for (text, clause) in who {
            page += "<p>\(text)"
            if let clause { page += #" <a href="\#(clause.href)">通知\#(clause.id)</a>"# }
            page += "</p>\n"
        }
        for round in rounds {
            if rounds.count > 1 || round.id != currentID {
                page += #"<p class="small"><a href="\#(round.href)">\#(round.name)</a>"#
                if round.id != currentID { page += "(申请时间:\(round.application))" }
                page += "涵盖:</p>\n"
            }
            for exam in round.exams { page += #"<p class="small">\#(exam.shortName):\#(exam.sessions.joined(separator: "、"))</p>"# }
        }
        if let olderRounds { page += #"<p class="small">更早各轮涵盖的场次见<a href="\#(olderRounds)">合格标准</a></p>"# }
        page += """
            </dd>
            </div>
            <div class="line">
            <dt>申请截止</dt>
            <dd><p><strong>\(end)</strong>(北京时间;申请自\(start)起
            """
        if let clause = applicationClause { page += #",<a href="\#(clause.href)">通知\#(clause.id)</a>"# }
        page += """
            )</p>

            """
        chrome.status?.write(&page, id: "window-state", live: true, countdown: true)
        page += """
            </dd>
            </div>
            <div class="line">
            <dt>在哪里申请</dt>
            <dd><p>
            """
        for (index, site) in websites.enumerated() {
            if index > 0 { page += "或" }
            page += #"<a href="\#(site.href)">\#(site.name)</a>"#
        }
        page += "的“\(entry)”入口"
        if let clause = procedureClause { page += #"(<a href="\#(clause.href)">通知\#(clause.id)</a>)"# }
        page += """
            。</p>
            <p class="small">向所在单独划线地区的省级考试机构申请:<a href="areas.html">查看地区名单</a></p></dd>
            </div>
            </dl>
            <p class="cta"><a class="button" href="check.html">自测能否申领</a></p>
            <ul class="links">
            <li><a href="notice.html">通知原文</a>(可打印,另有<a href="notice.txt">纯文本</a>)</li>
            <li><a href="thresholds.html">各次考试单独划线合格标准</a></li>
            <li><a href="areas.html">单独划线地区名单</a></li>
            <li><a href="faq.html">常见问题</a></li>
            <li><a href="notices.html">全部通知</a>(含往期各轮)与<a href="changelog.html">更新记录</a></li>
            <li><a href="\(chrome.root)feed.xml">订阅通知和更新</a>(Atom)</li>
            </ul>
            <p>咨询电话:<a href="tel:\(chrome.hotlineTel)">\(chrome.hotline)</a>
            """
        if let clause = hotlineClause { page += #"(<a href="\#(clause.href)">通知\#(clause.id)</a>)"# }
        page += "</p>\n"
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
    /// Each `{name}` whose name is a key of `slots` replaced by its value, in one pass over the bytes
    /// (a value is not searched again for slots, as no value holds one).
    static func fill(_ template: String?, _ slots: [String: String]) -> String {
        guard let template, template.utf8.contains(0x7B) else { return template ?? "" }
        let bytes = Array(template.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 32)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x7B, let close = bytes[(index + 1)...].firstIndex(of: 0x7D),
                let value = slots[String(decoding: bytes[(index + 1)..<close], as: UTF8.self)]
            {
                output += value.utf8
                index = close + 1
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
