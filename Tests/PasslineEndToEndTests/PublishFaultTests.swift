import Foundation
import PasslineTesting
import Testing
@testable import PasslineSite

/// `passline build` killed at every file-system call of a publish, and raced against itself, as the
/// real binary (issue 18: a kill during the rename phase left a mixed site in 7 of 13 trials; two
/// builds into one output ended mixed in 5 of 10).
///
/// Scenario: the published site is `Content/` in both scripts (48 files); the new one has an edited
/// FAQ answer and only zh-Hans (28 files): files change, stay, and vanish. After each kill the output
/// must be exactly one of the two sites, and the next build must publish the new one and leave nothing
/// beside it.
@Suite(.serialized) struct PublishFaultTests {
    /// The binary under test; reading it throws (the test fails) when it is not built.
    static var binary: String { get throws { try BuiltExecutable.url("passline").path } }
    static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }
    /// The calls that change names in the file system; the kill lands on each of them in turn.
    static let calls = ["rename", "renameat", "renameat2", "link", "linkat", "unlink", "unlinkat", "rmdir"]

    struct Outcome {
        let status: Int32
        let killed: Bool
        let errors: String
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal, errors: text)
    }

    struct Scenario {
        let folder: URL
        let edited: URL
        let old: SiteFiles
        let new: SiteFiles
        let oldSite: URL
        var work: URL { folder.appendingPathComponent("work/Site") }

        func rebuild() -> [String] { ["build", "--content", edited.path, "--output", work.path, "--scripts", "zh-Hans"] }

        /// The output back to the old site, nothing beside it.
        func reset() throws {
            try? FileManager.default.removeItem(at: work.deletingLastPathComponent())
            try FileManager.default.createDirectory(at: work.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: oldSite, to: work)
        }

        func leftovers() throws -> [String] {
            // The build cache (`.Site.cache`) is kept on purpose; anything else beside the output is a leftover.
            try FileManager.default.contentsOfDirectory(atPath: work.deletingLastPathComponent().path).filter {
                $0 != "Site" && $0 != ".Site.cache"
            }
        }
    }

    static func scenario() throws -> Scenario {
        let binary = try binary
        let scratch = try ScratchContent()
        let folder = scratch.top, edited = scratch.root
        let faq = try #require(
            try FileManager.default.contentsOfDirectory(atPath: edited.appendingPathComponent("faq").path).sorted().first)
        let file = edited.appendingPathComponent("faq/" + faq)
        try (try String(contentsOf: file, encoding: .utf8) + "\n补充说明一句。\n").write(to: file, atomically: true, encoding: .utf8)
        let oldSite = folder.appendingPathComponent("old/Site"), newSite = folder.appendingPathComponent("new/Site")
        #expect(try run(binary, ["build", "--content", Repository.content, "--output", oldSite.path]).status == 0)
        #expect(try run(binary, ["build", "--content", edited.path, "--output", newSite.path, "--scripts", "zh-Hans"]).status == 0)
        let scenario = Scenario(
            folder: folder, edited: edited, old: try SiteFiles.read(directory: oldSite), new: try SiteFiles.read(directory: newSite),
            oldSite: oldSite)
        #expect(scenario.old != scenario.new && scenario.old.paths.count > scenario.new.paths.count)
        return scenario
    }

    static func difference(_ site: SiteFiles, _ other: SiteFiles) -> [String] {
        Set(site.paths).union(other.paths).sorted().filter { site[$0] != other[$0] }
    }

    @Test func aKillAtEveryRenameLinkAndUnlinkOfAPublishLeavesExactlyTheOldSiteOrTheNew() throws {
        let strace = try #require(PublishFaultTests.strace, "strace is needed (scripts/deps.sh installs it)")
        let scenario = try PublishFaultTests.scenario()
        defer { try? FileManager.default.removeItem(at: scenario.folder) }

        // One clean rebuild, traced: which calls it makes, how many, from which threads. strace counts
        // `when=k` per thread, so each kind of call must come from one thread for k = 1…n to hit
        // every one of them.
        try scenario.reset()
        let trace = scenario.folder.appendingPathComponent("trace").path
        let traced = try PublishFaultTests.run(
            strace,
            ["-f", "-o", trace, "-e", "trace=" + PublishFaultTests.calls.joined(separator: ","), PublishFaultTests.binary]
                + scenario.rebuild())
        #expect(traced.status == 0, "\(traced.errors)")
        var counts: [String: Int] = [:], threads: [String: Set<Substring>] = [:]
        for line in try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n") {
            // strace pads the thread id to five columns: "7048  linkat(…" has two spaces.
            let fields = line.split(separator: " ", maxSplits: 1)
            guard fields.count == 2, let open = fields[1].firstIndex(of: "(") else { continue }
            let name = String(fields[1][..<open]).trimmingCharacters(in: .whitespaces)
            guard PublishFaultTests.calls.contains(name) else { continue }
            counts[name, default: 0] += 1
            threads[name, default: []].insert(fields[0])
        }
        #expect(counts["renameat2"] == 1, "one exchange switches the site in: \(counts)")
        for (name, ids) in threads {
            #expect(ids.count == 1, "\(name) is called from \(ids.count) threads; a kill at each k would miss some calls")
        }

        var old = 0, new = 0, trials = 0
        for (name, count) in counts.sorted(by: { $0.key < $1.key }) {
            for k in 1...count {
                try scenario.reset()
                let outcome = try PublishFaultTests.run(
                    strace,
                    [
                        "-f", "-o", "/dev/null", "-e", "trace=\(name)", "-e", "inject=\(name):signal=SIGKILL:when=\(k)",
                        PublishFaultTests.binary
                    ] + scenario.rebuild())
                #expect(outcome.killed, "the build was killed at \(name) #\(k): \(outcome.errors)")
                trials += 1
                let left = try SiteFiles.read(directory: scenario.work)
                if left == scenario.old {
                    old += 1
                } else if left == scenario.new {
                    new += 1
                } else {
                    Issue.record(
                        "a kill at \(name) #\(k) left a mix: differs from the old site in \(PublishFaultTests.difference(left, scenario.old).prefix(5)), from the new in \(PublishFaultTests.difference(left, scenario.new).prefix(5))"
                    )
                }
                // The next build clears what the killed one left and publishes.
                let next = try PublishFaultTests.run(PublishFaultTests.binary, scenario.rebuild())
                #expect(next.status == 0, "after a kill at \(name) #\(k): \(next.errors)")
                #expect(try SiteFiles.read(directory: scenario.work) == scenario.new)
                let rest = try scenario.leftovers()
                #expect(rest.isEmpty, "after a kill at \(name) #\(k) and a rebuild: \(rest)")
            }
        }
        print(
            "publish fault injection: \(trials) kills (\(counts.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))): old site \(old), new site \(new), mixed \(trials - old - new)"
        )
        #expect(old > 0 && new > 0, "kills landed on both sides of the switch")
    }

    @Test func twoBuildsRacedIntoOneOutputOneIsRefusedAndTheOutputIsTheOthers() throws {
        let scenario = try PublishFaultTests.scenario()
        defer { try? FileManager.default.removeItem(at: scenario.folder) }
        // The output starts as a third site (the edited content in both scripts), so either winner's
        // site is told apart from what was there.
        let start = scenario.folder.appendingPathComponent("start/Site")
        #expect(
            try PublishFaultTests.run(PublishFaultTests.binary, ["build", "--content", scenario.edited.path, "--output", start.path]).status
                == 0)
        let initial = try SiteFiles.read(directory: start)
        let builds = [
            (["build", "--content", Repository.content, "--output", scenario.work.path], scenario.old),
            (scenario.rebuild(), scenario.new)
        ]
        var refused = 0
        for trial in 0..<6 {
            try? FileManager.default.removeItem(at: scenario.work.deletingLastPathComponent())
            try FileManager.default.createDirectory(at: scenario.work.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: start, to: scenario.work)
            let order = trial % 2 == 0 ? builds : builds.reversed()
            let processes = try order.map { arguments, _ -> (Process, Pipe) in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: try PublishFaultTests.binary)
                process.arguments = arguments
                let errors = Pipe()
                process.standardError = errors
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                return (process, errors)
            }
            let results = processes.map { process, errors -> (Int32, String) in
                let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                return (process.terminationStatus, text)
            }
            let published = try SiteFiles.read(directory: scenario.work)
            #expect(published != initial, "trial \(trial): somebody published")
            let losers = results.indices.filter { results[$0].0 != 0 }
            if losers.count == 1 {
                refused += 1
                let loser = losers[0], winner = 1 - loser
                #expect(results[loser].1.contains("另一个 passline 构建"), "trial \(trial): \(results[loser].1)")
                #expect(results[loser].1.contains("没有改动"), "trial \(trial): the refused build says it changed nothing")
                #expect(published == order[winner].1, "trial \(trial): the output is exactly the site of the build that ran")
            } else {
                // They did not overlap (one ended before the other began): both published, in turn.
                #expect(losers.isEmpty, "trial \(trial): \(results.map(\.1))")
                #expect(published == scenario.old || published == scenario.new, "trial \(trial): a mix")
            }
            let rest = try scenario.leftovers()
            #expect(rest.isEmpty, "trial \(trial): \(rest)")
        }
        print("publish race: \(refused) of 6 trials overlapped and refused the second build; none mixed")
        #expect(refused >= 3, "the builds overlapped in only \(refused) of 6 trials")
    }
}
