import Foundation
import PasslineCore
import Testing
@testable import PasslineImport

/// `passline import` on the seed (a Traditional repost with pinyin and ads) and on fixtures made from it
/// reproduces the shipped notice: its text and every fact of its front matter, sessions and thresholds.
@Suite struct SeedImportTests {
    /// Writes an import's drafts into a copy of the shipped content without the 2025-01-15 notice and
    /// loads it: the imported notice as the loader reads it.
    private func loaded(_ result: NoticeImport) throws -> (RuleBook, ContentCopy) {
        let copy = try ContentCopy(removing: ["notices/2025-01-15.md"])
        let written = try result.write(into: copy.root, overwrite: false)
        #expect(written == ["notices/2025-01-15.md"], "the sessions already exist with the same facts and are left alone")
        return (try copy.load(), copy)
    }

    static let fixtures = [
        "seed-notice.txt",
        "synthetic-2025-01-15-simplified.txt",
        "synthetic-2025-01-15-official-page.html",
        "synthetic-2025-01-15-repost-gb18030.html"
    ]

    @Test(arguments: fixtures)
    func theDraftsTextIsTheShippedNoticesText(_ name: String) throws {
        let result = try importFixture(name, sourceURL: name.hasSuffix("simplified.txt") ? "http://example.invalid/" : nil)
        let shipped = try String(contentsOfFile: Repo.content + "/notices/2025-01-15.md", encoding: .utf8)
        let draft = try #require(result.drafts.first { $0.relativePath == "notices/2025-01-15.md" })
        #expect(body(of: draft.text) == body(of: shipped))
    }

    @Test(arguments: fixtures)
    func theExtractedFactsAreTheShippedData(_ name: String) throws {
        // The Simplified text names no address: the editor gives it, as the shipped file has it.
        let shippedBook = try shippedBook()
        var shipped = try #require(shippedBook.notice("2025-01-15"))
        // Whether source_url is a repost is the editor's word (source_kind), not something a draft can know.
        shipped.sourceIsRepost = nil
        let result = try importFixture(name, sourceURL: name.hasSuffix("simplified.txt") ? shipped.sourceURL : nil)
        let (book, copy) = try loaded(result)
        defer { copy.remove() }
        let imported = try #require(book.notice("2025-01-15"))
        // Every field: metadata, windows, hotline, entry, legal basis, roles, covers, body and clauses.
        #expect(imported == shipped)
        #expect(book.sessions == shippedBook.sessions)
        #expect(result.facts.undecided.isEmpty, "\(result.facts.undecided)")
    }

