import Foundation
import PasslineCore
import Testing
@testable import PasslineSite
#if canImport(Glibc)
import Glibc
#endif

/// The publish as an editor and a web server see it: the whole new site replaces the old in one
/// switch, unchanged files keep their inode, one build at a time, leftovers of killed builds go, and
/// no path a build makes can land outside the output.
@Suite struct PublishTests {
    func inode(_ path: String) throws -> UInt64 {
        var info = stat()
        try #require(lstat(path, &info) == 0, "no file at \(path)")
        return UInt64(info.st_ino)
    }

    func entriesBeside(_ output: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).filter {
            $0 != output.lastPathComponent
        }.sorted()
    }

    func site(_ files: [String: String]) -> SiteFiles {
        var site = SiteFiles()
        for (path, text) in files { site.put(path, text: text) }
        return site
    }

    @Test func theOutputFolderIsReplacedWholeInOneSwitchAndUnchangedFilesAreLinked() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Site")
        try SiteWriter(destination: output).write(
            site(["index.html": "<p>一</p>", "zh-Hant/index.html": "<p>壹</p>", "assets/site.css": "p{}"]))
        let folderBefore = try inode(output.path), cssBefore = try inode(output.path + "/assets/site.css")

        let report = try SiteWriter(destination: output).write(site(["index.html": "<p>二</p>", "assets/site.css": "p{}"]))
        #expect(try SiteFiles.read(directory: output) == site(["index.html": "<p>二</p>", "assets/site.css": "p{}"]))
        #expect(try inode(output.path) != folderBefore, "Site/ itself is a new folder: the old one was exchanged out whole")
        #expect(try inode(output.path + "/assets/site.css") == cssBefore, "an unchanged file is the very same file (hard link)")
        #expect(report.written == 1 && report.linked == 1, "\(report)")
        #expect(!FileManager.default.fileExists(atPath: output.path + "/zh-Hant"), "what the build no longer makes is gone")
        #expect(try entriesBeside(output).isEmpty, "no work folder, no lock file left beside the output")
    }

    @Test func aFileDeclaredUnchangedIsLinkedWithoutItsBytes() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Site")
        try SiteWriter(destination: output).write(site(["notice-a.html": "<p>甲</p>", "notice-b.html": "<p>乙</p>"]))
        let before = try inode(output.path + "/notice-a.html")
        var next = SiteFiles(spool: try SiteSpool(beside: output))
        try next.keep("notice-a.html")
        next.put("notice-b.html", text: "<p>乙二</p>")
        #expect(next.text("notice-a.html") == "<p>甲</p>", "checks read a kept file like any other")
        #expect(next.size("notice-a.html") == "<p>甲</p>".utf8.count)
        try SiteWriter(destination: output).write(next)
        #expect(try inode(output.path + "/notice-a.html") == before)
        #expect(try SiteFiles.read(directory: output) == site(["notice-a.html": "<p>甲</p>", "notice-b.html": "<p>乙二</p>"]))

        var missing = SiteFiles(spool: try SiteSpool(beside: output))
        #expect(throws: PublishFailure.self) { try missing.keep("notice-c.html") }
        missing.spool?.discard()
    }

    @Test func aSecondBuildIntoTheSameOutputIsRefusedInChineseAndWritesNothing() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Site")
        try SiteWriter(destination: output).write(site(["index.html": "<p>旧</p>"]))
        let first = try SiteSpool(beside: output)
        let failure = try #require(throws: PublishFailure.self) {
            try SiteWriter(destination: output).write(site(["index.html": "<p>新</p>"]))
        }
        #expect(failure.description.contains("另一个 passline 构建(进程 \(getpid()))正在写入"), "\(failure)")
        #expect(failure.description.contains(output.path), "the message names the output: \(failure)")
        let built = try #require(throws: BuildFailure.self) {
            try SiteBuilder(options: SiteOptions(content: Fixture.content, output: output.path, spool: true)).build()
        }
        #expect(built.step == "prepare output" && built.lines.joined().contains("另一个 passline 构建"), "\(built)")
        #expect(try SiteFiles.read(directory: output) == site(["index.html": "<p>旧</p>"]))
        first.discard()
        try SiteWriter(destination: output).write(site(["index.html": "<p>新</p>"]))
        #expect(try SiteFiles.read(directory: output).text("index.html") == "<p>新</p>", "the lock is free again once the first build ends")
    }

    @Test func leftoversOfKilledBuildsAreRemovedByTheNextBuild() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Site")
        try SiteWriter(destination: output).write(site(["index.html": "<p>旧</p>"]))
        // What builds killed before and after their switch leave: a half-made new site, an old one
        // waiting to be deleted, a stale lock file whose holder is gone, and a symlink that must be
        // removed as a link (its target untouched).
        let outside = folder.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "keep".write(to: outside.appendingPathComponent("precious.txt"), atomically: true, encoding: .utf8)
        for name in [".Site.new-999999-deadbeef/zh-Hant", ".Site.old-999998-cafebabe"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try "半".write(to: folder.appendingPathComponent(".Site.new-999999-deadbeef/zh-Hant/index.html"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/.Site.new-999999-deadbeef/link", withDestinationPath: outside.path)
        try "999997\n".write(to: folder.appendingPathComponent(".Site.lock"), atomically: false, encoding: .utf8)
        // Another output's folders in the same parent are not this build's business.
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(".Other.new-1-aaaaaaaa"), withIntermediateDirectories: true)

        let context = try SiteBuilder(options: SiteOptions(content: Fixture.content, output: output.path, spool: true)).build()
        #expect(try entriesBeside(output) == [".Other.new-1-aaaaaaaa", "outside"])
        #expect(try String(contentsOf: outside.appendingPathComponent("precious.txt"), encoding: .utf8) == "keep")
        #expect(context.warnings.contains { $0.contains(".Site.new-999999-deadbeef") && $0.contains("进程 999999") }, "\(context.warnings)")
        #expect(context.warnings.contains { $0.contains(".Site.old-999998-cafebabe") })
        #expect(try SiteFiles.read(directory: output) == (try Fixture.generate().files))
    }

    @Test func aSwitchInterruptedWithoutExchangeIsUndoneByTheNextBuild() throws {
        // On a system without an atomic exchange the switch is two renames; a build killed between
        // them leaves no output, only `.Site.old-…`: the next build puts the old site back first.
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Site")
        try SiteWriter(destination: output).write(site(["index.html": "<p>旧</p>"]))
        try FileManager.default.moveItem(at: output, to: folder.appendingPathComponent(".Site.old-999999-deadbeef"))
        let spool = try SiteSpool(beside: output)
        #expect(
            try SiteFiles.read(directory: output) == site(["index.html": "<p>旧</p>"]),
            "the last published site is back before anything else")
        #expect(spool.notes.contains { $0.contains("恢复") }, "\(spool.notes)")
        spool.discard()
    }

    // MARK: Paths outside the output (issue 16.3)

    func failingStep(_ name: String, _ body: @escaping @Sendable (inout BuildContext) throws -> Void) -> [BuildStep] {
        var steps = SiteBuilder.standardSteps
        steps.insert(BuildStep(name, body), at: steps.firstIndex { $0.name == BuildStep.checkLinks.name }!)
        return steps
    }

    @Test(arguments: [
        "../../PWNED-notice.html", "notice-../../../PWNED.html", "zh-Hant/../../PWNED.html", "/tmp/PWNED-absolute.html", "a//PWNED.html",
        "./PWNED.html", "PWNED\\evil.html"
    ])
    func aPathThatLeavesTheOutputIsRefusedBeforeAnythingIsWritten(path: String) throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("deep/er/Site")
        try SiteWriter(destination: output).write(site(["index.html": "<p>旧</p>"]))
        let failure = try #require(throws: BuildFailure.self) {
            try SiteBuilder(
                options: SiteOptions(content: Fixture.content, output: output.path, spool: true),
                steps: failingStep("hostile path") { $0.files.put(path, text: "pwned") }
            ).build()
        }
        #expect(failure.step == "hostile path")
        #expect(failure.lines.joined().contains("无法写入网站文件"), "\(failure.lines)")
        let everything = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        #expect(!everything.contains { $0.contains("PWNED") }, "\(everything.filter { $0.contains("PWNED") })")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/PWNED-absolute.html"))
        #expect(try SiteFiles.read(directory: output) == site(["index.html": "<p>旧</p>"]))
    }

    @Test func aNoticeIdThatClimbsOutOfTheOutputWritesNothingOutsideIt() throws {
        // Issue 16: `id: ../../../PWNED` made the build write PWNED-notice.html outside the output
        // before failing. Whichever check stops it now (the loader, or the writer), nothing lands outside.
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixture.contentCopy(in: folder)
        try Fixture.edit(content.appendingPathComponent("notices/2024-09-20.md"), replacing: "id: 2024-09-20", with: "id: ../../../PWNED")
        let output = folder.appendingPathComponent("a/b/c/Site")
        #expect(throws: BuildFailure.self) {
            try SiteBuilder(options: SiteOptions(content: content.path, output: output.path, spool: true)).build()
        }
        let everything = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        #expect(!everything.contains { $0.contains("PWNED") && !$0.hasPrefix("Content/") }, "\(everything.filter { $0.contains("PWNED") })")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aSymlinkPlantedInTheWorkFolderIsNotFollowed() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outside = folder.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let output = folder.appendingPathComponent("Site")
        let failure = try #require(throws: BuildFailure.self) {
            try SiteBuilder(
                options: SiteOptions(content: Fixture.content, output: output.path, spool: true),
                steps: failingStep("planted link") { context in
                    let spool = try #require(context.files.spool)
                    try FileManager.default.createSymbolicLink(atPath: spool.directory.path + "/evil", withDestinationPath: outside.path)
                    context.files.put("evil/index.html", text: "pwned")
                }
            ).build()
        }
        #expect(failure.lines.first?.hasPrefix("evil/index.html:无法写入网站文件:「evil」不是文件夹") == true, "\(failure.lines)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty, "nothing written through the link")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func symlinksInThePublishedSiteAreNeitherFollowedNorPublished() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Site")
        let expected = try Fixture.generate().files
        try SiteWriter(destination: output).write(expected)
        // Someone replaced zh-Hant/ and index.html by links to a folder outside, whose files hold
        // exactly the bytes the build makes (so a careless writer would link or write through them).
        let outside = folder.appendingPathComponent("outside")
        try FileManager.default.moveItem(at: output.appendingPathComponent("zh-Hant"), to: outside)
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("zh-Hant"), withDestinationURL: outside)
        try FileManager.default.moveItem(
            at: output.appendingPathComponent("index.html"), to: outside.appendingPathComponent("root-index.html"))
        try FileManager.default.createSymbolicLink(
            at: output.appendingPathComponent("index.html"), withDestinationURL: outside.appendingPathComponent("root-index.html"))
        let outsideBefore = try FileManager.default.subpathsOfDirectory(atPath: outside.path).sorted()
        let inodesBefore = try outsideBefore.map { try inode(outside.path + "/" + $0) }

        try SiteBuilder(options: SiteOptions(content: Fixture.content, output: output.path, spool: true)).build()
        var isFolder: ObjCBool = false
        #expect(try FileManager.default.destinationOfSymbolicLinkIfAny(output.appendingPathComponent("zh-Hant").path) == nil)
        #expect(
            FileManager.default.fileExists(atPath: output.path + "/zh-Hant", isDirectory: &isFolder) && isFolder.boolValue,
            "zh-Hant/ is a real folder again")
        #expect(
            try FileManager.default.destinationOfSymbolicLinkIfAny(output.appendingPathComponent("index.html").path) == nil,
            "index.html is a real file")
        #expect(try SiteFiles.read(directory: output) == expected)
        #expect(
            try FileManager.default.subpathsOfDirectory(atPath: outside.path).sorted() == outsideBefore,
            "the outside folder kept every file")
        #expect(try outsideBefore.map { try inode(outside.path + "/" + $0) } == inodesBefore)
    }

    @Test func anOutputThatIsASymlinkIsPublishedIntoTheFolderItNames() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("www/html")
        try SiteWriter(destination: real).write(site(["index.html": "<p>旧</p>"]))
        let link = folder.appendingPathComponent("Site")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try SiteWriter(destination: link).write(site(["index.html": "<p>新</p>"]))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path, "the link stays a link")
        #expect(try SiteFiles.read(directory: real).text("index.html") == "<p>新</p>")
    }

    @Test func anOutputThatIsAFileIsNamedInTheError() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Site")
        try "not a folder".write(to: output, atomically: true, encoding: .utf8)
        let failure = try #require(throws: PublishFailure.self) { try SiteWriter(destination: output).write(site(["index.html": "x"])) }
        #expect(failure.description == "\(output.path):无法发布网站:输出位置已经有一个文件,不是文件夹。请用 --output 指定一个文件夹。")
    }

    @Test func aPathWithANulIsRefusedByName() {
        #expect(throws: PublishFailure.self) { try SitePath.split("notice-a\u{0}.html") }
        #expect(throws: PublishFailure.self) { try SitePath.split("") }
        #expect((try? SitePath.split("zh-Hant/calculator/ruankao-2024-H2.js"))?.folders == ["zh-Hant", "calculator"])
    }

    @Test func systemReasonsAreToldInChineseWithTheirNames() {
        #expect(
            PublishFailure(path: "/srv/Site", action: "替换网站", code: EACCES).description
                == "/srv/Site:无法替换网站:没有权限(EACCES)。请检查这个文件夹及其上一级的写权限(ls -ld),或用 --output 指定一个你能写入的文件夹。")
        #expect(PublishFailure(path: "/mnt/Site", action: "把新网站换上", code: EBUSY).description.contains("挂载点"))
        #expect(PublishFailure(path: "/x", action: "写入文件", code: ENOSPC).description.contains("磁盘空间已满(ENOSPC)"))
        #expect(PublishFailure(path: "/x", action: "写入文件", code: EROFS).description.contains("只读的(EROFS)"))
    }

    // MARK: The build's instant

    @Test func theBuildInstantReachesTheStepsAndTheLoader() throws {
        // Notice 2025-01-15, 一(一): applications 2025年1月22日9:00 至 2月28日17:00. Judged inside the
        // window, the "window has closed" warning must not appear; judged after it, it must.
        let open = try #require(Instant.parse("2025-02-01T10:00+08:00"))
        let after = try #require(Instant.parse("2025-03-01T10:00+08:00"))
        let inside = try SiteBuilder(
            options: SiteOptions(content: Fixture.content, output: "/nonexistent", now: open), steps: [.loadContent]
        ).build()
        let later = try SiteBuilder(
            options: SiteOptions(content: Fixture.content, output: "/nonexistent", now: after), steps: [.loadContent]
        ).build()
        #expect(inside.now == open && later.now == after)
        #expect(inside.warnings.filter { $0.contains("notices/2025-01-15.md") }.isEmpty, "\(inside.warnings)")
        #expect(later.warnings.contains { $0.contains("notices/2025-01-15.md") }, "\(later.warnings)")
    }

    // MARK: feed.xml and sitemap.xml

    @Test func aFeedThatIsNotWellFormedStopsTheBuildNamingTheCharacter() throws {
        var steps = SiteBuilder.generationSteps
        steps.insert(
            BuildStep("poisoned feed") { context in
                let feed = try #require(context.files.text("feed.xml"))
                context.files.put(
                    "feed.xml", text: feed.replacingOccurrences(of: "<title>单独划线证书补申领 · 通知与更新记录</title>", with: "<title>通知\u{01}标题</title>")
                )
            }, at: steps.firstIndex { $0.name == BuildStep.checkXML.name }!)
        let failure = try #require(throws: BuildFailure.self) { try Fixture.generate(steps: steps) }
        #expect(failure.step == "check xml")
        let line = try #require(failure.lines.first)
        #expect(line.hasPrefix("feed.xml:3:10: 不是格式正确的 XML"), "\(line)")
        #expect(line.contains("控制字符 U+0001") && line.contains("这一行是:<title>通知\u{FFFD}标题</title>"), "\(line)")

        var broken = SiteBuilder.generationSteps
        broken.insert(
            BuildStep("unclosed sitemap") { context in
                context.files.put("sitemap.xml", text: "<?xml version=\"1.0\"?>\n<urlset>\n<url><loc>index.html</loc>\n</urlset>\n")
            }, at: broken.firstIndex { $0.name == BuildStep.checkXML.name }!)
        let unclosed = try #require(throws: BuildFailure.self) { try Fixture.generate(steps: broken) }
        #expect(
            unclosed.lines.first?.hasPrefix("sitemap.xml:4:") == true && unclosed.lines.first?.contains("开始标签和结束标签不一致") == true,
            "\(unclosed.lines)")
    }

    @Test func aControlCharacterInANoticeTitleNeverReachesAPublishedFeed() throws {
        // Issue 18: `title: "关于\u0001开展…"` made feed.xml not well-formed, exit 0. The loader may refuse
        // it first (control characters in content are errors there); if it does not, the XML check must.
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Fixture.contentCopy(in: folder)
        let notice = content.appendingPathComponent("notices/2024-09-20.md")
        let text = try String(contentsOf: notice, encoding: .utf8)
        let title = try #require(text.firstMatch(of: #/\ntitle: (.*)\n/#))
        try text.replacingOccurrences(
            of: String(title.0), with: "\ntitle: \"" + title.1.replacingOccurrences(of: "关于", with: "关于\\u0001") + "\"\n"
        )
        .write(to: notice, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("Site")
        let failure = try #require(throws: BuildFailure.self) {
            try SiteBuilder(options: SiteOptions(content: content.path, output: output.path, spool: true)).build()
        }
        if failure.step == "check xml" {
            #expect(
                failure.lines.first?.hasPrefix("feed.xml:") == true && failure.lines.first?.contains("U+0001") == true, "\(failure.lines)")
        } else {
            #expect(failure.step == "load content", "\(failure)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func thePublishedFeedAndSitemapAreWellFormed() throws {
        let site = try Fixture.generate().files
        for path in ["feed.xml", "sitemap.xml"] {
            let data = try #require(site[path])
            #expect(XMLCheck.problem(in: data, named: path) == nil)
        }
    }
}

extension FileManager {
    func destinationOfSymbolicLinkIfAny(_ path: String) throws -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
        return try destinationOfSymbolicLink(atPath: path)
    }
}
