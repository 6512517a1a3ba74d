import Testing
@testable import PasslineInquiry

/// What `--log` must never keep: ID-card numbers, phone numbers, names given as names.
@Suite struct RedactorTests {
    @Test func idCardNumbers() {
        #expect(!Redactor.redact("身份证11010519491231002X能申请吗").contains("11010519491231002X"))
        #expect(!Redactor.redact("我的身份证号是110105194912310021").contains("110105194912310021"))
    }

    @Test func phoneNumbers() {
        #expect(!Redactor.redact("我电话13812345678,回电").contains("13812345678"))
        #expect(!Redactor.redact("打+86 138-1234-5678").contains("5678"))
        #expect(!Redactor.redact("座机0891-6812345").contains("6812345"))
    }

    @Test func names() {
        let redacted = Redactor.redact("我叫张三丰,考了41分")
        #expect(!redacted.contains("张三丰"))
        #expect(redacted.contains("41分"))
        #expect(!Redactor.redact("姓名:李四,能补领吗").contains("李四"))
        #expect(!Redactor.redact("王先生问截止时间").contains("王先生"))
    }

    @Test func theQuestionItselfStays() {
        #expect(Redactor.redact("补申领要交多少钱?") == "补申领要交多少钱?")
    }
}
