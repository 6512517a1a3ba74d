import Foundation
import PasslineCore
import Testing
@testable import PasslineSite

/// The build cache beside the output (`.Site.cache`): a rebuild with it publishes exactly what a clean
/// build publishes, whatever state the cache is in, and a rebuild with nothing changed touches no file.
@Suite struct BuildCacheTests {
    let folder: URL
    let content: URL
    let output: URL
    var cacheFile: URL { folder.appendingPathComponent(".Site.cache/manifest") }
    /// Within the 2025-01-15 notice's application window (2025-01-22 09:00 to 2025-02-28 17:00).
    static let during = Instant.parse("2025-02-01T10:00+08:00")!

    init() throws {
        folder = try Fixture.temporaryDirectory()
        content = try Fixture.contentCopy(in: folder)
        output = folder.appendingPathComponent("Site")
    }

    @discardableResult
    func build(cache: Bool = true, into site: URL? = nil, now: Date = BuildCacheTests.during) throws -> BuildContext {
        try SiteBuilder(options: SiteOptions(content: content.path, output: (site ?? output).path, spool: true, now: now, cache: cache))
            .build()
    }

    /// The site a build without any cache makes from the same content, for the same instant.
    func clean(now: Date = BuildCacheTests.during) throws -> SiteFiles {
        let site = folder.appendingPathComponent("clean-\(UUID().uuidString)/Site")
        try build(cache: false, into: site, now: now)
        return try SiteFiles.read(directory: site)
    }

    func identities() throws -> [String: FileIdentity] {
        var found: [String: FileIdentity] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: output.path) {
            var info = stat()
            try #require(lstat(output.path + "/" + path, &info) == 0)
            if (info.st_mode & S_IFMT) == S_IFREG { found[path] = FileIdentity(info) }
        }
        return found
    }

    func editNotice() throws {
        try Fixture.edit(
            content.appendingPathComponent("notices/2024-09-20.md"), replacing: "申请时间截止后提交的申请不予受理。", with: "申请时间截止后提交的申请一律不予受理。")
    }

    @Test func aRebuildAfterOneNoticeChangesIsByteForByteTheCleanBuild() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try build()
        let before = try identities()
        try editNotice()
        let context = try build()
        #expect(context.reused == nil, "the content changed: the site is built again")
        let rebuilt = try SiteFiles.read(directory: output)
        #expect(rebuilt == (try clean()))
        #expect(rebuilt.text("notice-2024-09-20.html")?.contains("一律不予受理") == true)
        let after = try identities()
        #expect(after["notice-2024-09-20.html"] != before["notice-2024-09-20.html"], "the changed notice's page is written anew")
        #expect(after["areas.html"] == before["areas.html"], "a page the notice is not on keeps its file")
        #expect(after["assets/site.css"] == before["assets/site.css"])
    }

    @Test func aRebuildWithNothingChangedWritesNoFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try build()
        let before = try identities()
        let again = try build()
        let reused = try #require(again.reused, "nothing changed: the build stops at the cache")
        #expect(reused.fileCount == before.count)
        #expect(again.publication == nil && again.book == nil, "nothing loaded, nothing published")
        #expect(try identities() == before, "every file keeps its inode and modification time")
        #expect(again.warnings == first.warnings, "the warnings of the build that made the site are said again")
        // Another instant in the same state of every window is the same site.
        #expect(try build(now: Instant.parse("2025-02-10T08:00+08:00")!).reused != nil)
        #expect(try identities() == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".Site.cache", "Content", "Site"],
            "the cache is beside the output, not a leftover and not inside it")
        #expect(!(try FileManager.default.subpathsOfDirectory(atPath: output.path)).contains { $0.contains("cache") })
    }

    @Test func theBuildInstantIsPartOfTheKey() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try build()
        // After the window's end the pages say it is closed: the cached site does not do.
        let closed = Instant.parse("2025-03-01T10:00+08:00")!
        let context = try build(now: closed)
        #expect(context.reused == nil)
        #expect(try SiteFiles.read(directory: output) == (try clean(now: closed)))
        #expect(try SiteFiles.read(directory: output) != (try clean()), "the instant does change the pages")
    }

    @Test func aCorruptOrStaleCacheIsIgnoredAndTheOutputStaysCorrect() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try build()
        let intact = try Data(contentsOf: cacheFile)
        var flipped = intact
        flipped[flipped.count / 2] ^= 0x20
        var otherFormat = PublishedManifest.decode(Array(intact))!.encode()
        otherFormat[8] &+= 1 // the format number, with the checksum no longer matching either
        let corruptions: [(String, Data)] = [
            ("one byte flipped", flipped), ("truncated", intact.prefix(intact.count / 3)), ("another format", Data(otherFormat)),
            ("not a manifest", Data("hello".utf8))
        ]
        for (index, (what, bytes)) in corruptions.enumerated() {
            try bytes.write(to: cacheFile)
            let context = try build()
            #expect(context.reused == nil, "\(what): a corrupt cache is never trusted")
            #expect(context.warnings.contains { $0.contains("构建缓存") && $0.contains("已损坏") }, "\(what): the build says so")
            #expect(try SiteFiles.read(directory: output) == (try clean()), "\(what)")
            #expect(PublishedManifest.decode(Array(try Data(contentsOf: cacheFile))) != nil, "\(what): the cache is written again")
            // And a content change on top of a corrupt cache.
            try bytes.write(to: cacheFile)
            try Fixture.edit(content.appendingPathComponent("notices/2024-09-20.md"), replacing: "不予受理", with: "不予受理\(index)")
            try build()
            #expect(try SiteFiles.read(directory: output) == (try clean()), "\(what), then an edit")
        }
    }

    @Test func aPublishedFileChangedBehindTheCacheIsMadeAgain() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try build()
        let expected = try SiteFiles.read(directory: output)
        // Edited in place (same inode, new modification time), and one removed.
        let page = output.appendingPathComponent("areas.html")
        let handle = try FileHandle(forWritingTo: page)
        try handle.write(contentsOf: Data("<p>手改</p>".utf8))
        try handle.close()
        try FileManager.default.removeItem(at: output.appendingPathComponent("faq.html"))
        #expect(try build().reused == nil, "the published site is not what the manifest says")
        #expect(try SiteFiles.read(directory: output) == expected)
        // A stray file is not part of the site either.
        try Data("x".utf8).write(to: output.appendingPathComponent("stray.html"))
        #expect(try build().reused == nil)
        #expect(try SiteFiles.read(directory: output) == expected)
    }

    @Test func aCacheFromAnotherProgramOrOptionsIsNotUsed() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try build()
        let stored = try #require(PublishedManifest.decode(Array(try Data(contentsOf: cacheFile))))
        var stale = stored
        stale.key = ContentHash(high: stored.key.high ^ 1, low: stored.key.low) // another program version's key
        try Data(stale.encode()).write(to: cacheFile)
        #expect(try build().reused == nil)
        #expect(try SiteFiles.read(directory: output) == (try clean()))
        // One script instead of two: another key.
        let one = try SiteBuilder(
            options: SiteOptions(
                content: content.path, output: output.path, scripts: [.simplified], spool: true, now: Self.during, cache: true)
        ).build()
        #expect(one.reused == nil)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("zh-Hant").path))
    }

    @Test func theCacheFolderIsIgnoredByGit() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let ignore = try String(contentsOf: Fixture.root.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignore.split(separator: "\n").contains(".*.cache/"))
    }
}

