import Foundation

/// An executable of this package (`passline`, `inquiry`) as `swift build` left it beside the test
/// bundle. Asking for one that is not there throws, so a test that runs it fails and says why
/// instead of being skipped: a missing binary in CI is a broken build, not a test to leave out.
public enum BuiltExecutable {
    /// The executable called `name` in the build folder that holds the running test bundle.
    public static func url(_ name: String) throws -> URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw Missing(name: name, near: Bundle.main.bundleURL.path)
    }

    /// Runs `executable` to its end and returns what it printed and how it ended.
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil, input: Data? = nil) throws -> CommandRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe(), errors = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        // Both pipes are drained at once so that neither fills up and blocks the child.
        let errorHandle = errors.fileHandleForReading, drained = Drained(), group = DispatchGroup()
        DispatchQueue.global().async(group: group) { drained.data = errorHandle.readDataToEndOfFile() }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let err = drained.data
        process.waitUntilExit()
        return CommandRun(
            status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
            output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    /// Runs one of this package's executables by name (see `url(_:)`).
    public static func run(_ name: String, _ arguments: [String], in directory: URL? = nil, input: Data? = nil) throws -> CommandRun {
        try run(try url(name), arguments, in: directory, input: input)
    }

    /// Standard error, read on another queue; read back only after that queue is done (`group.wait()`).
    private final class Drained: @unchecked Sendable { var data = Data() }

    /// The reason a test fails when the binary is not built.
    public struct Missing: Error, CustomStringConvertible {
        public let name: String
        public let near: String
        public var description: String {
            "\(name) is not built beside the tests (looked in \(near) and above): run `swift build --build-tests` first, as `make test` does"
        }
    }
}

/// How a command ended and what it printed.
public struct CommandRun: Sendable {
    public var status: Int32
    /// Ended by a signal (e.g. a kill injected by strace) rather than by exiting.
    public var killed: Bool
    public var output: String
    public var errors: String
}
