import Foundation
import PasslineTesting
import Testing

/// Runs each Tests/inquiry/*.txt through the built `inquiry` binary on stdin with `--json`, as a
/// helpdesk script would, and checks every JSON line against the `#>` expectations in the file.
/// Fails when the binary has not been built.
struct StdinScriptTests {
    struct Script {
        var name: String
        var now: String
        var questions: [String] = []
        /// Expectations per question index.
        var checks: [Int: [String]] = [:]
    }

    static func scripts() throws -> [Script] {
        let files = try FileManager.default.contentsOfDirectory(at: Repository.url("Tests/inquiry"), includingPropertiesForKeys: nil)
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
        let input = Data((script.questions.joined(separator: "\n") + "\n").utf8)
        let run = try BuiltExecutable.run("inquiry", ["--json", "--content", Repository.content, "--now", script.now], input: input)
        #expect(run.status == 0, "\(script.name): \(run.errors)")
        return run.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test func rawBytesOnStdinEachGetOneAnswer() throws {
        var input = Data()
        input.append(contentsOf: [0xFF, 0xFE, 0xE7, 0x94, 0xB3, 0xE8, 0xAF, 0xB7, 0x0A]) // invalid UTF-8 around 申请
        input.append(contentsOf: [0x01, 0x02, 0x1B, 0x5B, 0x41, 0x7F, 0x0A]) // control characters
        input.append(Data(String(repeating: "单", count: 40_000).utf8)); input.append(0x0A) // a 120 KB line
        input.append(Data("<img src=x onerror=alert(1)>\n".utf8))
        input.append(Data("补申领什么时候截止\r\n".utf8)) // CRLF
        let run = try BuiltExecutable.run(
            "inquiry", ["--json", "--content", Repository.content, "--now", "2025-02-10T10:00:00+08:00"], input: input)
        #expect(run.status == 0, "\(run.errors)")
        let answers = run.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(answers.count == 5)
        #expect((answers.last?["answer"] as? String)?.contains("2025年2月28日17:00") == true)
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
