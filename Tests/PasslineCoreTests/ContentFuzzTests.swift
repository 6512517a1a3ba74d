import Foundation
import Testing
@testable import PasslineCore

/// A seeded random-input test of the content loader: content files mutated byte by byte and spliced
/// with every input that once crashed or hung `check` (`HostileContentTests`), read file by file and
/// as whole content trees. Whatever comes in, loading must end with a book or with `ContentErrors`
/// whose every diagnostic names a file of the tree, a line of that file and a reason; a loaded book
/// must hold only valid ids, in-range numbers, allow-listed addresses and no unresolved reference.
///
/// In `make test` it runs a fixed number of rounds from a fixed seed (about 15 s). For a long run (both
/// tests side by side, each for the time given):
/// `PASSLINE_FUZZ_SECONDS=600 PASSLINE_FUZZ_SEED=7 swift test --filter ContentFuzzTests`; a failure
/// prints the seed and round, so it can be replayed with `PASSLINE_FUZZ_SEED` and `PASSLINE_FUZZ_ROUND`.
@Suite struct ContentFuzzTests {
    /// SplitMix64: small, fast and the same on every machine.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    struct Settings {
        var seed: UInt64
        var seconds: Double?
        var fileRounds: Int
        var treeRounds: Int
        var onlyRound: Int?

        static let current: Settings = {
            let environment = ProcessInfo.processInfo.environment
            return Settings(
                seed: environment["PASSLINE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_250_115,
                seconds: environment["PASSLINE_FUZZ_SECONDS"].flatMap(Double.init),
                fileRounds: 1_500, treeRounds: 120,
                onlyRound: environment["PASSLINE_FUZZ_ROUND"].flatMap { Int($0) })
        }()

        /// Whether round `round` runs, started at `start`.
        func runs(_ round: Int, rounds: Int, since start: Date) -> Bool {
            if let onlyRound { return round == onlyRound }
            if let seconds { return Date().timeIntervalSince(start) < seconds }
            return round < rounds
        }
    }

    /// The inputs that crashed, hung or leaked before (issues 16 and 18), as text to splice in.
    static let seeds: [String] = [
        "senior: 1e30", "full_marks: 1e30", "pass_mark: 1e308", "order: 1e30", "order: -9223372036854775809", "order: 0x7fffffffffffffff",
        "junior: .nan", "junior: .inf", "junior: ４２", "junior: 99999999999999999999999",
        "## " + String(repeating: "一", count: 3_000) + "、大", "(" + String(repeating: "十", count: 500) + ")项", "99999999999.项",
        String(repeating: ">", count: 20_000) + " 深", String(repeating: "- ", count: 20_000) + "深",
        String(repeating: "*", count: 20_000) + "深" + String(repeating: "*", count: 20_000), String(repeating: "[", count: 5_000) + "x",
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
        "x: " + String(repeating: "[", count: 3_000) + String(repeating: "]", count: 3_000), "? *a\n: b", "<<: *base",
        "x: !!binary aGVsbG8=",
        "id: ../../../PWNED", "id: a/b", "id: \"a\\nb\"", "id: \"with space\"", "id: ..", "session: ../2024",
        "\u{0}", "\u{7}", "\u{1B}[31m", "\u{85}", "\u{FEFF}", "\r", "\r\n", "question: \"\\0\"", "title: \"\\a\\b\\e\"",
        "url: \"javascript:alert(1)\"", "source_url: data:text/html,x", "[x](javascript:alert(1))", "<vbscript:x>",
        "![x](https://evil.example/p.png)",
        "[x](//evil.example)", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!-- 备注 -->",
        "question: ~", "title: null", "label: ", "{{notice.title}}", "{{", "{{ }}", "{{notice.\u{0}}}", "---", "---\n---\n",
        "\t- tab", "key: [unclosed", "\"unterminated", String(repeating: "长", count: 3_000), String(repeating: "k", count: 2_000) + ": v",
        "application: {start: 2025-02-30T09:00+08:00, end: 2025-13-01T17:00+08:00}", "date: 0000-00-00", "date: 99999-01-01",
        "2025年2月30日9:00至99月99日99:99", "十二万亿分(含)", "４２分(含)", "四十二分(含)"
    ]

    @Test func randomContentFilesLoadOrFailWithDiagnostics() throws {
        let settings = Settings.current
        let originals = try Self.baseFiles() + Self.extraFiles()
        let start = Date()
        var round = settings.onlyRound ?? 0
        while settings.runs(round, rounds: settings.fileRounds, since: start) {
            defer { round += 1 }
            var random = Seeded(state: settings.seed &+ UInt64(round) &* 0x1000_0001)
            let (relative, original) = originals.randomElement(using: &random)!
            let text = String(decoding: Self.mutate(Array(original.utf8), &random), as: UTF8.self)
            let diagnostics = Self.readAlone(text, relative: relative)
            let lines = Self.lineCount(text)
            for diagnostic in diagnostics {
                let where_ = "seed \(settings.seed) round \(round) \(relative): \(diagnostic)"
                #expect(diagnostic.path == relative, "\(where_)")
                #expect(diagnostic.line >= 1 && diagnostic.line <= lines, "\(where_)")
                #expect(!diagnostic.message.isEmpty && !diagnostic.message.unicodeScalars.contains { $0.value == 0 }, "\(where_)")
            }
        }
        print(
            "content fuzz: \(round - (settings.onlyRound ?? 0)) file rounds from seed \(settings.seed) in \(Int(Date().timeIntervalSince(start))) s"
        )
    }

