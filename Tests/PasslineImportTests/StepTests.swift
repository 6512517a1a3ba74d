import Foundation
import PasslineCore
import Testing
@testable import PasslineImport

/// Each step of the pipeline alone, on the inputs an editor's files really hold.
@Suite struct StepTests {
    let phrasing: Phrasing

    init() throws { phrasing = try Phrasing.standard() }

    // MARK: decode

    @Test func plainTextInGB18030UTF16AndWithCRLFIsRead() throws {
        let text = "关于开展工作的通知\r\n\u{3000}\u{3000}一、时间\r\n\r\n\u{00A0}(一)申请时间 \r\n"
        let gb = try #require(SourceDecoding.convert(Array(text.utf8)[...], from: "UTF-8").flatMap { _ in encode(text, "GB18030") })
        for (data, encoding) in [
            (Data(text.utf8), "UTF-8"), (gb, "GB18030"), (Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!, "UTF-16")
        ] {
            let decoded = try SourceDecoding.decode(data, fileName: "notice.txt")
            #expect(decoded.encoding == encoding)
            // One line per paragraph, indentation (ideographic and no-break spaces) and blank lines gone.
            #expect(decoded.lines == ["关于开展工作的通知", "一、时间", "(一)申请时间"])
        }
    }

    @Test func bytesThatAreNoTextAreRefusedInChinese() {
        #expect(throws: ImportFailure.self) { try SourceDecoding.decode(Data([0xFF, 0xFF, 0x81, 0x30, 0x00, 0xFE]), fileName: "x.txt") }
    }

