import Foundation
import PasslineTesting
import Testing
@testable import PasslineSite
#if canImport(Glibc)
import Glibc
#endif

/// `passline serve` serves only the preview folder, adds the live script and overlay to its pages, and
/// cannot be stopped or worn down by content or clients.
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

    static let page =
        #"<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'"><script src="assets/window.js"></script></head><body><p>页</p></body></html>"#

    @Test func pagesGetTheLiveScriptAndMayOpenTheEventStream() {
        let served = PreviewPage.inject(PreviewTests.page, status: .init(version: 3, state: .ok), now: nil)
        #expect(served.contains("form-action 'none'; connect-src 'self'"), "EventSource needs connect-src")
        #expect(served.contains(#"<script src="/__passline/live.js" data-version="3"></script>"#))
        #expect(!served.contains("passline-overlay"), "no overlay after a good build")
        #expect(!served.contains("clock.js"))
    }

    @Test func afterAFailedRebuildThePageCarriesTheOverlayEvenWithoutJavaScript() {
        let status = PreviewStatus.Snapshot(version: 2, state: .failed, lines: ["Content/faq/a.md:3:1: error: <坏>"], summary: "内容有错误")
        let served = PreviewPage.inject(PreviewTests.page, status: status, now: nil)
        #expect(served.contains(#"<div id="passline-overlay" role="alert" lang="zh-Hans">"#))
        #expect(served.contains("Content/faq/a.md:3:1: error: &lt;坏&gt;"), "messages are escaped")
        #expect(served.contains("上一次成功生成的网站"))
    }

    @Test func withNowTheClockScriptRunsBeforeThePagesOwnScripts() throws {
        let now = try #require(ISO8601DateFormatter().date(from: "2025-02-01T02:00:00Z"))
        let served = PreviewPage.inject(PreviewTests.page, status: .init(version: 1, state: .ok), now: now)
        let clock = try #require(served.range(of: #"<script src="/__passline/clock.js" data-now="1738375200000"></script>"#))
        let own = try #require(served.range(of: #"<script src="assets/window.js">"#))
        #expect(clock.lowerBound < own.lowerBound)
        #expect(served.contains("预览时间:2025年2月1日 10:00(北京时间)"), "the badge gives Beijing time")
    }

    // MARK: The server under load

    func server(_ limits: PreviewServer.Limits, status: PreviewStatus = PreviewStatus()) throws -> (PreviewServer, URL) {
        let folder = try Fixture.temporaryDirectory()
        try "<html><head></head><body><p>好</p></body></html>".write(
            to: folder.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        let server = PreviewServer(root: folder, port: 0, status: status, limits: limits)
        try server.start()
        return (server, folder)
    }

    @Test func requestsThatNeverFinishAreClosedAfterTheReadTimeout() throws {
        var limits = PreviewServer.Limits()
        limits.readTimeout = 0.5
        let status = PreviewStatus()
        status.succeeded()
        let (server, folder) = try server(limits, status: status)
        defer { server.stop(); try? FileManager.default.removeItem(at: folder) }
        // The 51 requests of issue 18: some send nothing, some a request line and no end of headers.
        let clients = try (0..<51).map { index in
            let client = try TestClient(port: server.port)
            if index % 2 == 1 { client.send("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n") }
            return client
        }
        let started = Date()
        for client in clients {
            let answer = client.readToEnd(timeout: 5)
            #expect(client.closedByServer, "a connection still open \(Date().timeIntervalSince(started)) s later")
            #expect(answer.isEmpty || answer.hasPrefix("HTTP/1.1 408"), "\(answer)")
        }
        #expect(Date().timeIntervalSince(started) < 4, "all closed soon after the 0.5 s read timeout")
        let page = try TestClient(port: server.port).get("/index.html")
        #expect(page.hasPrefix("HTTP/1.1 200") && page.contains("<p>好</p>"), "still serving")
    }

    @Test func beyondTheConnectionLimitClientsAreToldToComeBackAndServedOnceThereIsRoom() throws {
        var limits = PreviewServer.Limits()
        limits.maxConnections = 4
        limits.readTimeout = 1.5
        let status = PreviewStatus()
        status.succeeded()
        let (server, folder) = try server(limits, status: status)
        defer { server.stop(); try? FileManager.default.removeItem(at: folder) }
        let idle = try (0..<4).map { _ in try TestClient(port: server.port) }
        Thread.sleep(forTimeInterval: 0.2)
        #expect(server.activeConnections == 4)
        let started = Date()
        let busy = try TestClient(port: server.port).get("/index.html", timeout: 1)
        #expect(busy.hasPrefix("HTTP/1.1 503"), "\(busy)")
        #expect(busy.contains("Retry-After: 1"))
        #expect(Date().timeIntervalSince(started) < 1, "refused at once, not after a wait")
        idle.forEach { _ = $0.readToEnd(timeout: 3) }
        let page = try TestClient(port: server.port).get("/index.html")
        #expect(page.hasPrefix("HTTP/1.1 200"), "\(page)")
    }

    @Test func theEventStreamPushesEveryChangeOfTheBuildStatus() throws {
        let status = PreviewStatus()
        status.succeeded()
        let (server, folder) = try server(PreviewServer.Limits(), status: status)
        defer { server.stop(); try? FileManager.default.removeItem(at: folder) }
        let stream = try TestClient(port: server.port)
        stream.send("GET /__passline/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let first = stream.read(until: "\n\n", after: "event: status", timeout: 3)
        #expect(first.contains("text/event-stream"), "\(first)")
        #expect(first.contains(#""state":"ok""#) && first.contains(#""version":1"#), "\(first)")
        status.failed("内容有错误", lines: ["Content/faq/a.md:3:1: error: 坏"])
        let failed = stream.read(until: "\n\n", after: "event: status", timeout: 3)
        #expect(failed.contains(#""state":"failed""#) && failed.contains("Content/faq/a.md:3:1: error: 坏"), "\(failed)")
        status.succeeded()
        let fixed = stream.read(until: "\n\n", after: "event: status", timeout: 3)
        #expect(fixed.contains(#""state":"ok""#) && fixed.contains(#""version":2"#), "\(fixed)")
    }

    // MARK: Rebuilds that fail, crash or hang

    func session(_ command: [String], timeout: TimeInterval = 30) throws -> (PreviewSession, URL) {
        let status = PreviewStatus()
        let (server, folder) = try server(PreviewServer.Limits(), status: status)
        status.succeeded() // the folder holds a good build
        let session = PreviewSession(
            server: server, watcher: ContentWatcher(directory: folder.path), rebuild: PreviewRebuild(command: command, timeout: timeout),
            log: { _ in })
        return (session, folder)
    }

    @Test func aCrashingRebuildLeavesTheServerServingTheLastGoodBuildWithTheCrashShown() throws {
        let (session, folder) = try session(["/bin/sh", "-c", "echo 'Content/notices/x.md:1:1: error: 坏' >&2; kill -SEGV $$"])
        defer { session.server.stop(); try? FileManager.default.removeItem(at: folder) }
        guard case let .failed(summary, lines) = session.buildOnce() else { Issue.record("a crash counted as success"); return }
        #expect(summary.contains("崩溃") && summary.contains("SIGSEGV"), "\(summary)")
        #expect(lines.first == "Content/notices/x.md:1:1: error: 坏")
        let page = try TestClient(port: session.server.port).get("/index.html")
        #expect(page.hasPrefix("HTTP/1.1 200") && page.contains("<p>好</p>"), "the last good page is still served")
        #expect(page.contains("passline-overlay") && page.contains("SIGSEGV"), "with the crash over it")
        #expect(session.status.snapshot.version == 1, "the version is not bumped: open pages keep what they show")
    }

    @Test func aHangingRebuildIsStoppedAfterItsTimeout() throws {
        let (session, folder) = try session(["/bin/sleep", "30"], timeout: 0.5)
        defer { session.server.stop(); try? FileManager.default.removeItem(at: folder) }
        let started = Date()
        guard case let .failed(summary, _) = session.buildOnce() else { Issue.record("a hang counted as success"); return }
        #expect(summary == "生成网站超过 0.5 秒还没有结束,已经停止", "\(summary)")
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try TestClient(port: session.server.port).get("/index.html").hasPrefix("HTTP/1.1 200"))
    }

    @Test func aFailedRebuildCarriesTheBuildsOwnMessages() throws {
        let (session, folder) = try session(["/bin/sh", "-c", "echo 'Content/sessions/ruankao-2024-H2.md:8:11: error: 不是数字' >&2; exit 1"])
        defer { session.server.stop(); try? FileManager.default.removeItem(at: folder) }
        #expect(
            session.buildOnce() == .failed(summary: "内容有错误,这次没有重新生成网站", lines: ["Content/sessions/ruankao-2024-H2.md:8:11: error: 不是数字"]))
        #expect(session.status.snapshot.state == .failed)
    }

    @Test func theWatcherSeesAnEditWithoutPollingTheFolder() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("faq"), withIntermediateDirectories: true)
        let watcher = ContentWatcher(directory: folder.path)
        #if os(Linux)
        #expect(watcher.usesKernel, "inotify on Linux")
        #endif
        #expect(!watcher.wait(timeout: 0.3), "nothing changed")
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) {
            try? "x".write(to: folder.appendingPathComponent("faq/new.md"), atomically: true, encoding: .utf8)
        }
        #expect(watcher.wait(timeout: 3), "a new file in a subfolder is seen")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("faq/deeper"), withIntermediateDirectories: true)
        _ = watcher.wait(timeout: 1)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) {
            try? "y".write(to: folder.appendingPathComponent("faq/deeper/a.md"), atomically: false, encoding: .utf8)
        }
        #expect(watcher.wait(timeout: 3), "a folder made after the start is watched too")
    }
}