    @Test func randomContentTreesLoadOrFailWithDiagnostics() throws {
        let settings = Settings.current
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        let originals = try Self.baseFiles()
        let start = Date()
        var round = settings.onlyRound ?? 0, loaded = 0
        while settings.runs(round, rounds: settings.treeRounds, since: start) {
            defer { round += 1 }
            var random = Seeded(state: settings.seed &+ UInt64(round) &* 0x2000_0003)
            let count = Int.random(in: 1...3, using: &random)
            var changed: [String: String] = [:]
            for _ in 0..<count {
                let (relative, original) = originals.randomElement(using: &random)!
                let before = Array((changed[relative] ?? original).utf8)
                // Half the rounds change only digits and numerals, so the files still parse and the
                // cross-checks (prose against data, windows, archive) see the change.
                let bytes = round % 2 == 0 ? Self.nudge(before, &random) : Self.mutate(before, &random)
                // Written as bytes: invalid UTF-8 reaches the loader as an editor's file would.
                try Data(bytes).write(to: fixture.root.appendingPathComponent(relative))
                changed[relative] = String(decoding: bytes, as: UTF8.self)
            }
            defer { for relative in changed.keys { try? fixture.write(relative, originals.first { $0.0 == relative }!.1) } }
            let place = "seed \(settings.seed) round \(round) (\(changed.keys.sorted().joined(separator: ", ")))"
            do {
                let (book, warnings) = try fixture.load()
                loaded += 1
                check(book, place)
                check(warnings, changed: changed, originals: originals, fixture: fixture, place)
            } catch let errors as ContentErrors {
                #expect(errors.diagnostics.contains { $0.severity == .error }, "\(place)")
                check(errors.diagnostics, changed: changed, originals: originals, fixture: fixture, place)
            } catch {
                Issue.record("\(place): \(error) is not ContentErrors")
            }
        }
        print(
            "content fuzz: \(round - (settings.onlyRound ?? 0)) tree rounds (\(loaded) loaded) from seed \(settings.seed) in \(Int(Date().timeIntervalSince(start))) s"
        )
    }

    // MARK: invariants

    private func check(
        _ diagnostics: [Diagnostic], changed: [String: String], originals: [(String, String)], fixture: ContentFixture, _ place: String
    ) {
        let prefix = fixture.root.path + "/"
        for diagnostic in diagnostics {
            #expect(diagnostic.path.hasPrefix(prefix) || diagnostic.path == fixture.root.path, "\(place): \(diagnostic)")
            let relative = String(diagnostic.path.dropFirst(prefix.count))
            if let text = changed[relative] ?? originals.first(where: { $0.0 == relative })?.1 {
                let lines = Self.lineCount(text)
                #expect(diagnostic.line <= lines, "\(place): \(diagnostic) is past the file's \(lines) lines")
            }
            #expect(!diagnostic.message.isEmpty, "\(place): \(diagnostic)")
        }
    }

