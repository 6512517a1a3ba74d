import Plot

// MEASUREMENT ONLY (issue 15.1): the notice page written with JohnSundell/Plot 0.14.0's Node API, to
// compare with the typed writer on the 10k corpus. Plot does not escape attribute values and leaves
// `"`/`'` unescaped in text, so every value is escaped here first (Escape.html) and passed as `.raw`.

extension NoticePage {
    func renderWithPlot() -> [UInt8] {
        func esc(_ text: String) -> String {
            var bytes: [UInt8] = []
            Escape.html(text, into: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        func link(_ href: String, _ text: String) -> Node<HTML.BodyContext> {
            .a(.attribute(named: "href", value: esc(href)), .raw(esc(text)))
        }
        func navItem(_ href: String, _ text: String, _ place: Chrome.Place) -> Node<HTML.ListContext> {
            .li(.a(.attribute(named: "href", value: href), .if(chrome.current == place, .attribute(named: "aria-current", value: "page")), .text(text)))
        }
        let facts: Node<HTML.BodyContext> = .unwrap(facts) { facts in
            .group(
                .h2("本页数据"),
                .dl(.class("facts"),
                    .dt("申请时间"), .dd(.raw(esc(facts.application) + "(北京时间)")),
                    .unwrap(facts.review) { .group(.dt("审核时间"), .dd(.raw(esc($0)))) },
                    .dt("涵盖场次与单独划线合格标准"),
                    .dd(.ul(.forEach(facts.covered) { .li(.raw(esc($0.exam) + " " + esc($0.session) + ":" + esc($0.thresholds) + "(各科目,含本数)")) })),
                    .dt("申请入口"), .dd(.raw("“" + esc(facts.entry) + "”")),
                    .dt("咨询电话"), .dd(.a(.attribute(named: "href", value: "tel:" + esc(facts.hotlineTel)), .raw(esc(facts.hotline))))
                )
            )
        }
        let html = HTML(
            .attribute(named: "lang", value: chrome.variant.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .meta(.attribute(named: "http-equiv", value: "Content-Security-Policy"), .content("default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'")),
                .meta(.name("referrer"), .content("no-referrer")),
                .element(named: "title", nodes: [.raw((summary ? esc(name) + "(摘要)" : esc(name) + "原文") + " · 单独划线证书补申领指南")]),
                .link(.rel(.stylesheet), .href(chrome.root + "assets/site.css"))
            ),
            .body(
                .a(.class("skip"), .href("#main"), "跳到正文"),
                .header(.class("top"),
                    .p(.class("bar"), .a(.class("brand"), .href("index.html"), "单独划线证书补申领指南"),
                       .if(chrome.hasTwin, .a(.class("script"), .attribute(named: "href", value: esc(chrome.twinHref)), .attribute(named: "lang", value: chrome.variant.twin.rawValue),
                                              .attribute(named: "translate", value: "no"), .text(chrome.variant == .traditional ? "简体" : "繁體")))),
                    .nav(.ul(
                        navItem("index.html", "首页", .home), navItem("notice.html", "通知原文", .notice), navItem("thresholds.html", "合格标准", .thresholds),
                        navItem("areas.html", "地区", .areas), navItem("faq.html", "问答", .faq), navItem("calculator.html", "自测", .calculator)))
                ),
                .main(.id("main"),
                    .unwrap(newest) { newest in
                        .p(.class("note noprint"), "这是较早的一轮补申领。最新的是", link(newest.href, newest.name), ";各轮通知见", .a(.href("notices.html"), "通知列表"), "。")
                    },
                    .article(.class("notice"),
                        .p(.class("issuer"), .raw(esc(issuer))),
                        .h1(.raw(esc(noticeTitle))),
                        .if(summary, .group(
                            .p(.class("note banner"), .strong("摘要,非原文"), ":原文不在本站。下面是本站根据资料来源所作的概括,不是原文的措辞,也没有条款编号;引用请以原文为准。"),
                            .raw(bodyHTML.text),
                            facts,
                            .h2("资料来源"),
                            .ul(.forEach(sources) { source in
                                .li(link(source.url, source.title), "(", .a(.attribute(named: "href", value: "sources.html#" + esc(source.id)), "可靠程度"), ")")
                            })
                        )),
                        .unwrap(addressee) { .p(.class("addressee"), .raw(esc($0) + ":")) },
                        .forEach(clauses) { clause in
                            .div(.class("clause d\(clause.depth)"), .id(esc(clause.anchor)), .raw(clause.html.text))
                        },
                        .div(.class("signature"), .p(.raw(esc(issuer))), .p(.raw(esc(dateText)))),
                        .if(!summary, .p(.class("source"), "来源:", link(sourceURL, sourceURL)))
                    ),
                    .p(.class("noprint"),
                       .unwrap(textHref) { .group(.a(.attribute(named: "href", value: esc($0)), "纯文本版本"), "(便于复制转发) · ") },
                       .a(.href("notices.html"), "全部通知"))
                ),
                .footer(.class("foot"),
                    .p("咨询电话 ", .a(.attribute(named: "href", value: "tel:" + esc(chrome.hotlineTel)), .raw(esc(chrome.hotline)))),
                    .p("本站依据通知原文整理,以官方发布和省级考试机构的要求为准。"),
                    .p(.a(.href("notices.html"), "全部通知"), " · ", .a(.href("changelog.html"), "更新记录"), " · ", .a(.href("sources.html"), "资料来源"), " · ",
                       .a(.href(chrome.root + "rules.json"), "rules.json"))
                )
            )
        )
        return Array(html.render().utf8)
    }
}
