import Foundation
import PasslineCore
import Testing
@testable import PasslineSite

/// What every page says about the current round's window in its own text, before any script runs:
/// closed for good once the build instant is past the end; the dates and where to apply before that.
@Suite struct WindowStatePageTests {
    /// After the 2025 window (notice 一(一): 2025年1月22日9:00至2月28日17:00) and inside it.
    static let after = Instant.parse("2026-12-01T10:00+08:00")!
    static let inside = Instant.parse("2025-02-10T10:00+08:00")!

    static func pages(_ site: SiteFiles) -> [String] { site.paths.filter { $0.hasSuffix(".html") } }

    /// The page's text as a reader sees it without scripts: attribute values (window.js's words for
    /// other states) are not shown, so they do not count.
    static func visible(_ html: String) -> String { html.replacing(#/ data-[a-z-]+="[^"]*"/#, with: "") }

    @Test func afterTheWindowEveryPageInBothScriptsSaysTheRoundIsClosed() throws {
        let site = try Fixture.generate(now: Self.after).files
        let pages = Self.pages(site)
        #expect(pages.count >= 20)
        for page in pages {
            let text = Self.visible(site.html(page))
            let closed = page.hasPrefix("zh-Hant/") ? "申請已於2025年2月28日17:00截止" : "申请已于2025年2月28日17:00截止"
            #expect(text.contains(closed), "\(page) says the round closed")
            #expect(!text.contains("在此期间通过"), "\(page) gives no how-to-apply for a closed round")
        }
    }

    @Test func insideTheWindowEveryPageSaysWhenAndHowToApplyAndLeavesTheStateToTheScript() throws {
        let site = try Fixture.generate(now: Self.inside).files
        for page in Self.pages(site) {
            let text = Self.visible(site.html(page))
            let how = page.hasPrefix("zh-Hant/") ? "“單獨劃線補申領”入口提交申請" : "“单独划线补申领”入口提交申请"
            #expect(text.contains(how), "\(page) says how to apply")
            #expect(!text.contains("2025年2月28日17:00截止") && !text.contains("已於2025年2月28日17:00截止"), "\(page) does not call it closed")
        }
        let home = site.html("index.html")
        #expect(home.contains(#"data-open="申请时间为2025年1月22日9:00至2025年2月28日17:00,现在正在受理。""#), "window.js refines it live")
        #expect(home.contains(#"<script src="assets/window.js"></script>"#))
    }

    /// A reader's wrong clock must not reopen a round that had closed when the site was built.
    @Test func aClosedRoundLeavesTheScriptNothingToChange() throws {
        let site = try Fixture.generate(now: Self.after).files
        for page in Self.pages(site) {
            let html = site.html(page)
            // The state line every page shows (under the header, or the home page's own) is final text.
            #expect(
                html.contains(#"<p class="state" data-state="closed">"#)
                    || html.contains(#"<p id="window-state" class="state" data-state="closed">"#), "\(page)")
            // The guided calculator's verdict pages (check-*.html) run their own scripts on the reader's clock.
            if page.split(separator: "/").last?.hasPrefix("check-") == true { continue }
            #expect(!html.contains("data-start="), "\(page)")
            #expect(!html.contains("window.js"), "\(page)")
        }
    }

    /// The footer's date is the newest 更新记录 day, not the build clock: two builds a year apart are
    /// the same bytes.
    @Test func everyPageSaysWhenItsContentLastChangedAndRebuildsAreIdentical() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixture.contentCopy(in: folder)
        let changelog = "---\ntitle: 更新记录\n---\n\n## 2025-03-01\n\n- 2025年1月15日通知 说明: 甲\n\n## 2025-05-04\n\n- 2025年1月15日通知 说明: 乙\n"
        try changelog.write(to: content.appendingPathComponent("changelog.md"), atomically: true, encoding: .utf8)
        let site = try Fixture.generate(content: content.path, now: Self.after).files
        for page in Self.pages(site) {
            let words = page.hasPrefix("zh-Hant/") ? "內容更新於" : "内容更新于"
            #expect(site.html(page).contains(#"\#(words)<a href="changelog.html">2025年5月4日</a>"#), "\(page)")
        }
        let later = try Fixture.generate(content: content.path, now: Self.after.addingTimeInterval(365 * 86400)).files
        #expect(later == site)
    }
}