    @Test func aPageGivesItsTextNotItsMarkup() throws {
        let page = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>标题_网站</title>
            <meta property="og:url" content="https://example.invalid/a.html"><script>var s = "<p>一、假</p>";</script></head>
            <body><p>第一段&nbsp;有<b>粗</b>体&amp;符号<br>换行之后</p><p>  多个   空格
            合成一个</p><table><tr><td>甲</td><td>乙</td></tr></table><pre>原样
            保留</pre><style>.a{}</style></body></html>
            """
        let decoded = try SourceDecoding.decode(Data(page.utf8), fileName: "page.html")
        #expect(decoded.format == .html)
        #expect(decoded.lines == ["第一段 有粗体&符号", "换行之后", "多个 空格 合成一个", "甲 乙", "原样", "保留"])
        #expect(decoded.pageAddress == "https://example.invalid/a.html")
    }

    @Test func aPageIsToldFromTextByItsStartWhenItsNameDoesNotSay() throws {
        #expect(SourceDecoding.isHTML(Data("  <!DOCTYPE html><html>".utf8), fileName: "download"))
        #expect(!SourceDecoding.isHTML(Data("<关于>……的通知".utf8), fileName: "download"))
        #expect(!SourceDecoding.isHTML(Data("<html>".utf8), fileName: "notice.txt"))
    }

    // MARK: script and pinyin

    @Test func traditionalBecomesSimplifiedAndSimplifiedStays() throws {
        let restored = try ScriptRestoration.restore(["關於開展補申領工作的通知", "審核時間"])
        #expect(restored.lines == ["关于开展补申领工作的通知", "审核时间"])
        #expect(try ScriptRestoration.restore(["关于开展补申领工作的通知"]).changedCharacters == 0)
    }

    @Test func pinyinAfterACharacterIsRemovedAndNothingElse() {
        let result = PinyinArtefacts.strip(["根据(jù)工信部发(fā)布", "合格标准均为40分(含),(一)申请(PDF)(a)", "区（qū）域", "(jù)开头"])
        #expect(result.lines == ["根据工信部发布", "合格标准均为40分(含),(一)申请(PDF)(a)", "区域", "(jù)开头"])
        #expect(result.removed == ["据(jù)", "发(fā)", "区（qū）"])
    }

    // MARK: bounds

    @Test func theNoticeIsCutOutOfARepost() {
        let lines = [
            "转载网站的导语,提到关于开展补申领工作的通知。",
            "关于开展补申领工作的通知",
            "发布时间:2025-01-16",
            "各有关单位:",
            "现将有关事项通知如下:",
            "一、时间",
            "(一)申请时间:2025年1月22日9:00至2月28日17:00",
            "工业和信息化部教育与考试中心",
            "2025年1月15日",
            "原文地址:http://example.invalid/a.html?x=1.",
            "广告"
        ]
        let b = NoticeBounds.find(in: lines, phrasing: phrasing)
        #expect(b.head == [lines[0]])
        #expect(b.title == "关于开展补申领工作的通知")
        #expect(b.pageLines == ["发布时间:2025-01-16"])
        #expect(b.addressee == "各有关单位")
        #expect(b.body == Array(lines[4...6]))
        #expect(b.issuer == "工业和信息化部教育与考试中心")
        #expect(b.signatureDay == NoticeDay(year: 2025, month: 1, day: 15))
        #expect(b.tail == ["原文地址:http://example.invalid/a.html?x=1.", "广告"])
        #expect(b.tailAddress == "http://example.invalid/a.html?x=1")
    }

    @Test func aTitleOnTwoLinesAndASignatureOnOneAreFound() {
        let lines = ["关于开展计算机软件资格考试", "单独划线地区证书补申领工作的通知", "一、时间", "正文。", "工业和信息化部教育与考试中心 2025年1月15日", "页脚"]
        let b = NoticeBounds.find(in: lines, phrasing: phrasing)
        #expect(b.title == "关于开展计算机软件资格考试单独划线地区证书补申领工作的通知")
        #expect(b.issuer == "工业和信息化部教育与考试中心")
        #expect(b.signatureDay?.iso == "2025-01-15")
        #expect(b.body == ["一、时间", "正文。"])
        #expect(b.tail == ["页脚"])
    }

    // MARK: clauses

    @Test func clausesAreNumberedAsTheLoaderNumbersThem() {
        let lines = [
            "现将有关事项通知如下:", "一、标准", "(一)计算机软件资格考试", "1.2023年上半年40分(含)。", "2. 2023年下半年42分(含)。", "(二)说明:见下", "二、联系方式", "咨询电话:010-1234567",
            "如有问题,请拨打咨询电话010-68607734。"
        ]
        let n = SegmentedNotice.segment(lines, phrasing: phrasing)
        #expect(n.clauses.map(\.id) == ["序", "一", "一(一)", "一(一)1", "一(一)2", "一(二)", "二", "结语"])
        // 二's only paragraph stays with it even though it gives a number; the last sentence closes.
        #expect(n.clause("二")?.lines == ["二、联系方式", "咨询电话:010-1234567"])
        #expect(
            n.markdown == """
                现将有关事项通知如下:

                ## 一、标准

                ### (一)计算机软件资格考试

                1.2023年上半年40分(含)。

                2\\. 2023年下半年42分(含)。

                (二)说明:见下

                ## 二、联系方式

                咨询电话:010-1234567

                * * *

                如有问题,请拨打咨询电话010-68607734。

                """)
    }

    @Test func markupCharactersStayText() throws {
        let n = SegmentedNotice.segment(["一、标题", "# 不是标题 *也不是强调* [链接] <b> &amp;", "- 不是列表", "* * *", "1) 不是列表"], phrasing: phrasing)
        let document = try #require(MarkdownProbe.plainText(n.markdown))
        #expect(document == ["一、标题", "# 不是标题 *也不是强调* [链接] <b> &amp;", "- 不是列表", "* * *", "1) 不是列表"])
    }

    // MARK: windows, phones, thresholds

    @Test(arguments: [
        ("申请时间:2025年1月22日9:00至2月28日17:00", "2025-01-22T09:00+08:00", "2025-02-28T17:00+08:00"),
        ("申请时间为2026年2月2日9时至3月6日17时30分", "2026-02-02T09:00+08:00", "2026-03-06T17:30+08:00"),
        ("申请时间：２０２５年１月２２日９：００至２月２８日１７：００", "2025-01-22T09:00+08:00", "2025-02-28T17:00+08:00"),
        ("审核时间:2025年12月22日上午9:00至1月5日下午5:00", "2025-12-22T09:00+08:00", "2026-01-05T17:00+08:00"),
        ("申请时间:2025年3月1日8:30—8日12:00", "2025-03-01T08:30+08:00", "2025-03-08T12:00+08:00")
    ])
    func windowsAreReadInTheWaysNoticesWriteThem(_ text: String, _ start: String, _ end: String) throws {
        let facts = extract(["一、时间", "(一)" + text, "(二)审核时间:不适用"])
        let window = text.hasPrefix("审核") ? facts.review : facts.application
        #expect(window?.start == start)
        #expect(window?.end == end)
        #expect(window?.clause == "一(一)")
    }

    @Test func aWindowWithoutATimeOrWithAnImpossibleDayIsLeftToTheEditor() {
        let facts = extract(["一、时间", "(一)申请时间:2025年1月22日至2月30日17:00"])
        #expect(facts.application?.start == nil && facts.application?.end == nil)
        #expect(facts.undecided.contains { $0.key == "application.start" && $0.message.contains("没有写几点") })
        #expect(facts.undecided.contains { $0.key == "application.end" && $0.message.contains("不存在") })
    }

    @Test func twoDifferentApplicationWindowsAreNotChosenBetween() {
        let facts = extract(["一、时间", "(一)申请时间:2025年1月22日9:00至2月28日17:00", "(二)申请时间:2025年1月23日9:00至2月28日17:00"])
        #expect(facts.application?.start == nil && facts.application?.clause == nil)
        #expect(facts.undecided.contains { $0.key == "application" && $0.message.contains("不止一种") })
    }

    @Test func phoneNumbersAreToldFromDatesAndAddresses() {
        #expect(PhoneNumbers.find(in: "请拨打咨询电话010-68607734.") == ["010-68607734"])
        #expect(PhoneNumbers.find(in: "电话:０２３－６３８９９８８８转８００6") == ["023-63899888"])
        #expect(PhoneNumbers.find(in: "2025-01-22、http://a.cn/0106860773412、工作日9:00-17:00、第31号") == [])
        #expect(PhoneNumbers.find(in: "13812345678 或 400-810-1234") == ["13812345678", "400-810-1234"])
    }

    @Test func severalNumbersNeedTheHotlineWordToChoose() {
        let chosen = extract(["一、联系", "传真:010-11111111", "咨询电话:010-68607734"])
        #expect(chosen.hotline?.value == "010-68607734")
        let unclear = extract(["一、联系", "电话甲 010-11111111", "电话乙 010-22222222"])
        #expect(unclear.hotline == nil && unclear.undecided.contains { $0.key == "hotline" })
    }

    @Test func thresholdsByLevelInEveryNumeralForm() {
        let facts = extract([
            "一、标准",
            "(一)计算机软件资格考试",
            "1.2024年下半年单独划线地区初、中级各科目合格标准均为39分(含),高级各科目合格标准均为 40分(含)。",
            "2.2023年上半年各科目合格标准均为四十分(含)。",
            "3.2023年下半年全国合格标准为45分,单独划线地区合格标准为４２分（含）。",
            "(二)通信职业水平考试",
            "1.2023年度各科目合格标准均为50分(含)。"
        ])
        let scores = facts.sessions.map {
            "\($0.id) " + $0.thresholds.sorted { $0.key < $1.key }.map { "\(Int($0.value))" }.joined(separator: ",")
        }
        #expect(scores == ["ruankao-2024-H2 39,39,40", "ruankao-2023-H1 40,40,40", "ruankao-2023-H2 42,42,42", "tongxin-2023 50,50"])
    }

    @Test func aThresholdWhoseExamOrSessionIsUnclearIsNotGuessed() {
        let facts = extract(["一、标准", "1.2024年下半年各科目合格标准均为39分(含)。", "2.2024年上半年和下半年计算机软件资格考试各科目合格标准均为39分(含)。"])
        #expect(facts.sessions.isEmpty)
        #expect(facts.undecided.filter { $0.key == "covers" }.count == 2)
    }

    /// The facts of a notice whose body is `lines`, against the shipped catalog.
    private func extract(_ lines: [String]) -> ExtractedNotice {
        let bounds = NoticeBounds.find(in: ["关于开展工作的通知"] + lines + ["工业和信息化部教育与考试中心", "2025年1月15日"], phrasing: phrasing)
        let notice = SegmentedNotice.segment(bounds.body, phrasing: phrasing)
        return FactExtraction(bounds: bounds, notice: notice, phrasing: phrasing, catalog: shippedCatalog()).extract()
    }

    private func encode(_ text: String, _ encoding: String) -> Data? {
        // UTF-8 → encoding, with the same iconv the import reads with.
        let cd = iconv_open(encoding, "UTF-8")
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4)
        var inLeft = input.count, outLeft = output.count
        let ok = input.withUnsafeMutableBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in
                var ip: UnsafeMutablePointer<CChar>? = i.baseAddress, op: UnsafeMutablePointer<CChar>? = o.baseAddress
                return iconv(cd, &ip, &inLeft, &op, &outLeft) != -1
            }
        }
        return ok ? Data(output[0..<(output.count - outLeft)].map { UInt8(bitPattern: $0) }) : nil
    }
}
