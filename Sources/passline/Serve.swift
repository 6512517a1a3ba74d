import ArgumentParser
import Foundation
import PasslineCore
import PasslineSite
#if canImport(Glibc)
import Glibc
#endif

/// `passline serve`: builds the site into a preview folder, serves it on 127.0.0.1, and rebuilds
/// whenever a file under Content/ changes. Open pages reload when a rebuild succeeds and show its
/// errors when it fails. Site/ is never touched.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on 127.0.0.1, rebuilding when Content/ changes.",
        discussion:
            "Each rebuild runs in a child process: a failing, crashing or hanging build never stops the preview, which keeps serving the last good build and shows the errors on the open page."
    )

    @Option(help: "The content directory.") var content = "Content"
    @Option(help: "The port on 127.0.0.1 (0: any free port).") var port: UInt16 = 8000
    @Option(help: "Where the preview is built (default: a temporary folder, removed on Ctrl-C).") var output: String?
    @Option(
        help: "Show the site as it reads at this instant, e.g. 2025-02-01T10:00+08:00 (pages' clocks start there; the build gets it too).")
    var now: String?
    @Option(help: "Stop a rebuild that takes longer than this many seconds.") var buildTimeout: Double = 120

    func run() throws {
        let instant = try now.map { try parseNow($0) }
        let temporary = output == nil
        let folder =
            output
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "passline-preview-\(ProcessInfo.processInfo.processIdentifier)"
            ).path
        var command = [Serve.executable, "build", "--content", content, "--output", folder]
        if let now { command += ["--now", now] }
        let server = PreviewServer(root: URL(fileURLWithPath: folder), port: port, now: instant)
        let session = PreviewSession(
            server: server, watcher: ContentWatcher(directory: content),
            rebuild: PreviewRebuild(command: command, timeout: buildTimeout), log: printError)
        do {
            try server.start()
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        say("正在预览 \(content):http://127.0.0.1:\(server.port)/index.html(Ctrl-C 停止)" + (server.nowLabel.map { ";" + $0 } ?? ""))
        Serve.onInterrupt {
            if temporary {
                try? FileManager.default.removeItem(atPath: folder)
                try? FileManager.default.removeItem(atPath: BuildCache(destination: folder).folder)
            }
        }
        session.buildOnce()
        session.watch()
    }

    /// This program, to run the rebuilds with.
    static var executable: String {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executableURL?.path ?? CommandLine.arguments[0]
    }

    /// On Ctrl-C (or SIGTERM): clean up, then exit. The running rebuild, in the same process group,
    /// gets the signal too.
    static func onInterrupt(_ cleanUp: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                cleanUp()
                Foundation.exit(0)
            }
            source.resume()
            Serve.sources.append(source)
        }
    }

    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
}

/// Prints a line at once, even when stdout is a file or a pipe (the preview runs for a long time).
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
