import PasslineCore

/// "你的回答": every answer given so far with a 更改 link to the question that asked it, as
/// smart-answers shows it on each question and on the outcome. Place answers are shown as what they
/// decided (in a 单独划线地区 or not): the page carries the decision, not the place typed.
struct FlowAnswers {
    let page: FlowPage

    func write(_ out: inout PageWriter) {
        let step = page.step
        var rows: [(question: String, answer: String, change: String)] = []
        if let exam = page.exam { rows.append(("考试", exam.name, FlowStep.start.page)) }
        if let session = page.session { rows.append(("考试时间", session.label, FlowStep.start.with(exam: session.exam).page)) }
        if let standard = page.standard, let session = page.session {
            rows.append(("级别", standard.name, FlowStep.start.with(exam: session.exam).with(session: session.id).page))
        }
        let inArea = "在单独划线地区", outside = "不在单独划线地区"
        switch (step.question, step.category) {
        case (.workPlace, _): rows.append(("报名参加考试的地方", outside, step.examPlaceStep.page))
        case (.outcome, .local?): rows.append(("报名参加考试的地方", inArea, step.examPlaceStep.page))
        case (.outcome, let category?):
            rows.append(("报名参加考试的地方", outside, step.examPlaceStep.page))
            rows.append(("现在工作的地方", category == .relocated ? inArea : outside, step.examPlaceStep.askingWork.page))
        default: break
        }
        guard !rows.isEmpty else { return }
        out += #"<section class="answers" aria-labelledby="answers-h"><h2 id="answers-h">你的回答</h2><ul>"#
        for row in rows {
            out +=
                #"<li><span class="q">\#(row.question)</span> <span>\#(row.answer)</span> <a href="\#(row.change)">更改<span class="vh">\#(row.question)</span></a></li>"#
        }
        out += #"</ul><p><a href="\#(FlowStep.start.page)">重新开始</a></p></section>\#n"#
    }
}
