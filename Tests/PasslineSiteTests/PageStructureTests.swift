import Foundation
import PasslineCore
import Testing
@testable import PasslineSite

/// What a reader sees on each page, checked against the notice of 2025-01-15 and Content/.
@Suite struct PageStructureTests {
    let site: SiteFiles

    init() throws { site = try Fixture.generate().files }

    static let pages = [
        "index.html", "notice.html", "notice-2025-01-15.html", "notice-2024-09-20.html", "notices.html", "thresholds.html", "areas.html",
        "faq.html", "calculator.html", "sources.html", "changelog.html", "404.html"
    ]

    @Test(arguments: pages)
    func everyPageExistsInBothScriptsWithItsLanguageAndASwitchToItsTwin(page: String) throws {
        let hans = site.html(page)
        let hant = site.html("zh-Hant/" + page)
        #expect(hans.contains(#"<html lang="zh-Hans">"#))
        #expect(hant.contains(#"<html lang="zh-Hant">"#))
        #expect(hans.contains(#"<a class="script" href="zh-Hant/\#(page)" lang="zh-Hant" translate="no">繁體</a>"#))
        #expect(
            hant.contains(#"<a class="script" href="../\#(page)" lang="zh-Hans" translate="no">简体</a>"#),
            "the switch back keeps its Simplified label")
        #expect(hant.contains(#"href="../assets/site.css""#))
    }

    @Test(arguments: pages)
    func everyPageAllowsOnlyItsOwnScriptsAndLoadsNothingFromOutside(page: String) throws {
        for path in [page, "zh-Hant/" + page] {
            let html = site.html(path)
            #expect(
                html.contains(
                    #"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'">"#
                ))
            for tag in html.matches(of: #/<script[^>]*>/#).map({ String($0.0) }) {
                #expect(tag.contains(#" src=""#) || tag.contains(#"type="application/json""#), "inline script in \(path): \(tag)")
            }
            #expect(!html.contains(" style="), "inline style in \(path)")
            #expect(!html.contains(" on") || html.matches(of: #/\son[a-z]+=/#).isEmpty, "event handler attribute in \(path)")
            for load in HTMLScan.loads(in: html) { #expect(!load.contains(":"), "\(path) loads \(load)") }
            #expect(html.count(of: #"rel="stylesheet""#) == 1, "one stylesheet")
        }
    }

