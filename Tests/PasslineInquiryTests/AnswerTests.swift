import Foundation
import PasslineCore
import Testing
@testable import PasslineInquiry

/// What each kind of answer says, with the facts worked out from the notice, and that every answer
/// says where it comes from.
@Suite struct AnswerTests {
    @Test func windowStateFollowsTheMomentAsked() {
        let before = ask("现在能申请补申领了吗?", at: beijing("2025-01-20T10:00"))
        #expect(before.answer.contains("2025年1月22日9:00"))
        #expect(before.answer.contains("尚未开始"))
        let open = ask("今天还能交补申领申请吗", at: beijing("2025-02-25T17:00"))
        #expect(open.answer.contains("正在受理"))
        #expect(open.answer.contains("3天"))
        let closed = ask("现在还能申请吗", at: beijing("2025-03-05T10:00"))
        #expect(closed.answer.contains("2025年2月28日17:00"))
        #expect(closed.answer.contains("截止"))
        #expect(!closed.answer.contains("正在受理"))
        #expect(open.citations.contains("notice:一(一)"))
    }

    @Test func reviewWindow() {
        let answer = ask("审核时间是什么时候", at: beijing("2025-03-01T10:00"))
        #expect(answer.answer.contains("2025年2月24日9:00"))
        #expect(answer.answer.contains("2025年3月8日17:00"))
        #expect(answer.citations.contains("notice:一(二)"))
    }

    @Test func thresholdsForOneSessionOrAll() {
        let one = ask("2023年上半年软考单独划线多少分?")
        #expect(one.answer.contains("40分(含)"))
        #expect(!one.answer.contains("42分"))
        let all = ask("单独划线分数线是多少")
        for score in ["40分(含)", "42分(含)", "39分(含)", "50分(含)"] { #expect(all.answer.contains(score)) }
        #expect(ask("通信考试2024年度单独划线多少分").answer.contains("50分(含)"))
        #expect(ask("信息安全工程师24年下半年过线分数是多少").answer.contains("中级:各科目39分(含)"))
    }

    @Test func scopeSaysWhatIsNotCovered() {
        #expect(ask("2022年的软考能补申领吗").answer.contains("不在"))
        #expect(ask("2025年上半年软考能补申领吗").answer.contains("不在"))
        let senior = ask("通信高级能补申领吗")
        #expect(senior.answer.contains("不在"))
        #expect(senior.answer.contains("初级、中级"))
    }

    @Test func categoriesProcedurePenalties() {
        let categories = ask("哪两类人可以申请?")
        #expect(categories.citations.contains("notice:二(一)") && categories.citations.contains("notice:二(二)"))
        let procedure = ask("补申领在哪个网站申请")
        #expect(procedure.answer.contains("单独划线补申领"))
        #expect(procedure.answer.contains("省级考试机构"))
        #expect(procedure.answer.contains("账号和密码"))
        #expect(procedure.citations.contains("notice:四"))
        let penalties = ask("提供虚假材料会怎么样")
        #expect(penalties.answer.contains("第十条"))
        #expect(penalties.citations.contains("notice:五"))
    }

    @Test func hotlineIssuerDateLegalBasis() {
        #expect(ask("咨询电话是多少").answer.contains("010-68607734"))
        let issuer = ask("这个通知是谁发的")
        #expect(issuer.answer.contains("工业和信息化部教育与考试中心"))
        #expect(issuer.answer.contains("2025年1月15日"))
        #expect(ask("政策依据是什么").answer.contains("人社厅发〔2022〕25号"))
    }

    @Test func areas() {
        #expect(ask("拉萨算单独划线地区吗").answer.contains("拉萨属于单独划线地区"))
        #expect(ask("北京是单独划线地区吗").answer.contains("北京不属于单独划线地区"))
        let xinjiang = ask("新疆哪些地方算单独划线地区")
        #expect(xinjiang.answer.contains("喀什") && xinjiang.answer.contains("和田"))
        let unknown = ask("我在金华市,算单独划线地区吗")
        #expect(unknown.answer.contains("无法判断"))
        #expect(unknown.answer.contains("考试机构"))
    }

    @Test func certificateValidityAndEveryFAQEntry() {
        #expect(ask("单独划线证书全国通用吗").answer.contains("不能全国通用"))
        // Every FAQ entry is reachable by its own question: answered with it, or by the intent that
        // content says answers it instead from live data (`supersedes`).
        for entry in Repo.book.faq {
            let answer = ask(entry.question)
            let superseding = Repo.book.inquiry!.intents.filter { $0.supersedes.contains(entry.id) }.map(\.id)
            #expect(
                answer.citations.contains("faq:\(entry.id)") || superseding.contains(answer.intent),
                "FAQ '\(entry.id)' is not answered by its own question: \(answer.intent)")
        }
    }

    @Test func everyAnswerSaysWhereItComesFrom() {
        let questions = [
            "申请什么时候截止", "2024年下半年高级多少分", "拉萨算吗", "提供虚假材料会怎么样", "谁可以申请",
            "补申领要交多少钱?", "asdfgh", "新疆哪些地方算", "2022年的能补吗", "证书丢了怎么办"
        ]
        for question in questions {
            let answer = ask(question)
            #expect(!answer.citations.isEmpty, "\(question) cites nothing")
            #expect(answer.answer.contains("来源:"), "\(question) has no source line")
        }
    }

    @Test func fallbackSaysSoAndGivesHotlineAndWebsite() {
        let book = Repo.book
        for question in ["补申领要交多少钱?", "软考高项怎么备考", "执业药师单独划线多少分", "今天天气怎么样"] {
            let answer = ask(question)
            #expect(answer.intent == "fallback", "\(question) → \(answer.intent)")
            #expect(answer.answer.contains(book.currentNotice!.hotline))
            #expect(answer.answer.contains(book.exam("ruankao")!.website!.url))
            #expect(!answer.answer.contains("39分") && !answer.answer.contains("42分"))
        }
    }
}

/// Rounds repeat: the window answered is the one that matters at the moment asked.
@Suite struct RoundTests {
    @Test func anEarlierRoundIsNamedAndNotMixedWithThisOne() throws {
        let older = try #require(Repo.book.notices.first { $0.id != Repo.book.currentNotice?.id })
        let during = older.application.start.addingTimeInterval(86_400)
        let answer = ask("补申领什么时候截止", at: during)
        #expect(answer.answer.contains(Instant.chinese(older.application.end)))
        #expect(!answer.answer.contains(Instant.chinese(Repo.book.currentNotice!.application.end)))
        #expect(answer.answer.contains("正在受理"))
    }
}
