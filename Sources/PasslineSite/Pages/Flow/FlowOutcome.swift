import PasslineCore

/// The last step for one session, level and category. The current round's window is stated by the
/// layout under the header (closed for good once the build instant is past it); the verdict's headline
/// says when an eligible result comes after the close (messages.md `verdict.eligible-closed`). With JavaScript: a score per subject (`type="text"`, no inputmode, as
/// the GOV.UK Design System advises), errors in a summary and beside each field, and the verdict, its
/// scores kept in the address (`#s=…`) so a shared link reopens it. Without JavaScript (and below the
/// verdict with it): the comparison by hand for exactly this session and level, with the conditions.
struct FlowOutcome {
    let page: FlowPage

    func write(_ out: inout PageWriter) {
        let book = page.book
        guard let exam = page.exam, let session = page.session, let standard = page.standard, let category = page.step.category,
            let threshold = session.threshold(for: standard.level)
        else { return }
        let notice = book.notices.first { $0.covers(exam: exam.id, session: session.id) != nil } ?? page.notice
        let messages = book.messages
        let slots = [
            "session": session.label, "threshold": Score.text(threshold), "national": Score.text(exam.passMark),
            "start": Instant.chinese(notice.application.start), "end": Instant.chinese(notice.application.end)
        ]
        out += #"<div class="error-summary" id="error-summary" tabindex="-1" role="alert" hidden><h2>出现了问题</h2><ul></ul></div>\#n"#
        out += "<h1>\(exam.shortName) \(session.label) \(standard.name):能否申领</h1>\n"
        writeForm(&out, exam: exam, standard: standard, category: category)
        out += #"<section id="by-hand" aria-labelledby="by-hand-h"><h2 id="by-hand-h">自己对照</h2>\#n"#
        out +=
            "<p>\(session.label)\(exam.shortName)\(standard.name)单独划线合格标准是每科 \(Score.text(threshold)) 分(含),全国合格标准是每科 \(Score.text(exam.passMark)) 分(每科满分 \(Score.text(exam.fullMarks)) 分\(book.mark(book.fullMarksConfidence(exam))))。</p>\n"
        out +=
            #"<table class="marks"><thead><tr><th scope="col">科目</th><th scope="col">单独划线</th><th scope="col">全国</th></tr></thead><tbody>"#
        for subject in standard.subjects {
            out += #"<tr><th scope="row">\#(subject)</th><td>\#(Score.text(threshold))</td><td>\#(Score.text(exam.passMark))</td></tr>"#
        }
        out += "</tbody></table>\n<p>可以申领单独划线证书,要同时满足:</p><ol>"
        out += "<li>每一科都达到 \(Score.text(threshold)) 分(含);</li>"
        out += "<li>不是每一科都达到全国合格标准 \(Score.text(exam.passMark)) 分:\(Messages.fill(messages["national-pass"], slots))</li>"
        switch category {
        case .none:
            out += "<li>\(Messages.fill(messages["not-in-area"], slots))</li></ol>\n"
        case .local, .relocated:
            out += "<li>你的情况:\(messages[CategoryLabels.key(category)] ?? "")。</li></ol>\n"
            if let role = category.role, let id = notice.clause(role: role), let clause = notice.clause(id) {
                out += "<p>通知原文:</p><blockquote><p>\(clause.text)</p></blockquote>"
                out += #"<p class="small">见<a href="\#(page.map.clause(id, of: notice).href)">通知\#(id)</a></p>\#n"#
            }
        }
        out += "</section>\n"
    }

    /// The score form and the verdict's place; flow.js fills the verdict from eligibility.js.
    func writeForm(_ out: inout PageWriter, exam: Exam, standard: LevelStandard, category: Category) {
        let full = Score.text(exam.fullMarks)
        out += """
            <form class="js-only" id="scores-form" novalidate data-src="\(page.chrome.root)\(CalculatorSessionFile.page(exam: exam.id, session: page.step.session ?? ""))" data-exam="\(exam.id)" data-session="\(page.step.session ?? "")" data-level="\(standard.level.rawValue)" \
            data-category="\(category.rawValue)" data-full="\(full)" data-title-error="错误:" \
            data-e-empty="请填写{subject}的成绩" data-e-number="{subject}的成绩只能是数字,例如 45 或 45.5" data-e-range="{subject}的成绩必须在 0 到 {full} 分之间">
            <fieldset><legend>你的各科成绩(每科满分 \(full) 分\(page.book.mark(page.book.fullMarksConfidence(exam))))</legend>

            """
        for (index, subject) in standard.subjects.enumerated() {
            let id = "score-\(index + 1)"
            out +=
                #"<div class="field" id="\#(id)-field"><label for="\#(id)">\#(subject)</label><p class="error" id="\#(id)-error" hidden></p><input type="text" id="\#(id)" name="\#(id)" autocomplete="off" spellcheck="false" data-subject="\#(subject)"></div>\#n"#
        }
        out += "</fieldset>\n<p><button type=\"submit\">查看结果</button></p></form>\n"
        out += #"<section id="result" tabindex="-1" hidden aria-labelledby="verdict""#
        for status in Status.allCases { out += #" data-s-\#(status.rawValue)="\#(VerdictText.statusNames[status] ?? "")""# }
        out += #" data-s-eligible-closed="\#(page.book.messages["verdict.eligible-closed"] ?? "")""#
        out += """
             data-yes="达到" data-no="未达到" data-national-no="未达到(可以申领)" data-national-yes="达到" data-share="这个结果的链接(可以保存或发给咨询电话):">
            <h2 id="verdict"></h2>
            <ul></ul>
            <table class="marks"><thead><tr><th scope="col">科目</th><th scope="col">成绩</th><th scope="col" data-base="单独划线">单独划线</th><th scope="col" data-base="全国">全国</th></tr></thead><tbody></tbody></table>
            <p class="small" id="share"></p>
            </section>

            """
    }
}