    @Test func noticeWrapsEveryClauseInItsAnchorWithTheOfficialText() throws {
        let html = site.html("notice.html")
        // 三(一)4 states the 2024年下半年 lines; 一(一) the application window.
        let clause = try #require(html.firstMatch(of: #/<div class="clause d3" id="c3-1-4">(.*?)</div>/#.dotMatchesNewlines()))
        #expect(clause.1.contains("初、中级各科目合格标准均为39分(含),高级各科目合格标准均为 40分(含)"))
        #expect(html.contains(#"id="c1-1""#) && html.contains("2025年1月22日9:00至2月28日17:00"))
        for anchor in ["preamble", "c1", "c1-1", "c1-2", "c2", "c2-1", "c2-2", "c3", "c3-1", "c3-1-1", "c3-2-2", "c4", "c5", "closing"] {
            #expect(html.count(of: #"id="\#(anchor)""#) == 1, "anchor \(anchor)")
        }
        #expect(html.contains("<p>工业和信息化部教育与考试中心</p>\n<p>2025年1月15日</p>"), "issuer and date sign the notice")
        #expect(
            html.contains(
                #"<a href="http://cqitrk.jjxxw.cq.gov.cn/main/plan/2025-01/2c90808b92f6573c01946d2767df12fc.html?_t=1737014553891">"#))
        #expect(site.html("zh-Hant/notice.html").contains("單獨劃線地區"), "the Traditional copy is converted")
    }

    @Test func noticeTextIsAPlainCopyForPasting() throws {
        let text = try #require(site.text("notice.txt"))
        #expect(text.hasPrefix("关于开展计算机软件资格考试、通信职业水平考试单独划线地区证书补申领工作的通知\n\n单独划线地区计算机软件资格考试、通信职业水平考试考务管理机构:\n"))
        #expect(text.contains("\n(一)申请时间:2025年1月22日9:00至2月28日17:00,过期不予受理。\n"))
        #expect(text.contains("\n工业和信息化部教育与考试中心\n2025年1月15日\n"))
        #expect(!text.contains("<") && !text.contains("&amp;"), "no markup, no entities")
        #expect(site.text("zh-Hant/notice.txt")?.contains("單獨劃線") == true)
    }

    @Test func homeSaysWhoUntilWhenAndWhereWithDatesWithoutScript() throws {
        let html = site.html("index.html")
        #expect(html.contains("<dt>谁可以申请</dt>") && html.contains("<dt>申请截止</dt>") && html.contains("<dt>在哪里申请</dt>"))
        #expect(html.contains("<strong>2025年2月28日17:00</strong>"))
        // Built after the window ended: closed for good, in the page's own text, with nothing left for a
        // script to change (WindowStatePageTests builds inside the window).
        #expect(
            html.contains(#"<p id="window-state" class="state" data-state="closed">申请已于2025年2月28日17:00截止,过期不予受理。</p>"#),
            "the closed message from messages.md, filled")
        #expect(!html.contains("data-start="))
        #expect(html.contains("符合单独划线地区的参考人员参加上述时间内"), "who may apply, in the notice's words (二(一))")
        #expect(html.contains("不符合单独划线地区的参考人员参加上述时间内"), "and those who moved to an area for work (二(二))")
        #expect(html.contains(#"<a href="https://www.ruankao.org.cn/">中国计算机技术职业资格网</a>"#))
        #expect(html.contains("“单独划线补申领”入口"))
        #expect(html.contains(#"<a href="tel:010-68607734">010-68607734</a>"#))
        #expect(!html.contains("window.js"), "a closed window has nothing to count down")
    }

    @Test func thresholdsStandBesideTheNationalMark() throws {
        let html = site.html("thresholds.html")
        // 三(一)4: 2024年下半年 高级 40; 软考 national 45. 三(二)2: 通信 2024年度 50; national 60.
        #expect(
            html.contains(
                #"<tr><th scope="row">2024年下半年 <a class="cite" href="notice.html#c3-1-4">三(一)4</a></th><td>高级</td><td><strong>40</strong></td><td>45</td></tr>"#
            ))
        #expect(
            html.contains(
                #"<tr><th scope="row">2023年下半年 <a class="cite" href="notice.html#c3-1-2">三(一)2</a></th><td>初级</td><td><strong>42</strong></td><td>45</td></tr>"#
            ))
        #expect(html.contains("<td>中级</td><td><strong>50</strong></td><td>60</td>"))
    }

    @Test func areasWithAPartialListTellReadersToCheckWithTheProvince() throws {
        let html = site.html("areas.html")
        let book = try ContentLoader(directory: Fixture.content).load().book
        for area in book.areas {
            let section = try #require(
                html.firstMatch(of: try Regex(#"<section class="area" id="\#(area.id)">.*?</section>"#).dotMatchesNewlines()))
            let text = String(html[section.range])
            #expect(text.contains("<h2>\(area.region)</h2>"))
            #expect(text.contains("请向\(area.region)的省级考试机构核实") == !area.complete, "\(area.id)")
            for source in area.sources { #expect(text.contains(#"href="sources.html#\#(source)""#)) }
        }
    }

    @Test func everyFAQEntryHasItsOwnAnchorAndFilledFacts() throws {
        let html = site.faqPages.map(site.html).joined()
        let book = try ContentLoader(directory: Fixture.content).load().book
        for entry in book.faq { #expect(html.count(of: #"<section id="\#(entry.id)">"#) == 1, "\(entry.id)") }
        // faq.html lists every question, linked to the page and anchor of its answer.
        for entry in book.faq {
            let page = try #require(site.faqPage(holding: entry.id), "\(entry.id)")
            #expect(site.html("faq.html").contains(#"<a href="\#(page)#\#(entry.id)">"#), "\(entry.id) on faq.html")
        }
        #expect(!html.contains("{{"), "no fact reference left unfilled")
        // who-can-apply cites 二(一), 二(二) and two sources: the clauses under one 通知, then the sources
        // by name, the medium one (shaanxi-list) with its mark.
        #expect(
            html.contains(
                #"<p class="small">依据:通知<a href="notice.html#c2-1">二(一)</a>、<a href="notice.html#c2-2">二(二)</a> · 资料:<a href="sources.html#hrss-2022-25">人社厅发〔2022〕25号</a>;<a href="sources.html#shaanxi-list">陕西省计算机软件资格考试单独划线地区名单及申报条件(转载)(较可靠)</a></p>"#
            ))
    }

    @Test func calculatorLabelsComeFromDataAndTheRulesAreEmbedded() throws {
        let html = site.html("calculator.html")
        let json = try #require(EmbeddedRulesReader.rules(inPage: html))
        let rules = try RuleBook.jsonDecoder().decode(CalculatorRules.self, from: Data(json.utf8))
        let senior = try #require(rules.exams.first { $0.id == "ruankao" }?.levels.first { $0.level == .senior })
        #expect(senior.subjects == ["综合知识", "案例分析", "论文"])
        // The page lists the sessions by label; a session's thresholds come in its own file, loaded when asked.
        #expect(rules.sessionList?["ruankao"]?.first == ["2024-H2", "2024年下半年"])
        let session = try site.calculatorSession("ruankao", "2024-H2")
        #expect(session.sessionRules.thresholds?.first { $0.level == .senior }?.score == 40)
        // Each category in the editors' words (messages.md), beside the clause of the notice that states it.
        let book = try ContentLoader(directory: Fixture.content).load().book
        let local = try #require(book.messages["category.local"]), relocated = try #require(book.messages["category.relocated"])
        let none = try #require(book.messages["category.none"])
        // No link beside a choice (a mis-tap would leave the page): the clauses come in a line of their own.
        #expect(html.contains(#"<label for="category-local">\#(local)</label></div>"#))
        #expect(html.contains(#"<label for="category-relocated">\#(relocated)</label></div>"#))
        #expect(html.contains(#"<label for="category-none">\#(none)</label></div>"#))
        #expect(html.contains(#"这几类人员的条件见通知<a href="notice.html#c2-1">二(一)</a>、<a href="notice.html#c2-2">二(二)</a>。"#))
        #expect(html.contains(#"<a href="areas.html">地区名单</a>"#), "the category links to the areas")
        #expect(html.contains(#"data-s-eligible="符合申领条件""#))
        // Without JavaScript: the form stays hidden; the conditions and thresholds are there to compare by hand.
        #expect(html.contains(#"<form id="calc" data-sessions="calculator/" hidden>"#))
        #expect(html.contains(#"<tr><th scope="row">2024年下半年</th><td>39</td><td>39</td><td>40</td></tr>"#))
        #expect(!json.contains("<"), "nothing in the data can close its script element")
    }

    @Test func rulesJSONIsTheWholeBookAndReadsBack() throws {
        let data = try #require(site["rules.json"])
        let book = try RuleBook.decode(data)
        let loaded = try ContentLoader(directory: Fixture.content).load().book
        #expect(book == loaded)
        #expect(String(decoding: data, as: UTF8.self).hasPrefix("{\n  \"areas\" : ["), "pretty, sorted keys")
    }
}
