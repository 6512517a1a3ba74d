import Foundation

/// `passline serve` as a whole: the server, the watcher and the rebuilds, wired together.
///
/// The first build and every rebuild run in a child process (`PreviewRebuild`); the server keeps
/// answering from the preview folder whatever a rebuild does. Each outcome goes to `status`, which
/// pushes it to open pages: a success makes them reload, a failure shows its messages over the
/// last good page.
public final class PreviewSession: @unchecked Sendable {
    public let server: PreviewServer
    public let watcher: ContentWatcher
    public let rebuild: PreviewRebuild
    /// Where each outcome is told besides the pages (the terminal).
    private let log: @Sendable (String) -> Void

    public init(server: PreviewServer, watcher: ContentWatcher, rebuild: PreviewRebuild, log: @escaping @Sendable (String) -> Void) {
        self.server = server
        self.watcher = watcher
        self.rebuild = rebuild
        self.log = log
    }

    public var status: PreviewStatus { server.status }

    /// Builds once and tells `status` and the log what came of it.
    @discardableResult
    public func buildOnce() -> PreviewRebuild.Outcome {
        status.building()
        let outcome = rebuild.run()
        switch outcome {
        case let .succeeded(messages):
            status.succeeded()
            messages.forEach(log)
            log("已重新生成(第 \(status.snapshot.version) 版),打开的页面会自动刷新")
        case let .failed(summary, lines):
            status.failed(summary, lines: lines)
            lines.forEach(log)
            log(summary + (status.snapshot.version > 0 ? ";预览仍显示上一次成功生成的网站" : ""))
        }
        return outcome
    }

    /// Rebuilds after every change under the content folder, forever (until `shouldStop`).
    public func watch(until shouldStop: @Sendable () -> Bool = { false }) {
        while !shouldStop() {
            if watcher.wait(timeout: 1) { buildOnce() }
        }
    }
}
