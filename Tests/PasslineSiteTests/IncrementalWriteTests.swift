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
        #expect(try inode(output.appendingPathComponent("zh-Hant/changed.html")) != changedBefore, "a changed file is replaced whole, by a rename")
        // A folder whose files are all gone goes too (zh-Hant/ after a zh-Hans-only build).
        var third = SiteFiles()
        third.put("same.html", text: "<p>不变</p>")
        try SiteWriter(destination: output).write(third)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("zh-Hant").path))
        #expect(try SiteFiles.read(directory: output) == third)
        let hidden = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.split(separator: "/").last?.hasPrefix(".") == true }
        #expect(hidden.isEmpty, "no temporary file left: \(hidden)")
    }
}
