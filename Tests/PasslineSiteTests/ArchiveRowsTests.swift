import Foundation
import PasslineCore
import PasslineImport
import Testing
@testable import PasslineSite

/// Issue 13.3: a new round must not shrink the site. Before, adding a notice left the home and
/// thresholds pages with the new round's sessions only (the 2023–2024 rows and 通信 gone), and
/// `passline diff` said nothing. The new round here is the import tests' synthetic 2026 notice
/// (`Tests/PasslineImportTests/Fixtures/synthetic-2026-round.txt`, every value in it made up), imported
/// into a copy of Content/ as an editor would, its one blank filled; it is never shipped.
@Suite struct ArchiveRowsTests {
    static let syntheticRound = Fixture.root.appendingPathComponent("Tests/PasslineImportTests/Fixtures/synthetic-2026-round.txt")

    /// A copy of Content/ with the synthetic round added.
    static func contentWithNewRound(in folder: URL) throws -> URL {
        let content = try Fixture.contentCopy(in: folder)
        let result = try NoticeImport.run(
            try Data(contentsOf: syntheticRound),
            options: .init(fileName: syntheticRound.lastPathComponent, sourceURL: "https://example.invalid/2026"),
            catalog: ImportCatalog(book: ContentLoader(directory: content.path).draft()),
            phrasing: try Phrasing.standard(),
            existing: { try? String(contentsOf: content.appendingPathComponent($0), encoding: .utf8) })
        _ = try result.write(into: content, overwrite: false)
        // The one value the synthetic notice leaves open (it states no 高级 line for 2025年上半年).
        let session = content.appendingPathComponent("sessions/ruankao-2025-H1.md")
        let text = try String(contentsOf: session, encoding: .utf8)
        try text.replacing(#/  senior: 待填.*/#, with: "  senior: 41").write(to: session, atomically: true, encoding: .utf8)
        return content
    }

    /// Each table row of a thresholds page as (session, level, threshold), read from the markup.
    static func rows(_ html: String) -> [String] {
        html.matches(
            of: #/<tr><th scope="row">([^<]+?)(?: <a class="cite"[^>]*>[^<]*</a>)?</th><td>([^<]+)</td><td><strong>([^<]+)</strong></td>/#
        )
        .map { "\($0.1) \($0.2) \($0.3)" }
    }

    /// Every row of every thresholds page (`thresholds.html`, `thresholds-2.html`…).
    static func allRows(_ site: SiteFiles, folder: String = "") -> [String] {
        site.paths.filter { $0.hasPrefix(folder + "thresholds") && !$0.dropFirst(folder.count).contains("/") }.flatMap {
            rows(site.html($0))
        }
    }

    @Test func aNewRoundKeepsTheOldSessionsOnTheThresholdsAndHomePages() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Self.contentWithNewRound(in: folder)
        let before = try Fixture.generate().files
        let context = try Fixture.generate(content: content.path)
        let after = context.files
        let book = try #require(context.book)
        #expect(book.currentNotice?.id == "2026-01-20", "the synthetic round is the newest")

        // Every row the thresholds pages had is still there, in both scripts; the new round's are added.
        for script in ["", "zh-Hant/"] {
            let old = Self.allRows(before, folder: script), new = Self.allRows(after, folder: script)
            #expect(!old.isEmpty)
            for row in old { #expect(new.contains(row), "\(script)thresholds lost \(row)") }
            #expect(new.count > old.count, "the new round's rows are added")
        }
        let old = try #require(ContentLoader(directory: Fixture.content).load().book as RuleBook?)
        for session in old.sessions {
            #expect(Self.allRows(after).contains { $0.hasPrefix(session.label + " ") }, "\(session.exam) \(session.label)")
        }
        // Grouped by round, the newest first: the 2023–2024 sessions under the round that covers them.
        let thresholds = after.html("thresholds.html")
        let newer = try #require(thresholds.range(of: #"<section class="round" id="2026-01-20">"#))
        let older = try #require(thresholds.range(of: #"<section class="round" id="2025-01-15">"#))
        #expect(newer.lowerBound < older.lowerBound)
        let oldSession = try #require(old.sessions.first)
        #expect(thresholds[older.upperBound...].contains(#"<tr><th scope="row">\#(oldSession.label) "#))

        // The home page still names every session it named, 通信 included, and the new ones.
        let homeBefore = before.html("index.html"), homeAfter = after.html("index.html")
        let lines = homeBefore.matches(of: #/<p class="small">[^<:]+:[^<]+</p>/#).map { String($0.0) }
        #expect(!lines.isEmpty)
        for line in lines { #expect(homeAfter.contains(line), "home lost \(line)") }
        for exam in old.exams {
            #expect(homeAfter.contains(#"<p class="small">\#(exam.shortName):"#), "\(exam.shortName) on the home page")
        }

        // And `passline diff` finds nothing lost.
        #expect(try SiteRows.losses(from: old, to: book).isEmpty)
    }

    @Test func removingASessionOrAnExamIsReportedAsALoss() throws {
        let book = try ContentLoader(directory: Fixture.content).load().book
        let exam = try #require(book.exams.last)
        let session = try #require(book.sessions.last { $0.exam == exam.id })
        func without(_ drop: (String, String) -> Bool) -> RuleBook {
            var changed = book
            changed.sessions.removeAll { drop($0.exam, $0.id) }
            for index in changed.notices.indices { changed.notices[index].covers.removeAll { drop($0.exam, $0.session) } }
            return changed
        }
        let lost = try SiteRows.losses(from: book, to: without { $0 == session.exam && $1 == session.id }).map(\.line)
        let levels = exam.levels.filter { session.threshold(for: $0.level) != nil }
        #expect(!levels.isEmpty)
        for level in levels {
            #expect(lost.contains("合格标准(thresholds.html)不再列出:\(exam.shortName) \(session.label) \(level.name)"), "\(lost)")
        }
        #expect(lost.contains("首页(index.html)不再列出:\(exam.shortName) \(session.label)"), "\(lost)")
        #expect(!lost.contains { $0.contains("的全部场次") }, "the exam has other sessions: \(lost)")

        let examGone = try SiteRows.losses(from: book, to: without { exam, _ in exam == session.exam }).map(\.line)
        #expect(examGone.contains("合格标准(thresholds.html)不再列出:\(exam.shortName)的全部场次"), "\(examGone)")
        #expect(examGone.contains("首页(index.html)不再列出:\(exam.shortName)的全部场次"), "\(examGone)")
        #expect(try SiteRows.losses(from: book, to: book).isEmpty)
    }
}
