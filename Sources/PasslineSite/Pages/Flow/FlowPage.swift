import PasslineCore

/// A page of the guided calculator (`FlowStep`): one question as a list of links that carry the
/// answers so far, "your answers" with 更改 and 重新开始, and — at the end — the outcome. Every option
/// and fact comes from the rules; the words around them are the site's own.
struct FlowPage: SitePage, Sendable {
    let step: FlowStep
    let book: RuleBook
    let notice: Notice
    let map: SiteMap
    let chrome: Chrome
    /// The rules eligibility.js needs (no notice: the session's file brings those), on outcome pages.
    let rules: ScriptJSON?

    var exam: Exam? { step.exam.flatMap(book.exam) }
    var session: Session? { step.exam.flatMap { x in step.session.flatMap { book.session(exam: x, id: $0) } } }
    var standard: LevelStandard? { step.level.flatMap { exam?.standard(for: $0) } }

    var title: Markup {
        switch step.question {
        case .exam: "自测:你参加的是哪个考试?"
        case .session: "自测:你参加的是哪一次考试?"
        case .level: "自测:你报考的是哪个级别?"
        case .examPlace: "自测:你是在哪里报名参加考试的?"
        case .workPlace: "自测:你现在在哪里工作?"
        case .outcome: "自测:结果"
        }
    }

    func head(_ page: inout PageWriter) {
        // Without JavaScript the parts that need it are hidden before the page is drawn (no jump).
        page += #"<noscript><link rel="stylesheet" href="\#(chrome.root)assets/nojs.css"></noscript>\#n"#
    }

    func main(_ page: inout PageWriter) {
        page += #"<p class="small"><a href="\#(FlowStep.start.page)">重新开始</a></p>\#n"#
        switch step.question {
        case .exam:
            page += "<h1>你参加的是哪个考试?</h1>\n"
            page += #"<p class="hint">回答几个问题,看你能否申领单独划线证书。每一步都可以返回更改。</p>"#
            links(&page, FlowStep.examsCovered(book).map { (step.with(exam: $0.id).page, $0.name) })
            page += #"<p class="small">也可以在<a href="calculator.html">一页表单</a>里一次填完。</p>\#n"#
        case .session:
            page += "<h1>你参加的是哪一次考试?</h1>\n"
            links(&page, FlowStep.sessionsCovered(book, exam: step.exam ?? "").map { (step.with(session: $0.id).page, $0.label) })
        case .level:
            page += "<h1>你报考的是哪个级别?</h1>\n"
            let levels = session.flatMap { s in exam.map { FlowStep.levels(of: s, exam: $0) } } ?? []
            links(&page, levels.map { (step.with(level: $0.level).page, $0.name) })
        case .examPlace, .workPlace:
            FlowPlaceQuestion(page: self).write(&page)
        case .outcome:
            FlowOutcome(page: self).write(&page)
        }
        FlowAnswers(page: self).write(&page)
    }

    /// One question's answers, each a link to the next step (no form: nothing to submit, nothing lost).
    func links(_ page: inout PageWriter, _ options: [(href: String, text: String)]) {
        page += #"<ul class="options">"#
        for option in options { page += #"<li><a href="\#(option.href)">\#(option.text)</a></li>"# }
        page += "</ul>\n"
    }

    func scripts(_ page: inout PageWriter) {
        switch step.question {
        case .examPlace, .workPlace:
            page += #"<script src="\#(chrome.root)assets/flow-place.js"></script>"#
        case .outcome:
            guard let rules else { return }
            page += """
                <script type="application/json" id="rules">\(rules)</script>
                <script src="\(chrome.root)assets/eligibility.js"></script>
                <script src="\(chrome.root)assets/flow-outcome.js"></script>
                """
        default: break
        }
    }
}