/// The manifest's format and the hash it relies on.
@Suite struct PublishedManifestTests {
    @Test func aManifestReadsBackAsWritten() {
        let manifest = PublishedManifest(
            key: ContentHash(high: 1, low: 2), instants: [Date(timeIntervalSince1970: 1_737_507_600)], warnings: ["注意\u{1}NOW\u{1}"],
            headroom: "最大的页面 a.html",
            files: [
                "a.html": .init(
                    size: 3, hash: ContentHash(Data("abc".utf8)), identity: FileIdentity(device: 1, inode: 2, seconds: 3, nanoseconds: 4))
            ])
        #expect(PublishedManifest.decode(manifest.encode()) == manifest)
        // Every strict prefix is refused.
        let bytes = manifest.encode()
        #expect((0..<bytes.count).allSatisfy { PublishedManifest.decode(Array(bytes.prefix($0))) == nil })
    }

    @Test func theHashDependsOnTheBytesNotOnHowTheyAreFed() {
        let text = Data("单独划线地区证书补申领,申请时间截止后提交的申请不予受理。".utf8)
        for split in 0...text.count {
            var hasher = ContentHasher()
            hasher.combine(text.prefix(split))
            hasher.combine(text.dropFirst(split))
            #expect(hasher.finish() == ContentHash(text), "split at \(split)")
        }
        var changed = text
        changed[5] ^= 1
        #expect(ContentHash(changed) != ContentHash(text))
        #expect(ContentHash(Data()) != ContentHash(Data([0])), "length counts")
        #expect(ContentHash(Data([0])) != ContentHash(Data([0, 0])))
    }
}
