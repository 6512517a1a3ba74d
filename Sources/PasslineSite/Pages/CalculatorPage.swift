import Foundation
import PasslineCore

/// The eligibility calculator: a form whose every option and label comes from the rules, the rules
/// embedded for `eligibility.js`, and — for readers without JavaScript — the conditions in the
/// notice's words beside the thresholds table, to compare by hand.
struct CalculatorPage: SitePage {
    struct CategoryChoice { let value: String; let label: String; let clause: ClauseLink? }
    struct StatusWord { let key: String; let name: String }
    struct Condition { let id: String; let href: String; let text: String }

    let chrome: Chrome
    let categories: [CategoryChoice]
    /// Names of the outcomes the form can reach (invalid input is shown beside its field instead).
    let statuses: [StatusWord]
    /// messages.md `verdict.eligible-closed`, with its `{end}` left for the script.
    let eligibleClosed: String
    let conditions: [Condition]
    let matrices: [ThresholdMatrix]
    /// The data for `<script type="application/json">`. The form's exams, sessions, levels and subject
    /// labels are built from it by calculator.js. It holds no notice: the notices covering a session
    /// come from that session's file, loaded when asked, so the page stays the same size however many
    /// rounds the archive holds.
    let rules: ScriptJSON
    /// Where the sessions' files are, relative to the page.
    let sessionFolder = CalculatorSessionFile.folder

    init(book: RuleBook, notice: Notice, map: SiteMap, chrome: Chrome) throws {
        self.chrome = chrome
        categories = try Category.allCases.map { category in
            CategoryChoice(
                value: category.rawValue, label: try CategoryLabels.label(category, messages: book.messages),
                clause: category.role.flatMap { map.clause(role: $0) })
        }
        statuses = Status.allCases.filter { $0 != .invalidInput && $0 != .notCovered }.map {
            StatusWord(key: $0.rawValue, name: VerdictText.statusNames[$0] ?? $0.rawValue)
        }
        eligibleClosed = try WindowStatus.message("verdict.eligible-closed", book, [:])
        conditions = [NoticeRole.local, .relocated].compactMap { role in
            guard let id = notice.clause(role: role), let clause = notice.clause(id) else { return nil }
            return Condition(id: id, href: map.clause(id, of: notice).href, text: clause.text)
        }
        matrices = ThresholdMatrix.all(book: book, notice: notice)
        rules = try EmbeddedJSON.script(CalculatorRules(book: book, notices: [], thresholds: false))
    }

    var title: Markup { "自测能否申领" }

    func main(_ page: inout PageWriter) {
        page += """
            <h1>自测:能否申领单独划线证书</h1>
            <p>想一步一步回答?<a href="check.html">从第一个问题开始</a>。</p>
            <p>计算在你的手机上完成,不发送任何数据。适用哪一轮通知、申请是否还在受理,按你手机上的当前时间判断。</p>
            <form id="calc" data-sessions="\(sessionFolder)" hidden>
            <div class="field"><label for="exam">考试</label><select id="exam"></select></div>
            <div class="field"><label for="session">场次</label><select id="session"></select></div>
            <div class="field"><label for="level">级别</label><select id="level"></select></div>
            <fieldset id="scores" data-full="每科满分 {full} 分"><legend>各科成绩 <span class="small"></span></legend><div></div><p class="error" id="scores-error" hidden></p></fieldset>
            <fieldset id="category"><legend>你属于哪一类?</legend>

            """
        for choice in categories {
            page +=
                #"<div class="choice"><input type="radio" name="category" id="category-\#(choice.value)" value="\#(choice.value)"><label for="category-\#(choice.value)">\#(choice.label)</label></div>\#n"#
        }
        // The clauses in a line of their own, not beside the labels: a mis-tap there would leave the page
        // and lose the scores typed.
        let clauses = categories.compactMap(\.clause)
        if !clauses.isEmpty {
            page += #"<p class="small">这几类人员的条件见通知"#
            for (index, clause) in clauses.enumerated() { page += #"\#(index > 0 ? "、" : "")<a href="\#(clause.href)">\#(clause.id)</a>"# }
            page += "。</p>\n"
        }
        page += """
            <p class="small">哪些地方属于单独划线地区,见<a href="areas.html">地区名单</a>。</p>
            <p class="error" id="category-error" hidden></p></fieldset>
            <p><button>查看结果</button></p>
            </form>
            <section id="result" tabindex="-1" hidden aria-labelledby="verdict"
            """
        for status in statuses { page += #" data-s-\#(status.key)="\#(status.name)""# }
        // Eligible after the round closed: the headline says both (issue 11), `{end}` filled by calculator.js.
        page += #" data-s-eligible-closed="\#(eligibleClosed)""#
        page += """
             data-yes="达到" data-no="未达到">
            <h2 id="verdict"><span aria-hidden="true"></span><span></span></h2>
            <ul></ul>
            <table class="marks"><thead><tr><th scope="col">科目</th><th scope="col">成绩</th><th scope="col" data-base="单独划线">单独划线</th><th scope="col" data-base="全国">全国</th></tr></thead><tbody></tbody></table>
            <p data-summary="(本站只有这一轮的摘要,不引用条款编号)">依据:<span></span></p>
            </section>
            <section id="by-hand">
            <h2>自己对照</h2>
            <p>通知规定的申领条件:</p>

            """
        for condition in conditions {
            page += """
                <blockquote><p>\(condition.text) <a class="cite" href="\(condition.href)">通知\(condition.id)</a></p></blockquote>

                """
        }
        page += "<p>把每一科成绩与下表中你那一场次、级别的分数比较(含本数):</p>\n"
        for matrix in matrices {
            page += """
                <table class="marks"><caption>\(matrix.shortName)(每科满分 \(matrix.full) 分\(matrix.fullMark),全国合格标准 \(matrix.pass) 分)</caption>
                <thead><tr><th scope="col">场次</th>
                """
            for level in matrix.levels { page += #"<th scope="col">\#(level)</th>"# }
            page += "</tr></thead>\n<tbody>"
            for row in matrix.rows {
                page += #"<tr><th scope="row">\#(row.session)</th>"#
                for score in row.scores { page += "<td>\(score)</td>" }
                page += "</tr>"
            }
            page += "</tbody></table>\n"
        }
        page += "</section>\n"
    }

    func scripts(_ page: inout PageWriter) {
        page += """
            <script type="application/json" id="rules">\(rules)</script>
            <script src="\(chrome.root)assets/eligibility.js"></script>
            <script src="\(chrome.root)assets/calculator.js"></script>
            """
    }
}