    /// What a loaded book promises the site and the bot.
    private func check(_ book: RuleBook, _ place: String) {
        let ids = book.exams.map(\.id) + book.notices.map(\.id) + book.sources.map(\.id) + book.areas.map(\.id) + book.faq.map(\.id)
        for id in ids { #expect(ContentID(rawValue: id) != nil, "\(place): id \(id)") }
        for session in book.sessions {
            let form = book.exam(session.exam)?.sessionForm
            #expect(form.map { ContentID(session: session.id, form: $0) != nil } == true, "\(place): session \(session.key)")
            for threshold in session.thresholds { #expect(ContentRanges.marks.contains(threshold.score), "\(place)") }
        }
        for entry in book.faq {
            #expect(ContentRanges.order.contains(Double(entry.order)), "\(place)")
            #expect(!entry.answer.contains("{{") || FactTable.firstReference(in: entry.answer[...]) == nil, "\(place): \(entry.id)")
        }
        for source in book.sources { #expect(LinkPolicy.problem(address: source.url) == nil, "\(place): \(source.url)") }
        for notice in book.notices { #expect(LinkPolicy.problem(address: notice.sourceURL) == nil, "\(place): \(notice.sourceURL)") }
        let texts = book.notices.flatMap { [$0.title, $0.body] } + book.faq.flatMap { [$0.question, $0.answer] } + book.sources.map(\.title)
        for text in texts { #expect(!text.unicodeScalars.contains(where: ControlCharacters.isControl), "\(place)") }
    }

    /// At most this many lines: every LF and every CR may end one.
    static func lineCount(_ text: String) -> Int { text.utf8.filter { $0 == 0x0A || $0 == 0x0D }.count + 1 }

    // MARK: inputs

    static func baseFiles() throws -> [(String, String)] {
        let base = Repo.fixtures.appendingPathComponent("base")
        let files = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        return try files.sorted().map { ($0, try String(contentsOf: base.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// The bot's vocabulary and the changelog, which only the shipped content has.
    static func extraFiles() throws -> [(String, String)] {
        let content = URL(fileURLWithPath: Repo.content)
        return try ["inquiry/intents.md", "inquiry/words.md", "inquiry/places.md", "inquiry/replies.md", "changelog.md"].map {
            ($0, try String(contentsOf: content.appendingPathComponent($0), encoding: .utf8))
        }
    }

    /// One file read the way the loader reads it, alone: split, scanned, checked and read by its kind.
    static func readAlone(_ text: String, relative: String) -> [Diagnostic] {
        let log = DiagnosticLog()
        switch ContentFile.parse(text, displayPath: relative) {
        case let .failure(diagnostic):
            return [diagnostic]
        case let .success(file):
            let folder = relative.split(separator: "/").dropLast().joined(separator: "/")
            PlaceholderCheck.scan(file, folder: folder, log: log)
            if relative != "changelog.md" { BodyCheck.run(file, log: log) }
            var reader = ContentReader(log: log)
            var inquiry = InquiryContentReader(log: log)
            var changelog = ChangelogReader(log: log)
            switch (folder, relative) {
            case (_, "sources.md"): reader.readSources(file)
            case (_, "qualifications.md"): reader.readQualifications(file)
            case (_, "messages.md"): reader.readMessages(file)
            case (_, "changelog.md"): changelog.read(file)
            case ("exams", _): reader.readExam(file)
            case ("sessions", _): reader.readSession(file)
            case ("notices", _): reader.readNotice(file)
            case ("areas", _): reader.readArea(file)
            case ("faq", _): reader.readFAQ(file)
            default: inquiry.read(file)
            }
            let loaded = changelog.finish(inquiry.finish(reader.finish()))
            _ = FactTable.resolve(loaded, log: log)
            return log.diagnostics
        }
    }

    /// One to three digits or Chinese numerals changed to others: structure kept, facts changed.
    static func nudge(_ original: [UInt8], _ random: inout Seeded) -> [UInt8] {
        var characters = Array(String(decoding: original, as: UTF8.self))
        let numerals: [Character] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        let places = characters.indices.filter { characters[$0].isASCII && characters[$0].isNumber || numerals.contains(characters[$0]) }
        guard !places.isEmpty else { return original }
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let at = places.randomElement(using: &random)!
            characters[at] =
                characters[at].isASCII ? Character(String(Int.random(in: 0...9, using: &random))) : numerals.randomElement(using: &random)!
        }
        return Array(String(characters).utf8)
    }

    /// One to four edits of `text`: bytes flipped, inserted or deleted, ranges duplicated or cut, seeds
    /// spliced in at a line start or anywhere, values replaced, line ends changed.
    static func mutate(_ original: [UInt8], _ random: inout Seeded) -> [UInt8] {
        var bytes = original
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<10, using: &random) {
            case 0 where !bytes.isEmpty:
                bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 1:
                bytes.insert(
                    contentsOf: [[0x00], [0x0D], [0xFF], [0xC2, 0x85], [0xE2, 0x80, 0xAE], [0x5C], [0x26], [0x2A], [0x7B, 0x7B]]
                        .randomElement(using: &random)!, at: at)
            case 2 where !bytes.isEmpty:
                bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)))
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, at + Int.random(in: 1...200, using: &random))
                bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0...bytes.count, using: &random))
            case 4, 5:
                let lineStart = bytes[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                bytes.insert(contentsOf: Array((seeds.randomElement(using: &random)! + "\n").utf8), at: lineStart)
            case 6:
                bytes.insert(contentsOf: Array(seeds.randomElement(using: &random)!.utf8), at: at)
            case 7:
                // A value after "key: " replaced by a seed's value.
                if let colon = bytes[at...].firstIndex(of: 0x3A), let end = bytes[colon...].firstIndex(of: 0x0A) {
                    let seed = seeds.randomElement(using: &random)!
                    let value = seed.firstIndex(of: ":").map { String(seed[seed.index(after: $0)...]) } ?? " " + seed
                    bytes.replaceSubrange((colon + 1)..<end, with: Array(value.utf8))
                }
            case 8:
                bytes = Array(
                    String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: Bool.random(using: &random) ? "\r" : "\r\n")
                        .utf8)
            default:
                bytes.removeSubrange(min(at, bytes.count)...)
            }
        }
        return bytes
    }
}