    /// The same facts, worked out by hand from the notice's text rather than compared with Content/.
    @Test func theSeedsFactsAsTheNoticeStatesThem() throws {
        let facts = try importFixture("seed-notice.txt").facts
        #expect(facts.id == "2025-01-15")
        #expect(facts.title?.value == "关于开展计算机软件资格考试、通信职业水平考试单独划线地区证书补申领工作的通知")
        #expect(facts.issuer?.value == "工业和信息化部教育与考试中心")
        #expect(facts.addressee?.value == "单独划线地区计算机软件资格考试、通信职业水平考试考务管理机构")
        // 一(一) 申请时间:2025年1月22日9:00至2月28日17:00; 一(二) 审核时间:2025年2月24日9:00至3月8日17:00.
        #expect(
            facts.application
                == WindowFinding(
                    start: "2025-01-22T09:00+08:00", end: "2025-02-28T17:00+08:00", clause: "一(一)", quote: "申请时间:2025年1月22日9:00至2月28日17:00")
        )
        #expect(
            facts.review?.start == "2025-02-24T09:00+08:00" && facts.review?.end == "2025-03-08T17:00+08:00"
                && facts.review?.clause == "一(二)")
        // The closing sentence before the signature: 请拨打咨询电话010-68607734.
        #expect(facts.hotline?.value == "010-68607734" && facts.hotline?.source == .clause("结语"))
        #expect(facts.entry?.value == "单独划线补申领" && facts.entry?.source == .clause("四"))
        #expect(
            facts.sourceURL?.value
                == "http://cqitrk.jjxxw.cq.gov.cn/main/plan/2025-01/2c90808b92f6573c01946d2767df12fc.html?_t=1737014553891")
        #expect(facts.sourceURL?.source == .afterSignature)
        #expect(facts.legalBasis.map(\.value) == ["hrss-2022-25"])
        // 五 cites the penalties regulation: a cited document, not the notice's basis.
        #expect(facts.citations.contains { $0.clause == "五" && $0.sources == ["mohrss-31"] })
        #expect(
            facts.roles.map { "\($0.name)=\($0.clause)" } == [
                "scope=序", "local=二(一)", "relocated=二(二)", "procedure=四", "penalties=五", "hotline=结语"
            ])
        // 三(一)1–4 and 三(二)1–2.
        let sessions = facts.sessions.map { s in
            "\(s.id) \(s.label) \(s.clause) "
                + s.thresholds.sorted { $0.key < $1.key }.map { "\($0.key.rawValue):\(Int($0.value))" }.joined(separator: ",")
        }
        #expect(
            sessions == [
                "ruankao-2023-H1 2023年上半年 三(一)1 junior:40,intermediate:40,senior:40",
                "ruankao-2023-H2 2023年下半年 三(一)2 junior:42,intermediate:42,senior:42",
                "ruankao-2024-H1 2024年上半年 三(一)3 junior:39,intermediate:39,senior:39",
                "ruankao-2024-H2 2024年下半年 三(一)4 junior:39,intermediate:39,senior:40",
                "tongxin-2023 2023年度 三(二)1 junior:50,intermediate:50",
                "tongxin-2024 2024年度 三(二)2 junior:50,intermediate:50"
            ])
        #expect(facts.sessions.allSatisfy { $0.missing.isEmpty })
    }

    @Test func whatEachStepDidToTheSeed() throws {
        let result = try importFixture("seed-notice.txt")
        #expect(result.decoded.format == .plainText && result.decoded.encoding == "UTF-8")
        #expect(result.restored.changedCharacters > 0)
        // OpenCC has restored 據 to 据 before the pinyin after it is removed.
        #expect(result.artefacts.removed.first == "据(jù)")
        // The repost's three introductory lines before the title, and everything after the signature
        // (the original's address, the site's accounts, its advertising, its comment links).
        #expect(result.bounds.head.count == 3)
        #expect(result.bounds.head[0].hasPrefix("根据工信部教育与考试中心发布的"))
        #expect(result.bounds.tail.first?.hasPrefix("原文地址:") == true)
        #expect(result.bounds.tail.last == "发表评论 | 相关阅读 | 返回顶部")
        #expect(!result.notice.markdown.contains("示例考试网"))
        #expect(!result.notice.markdown.contains("(j"))
        #expect(
            result.notice.clauses.map(\.id) == [
                "序", "一", "一(一)", "一(二)", "二", "二(一)", "二(二)", "三", "三(一)", "三(一)1", "三(一)2", "三(一)3", "三(一)4", "三(二)", "三(二)1", "三(二)2",
                "四", "五", "结语"
            ])
    }

    @Test func theOfficialPageGivesItsOwnAddressAndNoPageFurniture() throws {
        let result = try importFixture("synthetic-2025-01-15-official-page.html")
        #expect(result.decoded.format == .html)
        #expect(result.facts.sourceURL?.source == .pageAddress)
        #expect(result.bounds.pageLines.count == 1 && result.bounds.pageLines[0].hasPrefix("发布时间"))
        // Script and style text, navigation, related links and the footer are not in the notice.
        for word in ["document.write", "假的", "首页", "相关文章", "版权所有", "010-00000000", "JavaScript"] {
            #expect(!result.notice.markdown.contains(word), "\(word)")
        }
    }

    @Test func aRepostLabelledGB2312IsReadAsGB18030() throws {
        let result = try importFixture("synthetic-2025-01-15-repost-gb18030.html")
        #expect(result.decoded.encoding == "GB18030")
        // The page's own address is the repost's; the address it names as its original wins.
        #expect(result.facts.sourceURL?.value.hasPrefix("http://cqitrk.jjxxw.cq.gov.cn/") == true)
        #expect(result.facts.notes.contains { $0.contains("https://repost.example.invalid/news/12345.html") })
    }
}
