import Foundation
import Testing
@testable import PasslineSite

/// `passline serve` serves only the preview folder, and only its pages get the reload hook.
@Suite struct PreviewTests {
    @Test func requestsCannotLeaveThePreviewFolder() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "home".write(to: folder.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("zh-Hant"), withIntermediateDirectories: true)
        try "hant".write(to: folder.appendingPathComponent("zh-Hant/index.html"), atomically: true, encoding: .utf8)
        let server = PreviewServer(root: folder, port: 0)
        #expect(server.resolve("/")?.lastPathComponent == "index.html")
        #expect(server.resolve("/zh-Hant/")?.path.hasSuffix("zh-Hant/index.html") == true)
        #expect(server.resolve("/../../etc/passwd") == nil)
        #expect(server.resolve("/%2e%2e/%2e%2e/etc/passwd") == nil)
        #expect(server.resolve("/missing.html") == nil)
    }

    @Test func pagesGetTheReloadScriptAndMayAskForTheVersion() {
        let page = #"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'"></body>"#
        let served = PreviewServer.inject(page, version: 3)
        #expect(served.contains("form-action 'none'; connect-src 'self'"))
        #expect(served.contains(#"<script src="/__passline/reload.js" data-version="3"></script>"#))
    }
}
