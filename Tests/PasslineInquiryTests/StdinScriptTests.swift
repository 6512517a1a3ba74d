import Foundation
import Testing
@testable import PasslineInquiry

/// Runs each Tests/inquiry/*.txt through the built `inquiry` binary on stdin with `--json`, as a
/// helpdesk script would, and checks every JSON line against the `#>` expectations in the file.
@Suite(.enabled(if: InquiryBinary.url != nil, "the inquiry executable is not built"))
struct StdinScriptTests {
    struct Script {
        var name: String
        var now: String
        var questions: [String] = []
        /// Expectations per question index.
        var checks: [Int: [String]] = [:]
    }

    static func scripts() throws -> [Script] {
        let files = try FileManager.default.contentsOfDirectory(at: Repo.scripts, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { url in
            var script = Script(name: url.lastPathComponent, now: "2025-02-10T10:00:00+08:00")
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true) {
                if line.hasPrefix("# now:") {
                    script.now = line.dropFirst(6).trimmingCharacters(in: .whitespaces)
                } else if line.hasPrefix("#>") {
                    let checks = line.dropFirst(2).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                    script.checks[script.questions.count - 1, default: []] += checks
                } else if !line.hasPrefix("#") {
                    script.questions.append(String(line))
                }
            }
            return script
        }
    }

    func run(_ script: Script) throws -> [[String: Any]] {
        guard let binary = InquiryBinary.url else { return [] }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--json", "--content", Repo.content, "--now", script.now]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data((script.questions.joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test func scriptsAreAnsweredAsExpected() throws {
        let scripts = try Self.scripts()
        #expect(!scripts.isEmpty)
        for script in scripts {
            let answers = try run(script)
            #expect(answers.count == script.questions.count, "\(script.name): one JSON object per question")
            for (index, checks) in script.checks.sorted(by: { $0.key < $1.key }) where index < answers.count {
                let answer = answers[index]
                let text = answer["answer"] as? String ?? ""
                let intent = answer["intent"] as? String ?? ""
                let citations = answer["citations"] as? [String] ?? []
                let needs = answer["needs"] as? [String] ?? []
                let place = "\(script.name) question \(index + 1) (\(script.questions[index]))"
                for check in checks {
                    let parts = check.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2 else { continue }
                    switch parts[0] {
                    case "intent": #expect(intent == parts[1], "\(place): intent \(intent)")
                    case "must": #expect(text.contains(parts[1]), "\(place): missing \(parts[1])")
                    case "not": #expect(!text.contains(parts[1]), "\(place): says \(parts[1])")
                    case "cites": #expect(citations.contains(parts[1]), "\(place): does not cite \(parts[1]) \(citations)")
                    case "needs": #expect((needs.first ?? "-") == parts[1], "\(place): needs \(needs)")
                    default: Issue.record("\(place): unknown check \(parts[0])")
                    }
                }
            }
        }
    }
}
