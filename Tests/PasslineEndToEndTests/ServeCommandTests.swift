import Foundation
import PasslineTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `passline serve` itself, as a separate process.
@Suite(.serialized) struct ServeCommandTests {

    struct Running {
        let process: Process
        let port: UInt16
        func stop() { process.terminate(); process.waitUntilExit() }
    }

    static func serve(content: URL, output: URL, prefix: [String] = []) throws -> Running {
        let binary = try BuiltExecutable.url("passline").path
        let process = Process()
        let arguments = ["serve", "--content", content.path, "--port", "0", "--output", output.path]
        process.executableURL = URL(fileURLWithPath: prefix.first ?? binary)
        process.arguments = prefix.isEmpty ? arguments : Array(prefix.dropFirst()) + [binary] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(line.firstMatch(of: #/127\.0\.0\.1:(\d+)/#).flatMap { UInt16($0.1) }, "serve printed: \(line)")
        return Running(process: process, port: port)
    }

    static func waitForStatus(_ port: UInt16, timeout: TimeInterval = 60, _ accept: (String) -> Bool) throws -> String {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var last = ""
        while Date() < deadline {
            last = (try? TestClient(port: port).get("/__passline/status")) ?? ""
            if accept(last) { return last }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return last
    }

    @Test func aBrokenEditIsPushedToOpenPagesAndItsFixReloadsThem() throws {
        let scratch = try ScratchContent()
        defer { scratch.remove() }
        let folder = scratch.top, content = scratch.root
        let serve = try ServeCommandTests.serve(content: content, output: folder.appendingPathComponent("preview"))
        defer { serve.stop() }
        let first = try ServeCommandTests.waitForStatus(serve.port) { $0.contains(#""version":1"#) }
        #expect(first.contains(#""state":"ok""#), "\(first)")
        let stream = try TestClient(port: serve.port)
        stream.send("GET /__passline/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        _ = stream.read(until: "\n\n", after: "event: status", timeout: 5)

        try scratch.replace("sessions/ruankao-2024-H2.md", "senior: 40", with: "senior: 四十")
        var pushed = ""
        for _ in 0..<3 where !pushed.contains(#""state":"failed""#) {
            pushed = stream.read(until: "\n\n", after: "event: status", timeout: 60)
        }
        #expect(pushed.contains(#""state":"failed""#) && pushed.contains("ruankao-2024-H2.md:"), "\(pushed)")
        let page = try TestClient(port: serve.port).get("/thresholds.html")
        #expect(page.contains("passline-overlay") && page.contains("ruankao-2024-H2.md:"), "the page served now carries the error")
        #expect(page.contains("40"), "over the last good build")

        try scratch.replace("sessions/ruankao-2024-H2.md", "senior: 四十", with: "senior: 40")
        var fixed = ""
        for _ in 0..<3 where !fixed.contains(#""state":"ok""#) { fixed = stream.read(until: "\n\n", after: "event: status", timeout: 60) }
        #expect(fixed.contains(#""state":"ok""#) && fixed.contains(#""version":2"#), "\(fixed)")
        #expect(serve.process.isRunning)
    }

    @Test func outOfFileDescriptorsTheServerNeitherSpinsNorDies() throws {
        let prlimit = try #require(
            ["/usr/bin/prlimit", "/bin/prlimit"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "prlimit (util-linux) is needed")
        let scratch = try ScratchContent()
        defer { scratch.remove() }
        let folder = scratch.top, content = scratch.root
        // 64 descriptors: fewer than the connections below, so accept() runs out.
        let serve = try ServeCommandTests.serve(
            content: content, output: folder.appendingPathComponent("preview"), prefix: [prlimit, "--nofile=64:64"])
        defer { serve.stop() }
        #expect(try ServeCommandTests.waitForStatus(serve.port) { $0.contains(#""version":1"#) }.contains(#""state":"ok""#))
        let idle = try (0..<120).map { _ in try TestClient(port: serve.port) }
        Thread.sleep(forTimeInterval: 0.5)
        let before = try ServeCommandTests.cpuSeconds(serve.process.processIdentifier)
        Thread.sleep(forTimeInterval: 3)
        let spent = try ServeCommandTests.cpuSeconds(serve.process.processIdentifier) - before
        #expect(spent < 0.5, "the server used \(spent) s of CPU in 3 s while out of descriptors")
        idle.forEach { $0.close() }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(
            try TestClient(port: serve.port).get("/index.html", timeout: 15).hasPrefix("HTTP/1.1 200"),
            "serving again once the clients are gone")
        #expect(serve.process.isRunning)
    }

    /// User + system CPU time of a process, from /proc.
    static func cpuSeconds(_ pid: Int32) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let fields = stat[stat.range(of: ")")!.upperBound...].split(separator: " ")
        return (Double(fields[11])! + Double(fields[12])!) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
