import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One rebuild of the preview, run as a child process (`passline build … --output <preview>`).
///
/// Content can make a build fail, and a bug can make it crash or hang; in a child process none of
/// that can touch the server. The child publishes into the preview folder with the same atomic
/// switch as any build, so the server goes on serving the last good build until a new one is
/// complete. A child that runs past `timeout` is killed.
public struct PreviewRebuild: Sendable {
    /// The program and its arguments.
    public let command: [String]
    public let timeout: TimeInterval

    public init(command: [String], timeout: TimeInterval = 120) {
        self.command = command
        self.timeout = timeout
    }

    public enum Outcome: Sendable, Equatable {
        case succeeded(messages: [String])
        /// The build refused the content (exit status 1): its messages, as it printed them.
        case failed(summary: String, lines: [String])
    }

    /// Runs the build and waits for it (at most `timeout`).
    public func run() -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0), drained = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return .failed(summary: "无法启动生成网站的进程", lines: ["\(command[0]):\(error)"])
        }
        // Read on a thread of its own until the child closes its end (it ends, or is killed).
        let collected = Collected()
        let reader = errors.fileHandleForReading
        DispatchQueue.global().async {
            while case let data = reader.availableData, !data.isEmpty { collected.append(data) }
            drained.signal()
        }
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        process.waitUntilExit()
        _ = drained.wait(timeout: .now() + 5)
        var lines = collected.text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if lines.count > PreviewRebuild.maxLines {
            lines = Array(lines.prefix(PreviewRebuild.maxLines)) + ["……还有 \(lines.count - PreviewRebuild.maxLines) 行,见终端"]
        }
        if timedOut {
            return .failed(
                summary: "生成网站超过 \(String(format: "%g", timeout)) 秒还没有结束,已经停止",
                lines: lines + ["请检查最近改动的内容文件(例如层层引用的 YAML 别名、极长的文字)。预览仍显示上一次成功生成的网站。"])
        }
        switch (process.terminationReason, process.terminationStatus) {
        case (.exit, 0):
            return .succeeded(messages: lines)
        case (.exit, _):
            return .failed(summary: "内容有错误,这次没有重新生成网站", lines: lines)
        case (.uncaughtSignal, let signal):
            return .failed(
                summary: "生成网站的进程崩溃了(信号 \(signal)\(PreviewRebuild.signalName(signal)))",
                lines: lines + ["这是 Passline 的缺陷,通常由最近一次内容改动引起:请检查刚保存的文件,并把这条消息告诉维护者。预览仍显示上一次成功生成的网站。"])
        @unknown default:
            return .failed(summary: "生成网站的进程意外结束", lines: lines)
        }
    }

    /// The most lines an overlay shows (a build can print thousands).
    static let maxLines = 200

    static func signalName(_ signal: Int32) -> String {
        [
            SIGSEGV: " SIGSEGV", SIGILL: " SIGILL", SIGABRT: " SIGABRT", SIGBUS: " SIGBUS", SIGTRAP: " SIGTRAP", SIGKILL: " SIGKILL",
            SIGFPE: " SIGFPE"
        ][signal] ?? ""
    }

    /// What the child printed, gathered from the pipe's reader thread.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ more: Data) {
            lock.lock()
            if data.count < 1 << 20 { data.append(more.prefix((1 << 20) - data.count)) }
            lock.unlock()
        }
        var text: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
