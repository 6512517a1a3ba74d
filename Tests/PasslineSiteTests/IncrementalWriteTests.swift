import Foundation
import Testing
@testable import PasslineSite

/// A rebuild into an existing site rewrites only the files whose bytes changed (an editor's one-line fix
/// must not touch thousands of files), removes what the build no longer makes, and leaves no temporary files.
@Suite struct IncrementalWriteTests {
    func inode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int)
    }

    @Test func onlyChangedFilesAreRewrittenAndStaleOnesRemoved() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Site")
        var site = SiteFiles()
        site.put("same.html", text: "<p>不变</p>")
        site.put("zh-Hant/changed.html", text: "<p>旧</p>")
        site.put("gone.html", text: "<p>删</p>")
        try SiteWriter(destination: output).write(site)
        let sameBefore = try inode(output.appendingPathComponent("same.html"))
        let changedBefore = try inode(output.appendingPathComponent("zh-Hant/changed.html"))

        var next = SiteFiles()
        next.put("same.html", text: "<p>不变</p>")
        next.put("zh-Hant/changed.html", text: "<p>新</p>")
        next.put("added.html", text: "<p>加</p>")
        try SiteWriter(destination: output).write(next)

        #expect(try SiteFiles.read(directory: output) == next, "the folder holds exactly the new site")
        #expect(try inode(output.appendingPathComponent("same.html")) == sameBefore, "an unchanged file is not rewritten")
        #expect(
            try inode(output.appendingPathComponent("zh-Hant/changed.html")) != changedBefore,
            "a changed file is replaced whole, by a rename")
        // A folder whose files are all gone goes too (zh-Hant/ after a zh-Hans-only build).
        var third = SiteFiles()
        third.put("same.html", text: "<p>不变</p>")
        try SiteWriter(destination: output).write(third)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("zh-Hant").path))
        #expect(try SiteFiles.read(directory: output) == third)
        let hidden = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter {
            $0.split(separator: "/").last?.hasPrefix(".") == true
        }
        #expect(hidden.isEmpty, "no temporary file left: \(hidden)")
    }
}

/// `passline build` keeps pages on disk in a spool folder beside the output as they are made (memory
/// stays flat however large the archive), then renames them into place. The site must be the same as
/// an in-memory build, a rebuild must still touch only what changed, and a failure must leave nothing.
@Suite struct SpooledBuildTests {
    func spooledBuild(content: String, output: URL) throws {
        try SiteBuilder(options: SiteOptions(content: content, output: output.path, spool: true)).build()
    }

    func leftovers(beside output: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).filter { $0.hasPrefix(".") }
    }

    @Test func aSpooledFirstBuildWritesExactlyTheInMemorySite() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Site")
        try spooledBuild(content: Fixture.content, output: output)
        let written = try SiteFiles.read(directory: output)
        #expect(written == (try Fixture.generate().files))
        #expect(written["rules.json"] != nil && written["zh-Hant/notice.html"] != nil)
        #expect(try leftovers(beside: output).isEmpty, "the spool folder became the site; nothing else is left")
    }

    @Test func aSpooledRebuildReplacesOnlyTheChangedFiles() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixture.contentCopy(in: folder)
        let output = folder.appendingPathComponent("Site")
        try spooledBuild(content: content.path, output: output)
        let inode = { (path: String) throws -> Int in
            try #require(
                try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)[.systemFileNumber] as? Int)
        }
        // An FAQ answer's wording changes: the FAQ page holding it changes, the areas pages do not.
        let faq = try #require(
            try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("faq").path).sorted().first)
        let faqPage = try #require(try SiteFiles.read(directory: output).faqPage(holding: String(faq.dropLast(".md".count))))
        let areasBefore = try inode("areas.html"), faqBefore = try inode(faqPage)
        let file = content.appendingPathComponent("faq/" + faq)
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + "\n补充说明一句。\n").write(to: file, atomically: true, encoding: .utf8)
        try spooledBuild(content: content.path, output: output)

        #expect(try inode("areas.html") == areasBefore, "an unchanged page is not rewritten")
        #expect(try inode(faqPage) != faqBefore, "the changed page is renamed into place")
        #expect(try SiteFiles.read(directory: output).text(faqPage)?.contains("补充说明一句。") == true)
        #expect(try SiteFiles.read(directory: output) == (try Fixture.generate(content: content.path).files))
        #expect(try leftovers(beside: output).isEmpty, "no spool folder left after a rebuild")
    }

    @Test func aFailedSpooledBuildLeavesThePublishedSiteAndNoSpool() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixture.contentCopy(in: folder)
        let output = folder.appendingPathComponent("Site")
        try spooledBuild(content: content.path, output: output)
        let before = try SiteFiles.read(directory: output)
        // A page over its budget stops the build after every page has been spooled.
        var steps = SiteBuilder.standardSteps
        steps.insert(
            BuildStep("heavy page") { context in
                context.files.put("faq.html", text: String(repeating: "重", count: 20_000))
            }, at: steps.firstIndex { $0.name == BuildStep.measurePages.name }!)
        #expect(throws: BuildFailure.self) {
            try SiteBuilder(options: SiteOptions(content: content.path, output: output.path, spool: true), steps: steps).build()
        }
        #expect(try SiteFiles.read(directory: output) == before, "the published site is as it was")
        #expect(try leftovers(beside: output).isEmpty, "the spool folder is deleted")
    }

    @Test func aFileTheSpoolCannotWriteStopsTheBuildAtTheStepThatMadeIt() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Site")
        var steps = SiteBuilder.standardSteps
        // `index.html` is a file, so nothing can be written under it as if it were a folder.
        steps.insert(
            BuildStep("impossible file") { context in
                context.files.put("index.html/inside.html", text: "<p>x</p>")
            }, at: steps.firstIndex { $0.name == BuildStep.checkLinks.name }!)
        let failure = try #require(throws: BuildFailure.self) {
            try SiteBuilder(options: SiteOptions(content: Fixture.content, output: output.path, spool: true), steps: steps).build()
        }
        #expect(failure.step == "impossible file")
        #expect(failure.lines.first?.contains("index.html/inside.html") == true, "\(failure.lines)")
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing published")
        #expect(try leftovers(beside: output).isEmpty, "the spool folder is deleted")
    }
}
