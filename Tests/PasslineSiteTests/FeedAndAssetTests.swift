import Foundation
@testable import PasslineCore
import Testing
@testable import PasslineSite
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct FeedAndAssetTests {
    @Test func theFeedIsAtomWithOneEntryPerNoticeAndPerChangelogEntryDatedByTheContent() throws {
        let site = try Fixture.generate().files
        let feed = try #require(site["feed.xml"])
        #expect(XMLParser(data: feed).parse(), "well-formed XML")
        let text = String(decoding: feed, as: UTF8.self)
        let book = try ContentLoader(directory: Fixture.content).load().book
        #expect(text.count(of: "<entry>") == book.notices.count + book.changelog.count)
        // A notice's entry is dated by its signature day and links to the page it keeps for good.
        #expect(text.contains("<id>urn:passline:notice:2025-01-15</id>\n<published>2025-01-15T00:00:00+08:00</published>"))
        #expect(text.contains(#"<link rel="alternate" type="text/html" href="notice-2024-09-20.html"/>"#))
        #expect(text.contains("<title>2024年9月20日通告《关于开展计算机软件资格考试、通信职业水平考试单独划线地区证书补申领工作的通告》</title>"))
        #expect(
            text.contains("<summary>摘要,非原文。申请时间:2024年9月23日9:00至2024年10月25日17:00(北京时间)。</summary>"),
            "a summary's entry says what it is and when its window ran (domain facts §4.1)")
        // A changelog entry is dated by its day; the feed is as new as its newest entry, never the build.
        let newest = try #require(book.changelog.first)
        #expect(text.contains("<id>urn:passline:changelog:\(newest.id)</id>\n<published>\(newest.date)T00:00:00+08:00</published>"))
        #expect(text.contains("<updated>\(max(newest.date, "2025-01-15"))T00:00:00+08:00</updated>\n<author>"))
        #expect(XMLParser(data: try #require(site["sitemap.xml"])).parse())
        #expect(site.text("sitemap.xml")?.contains("<loc>zh-Hant/calculator.html</loc>") == true)
        #expect(site.text("robots.txt") == "User-agent: *\nAllow: /\n")
    }

    @Test func withAnAddressTheSitemapIsAbsoluteAndAnnounced() throws {
        let context = try SiteBuilder(
            options: SiteOptions(content: Fixture.content, output: "/nonexistent", baseURL: "https://example.org/passline"),
            steps: SiteBuilder.generationSteps
        ).build()
        #expect(context.files.text("sitemap.xml")?.contains("<loc>https://example.org/passline/index.html</loc>") == true)
        #expect(context.files.text("robots.txt")?.contains("Sitemap: https://example.org/passline/sitemap.xml") == true)
    }

    @Test func minifiedScriptsKeepStringsRegexesAndLineBreaksThatMatter() {
        let source = """
            /* header */
            var url = 'https://x.org/a//b'; // a comment
            var re = /\\/\\/[/*]+/g, half = 10 / 2 / 5;
            var a = 1
            var b = a + +a
            return /x/.test(s)
            """
        let out = AssetMinifier.javaScript(source)
        #expect(out == "var url='https://x.org/a//b';var re=/\\/\\/[/*]+/g,half=10/2/5;var a=1\nvar b=a+ +a\nreturn/x/.test(s)\n")
    }

    @Test func theMinifiedCalculatorGivesTheCaseTableVerdictsOnTheEmbeddedRules() throws {
        let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(node != nil, "node is needed to run eligibility.js")
        let site = try Fixture.generate().files
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try site["assets/eligibility.js"]!.write(to: folder.appendingPathComponent("eligibility.js"))
        try Data(EmbeddedRulesReader.rules(inPage: site.html("calculator.html"))!.utf8).write(
            to: folder.appendingPathComponent("rules.json"))
        // Each session's file, as the page loads it when that session is asked about.
        var sessions: [String] = []
        for path in site.paths where path.hasPrefix(CalculatorSessionFile.folder) {
            let script = try #require(site.text(path))
            sessions.append(try #require(CalculatorSessionFile.json(inScript: script)))
        }
        try Data(("[" + sessions.joined(separator: ",") + "]").utf8).write(to: folder.appendingPathComponent("sessions.json"))
        // Cases the form can produce: a listed exam, session and level, one score per subject, no override of `now` beyond the table's.
        let script = """
            const { evaluate } = require('./eligibility.js');
            const rules = require('./rules.json');
            const sessions = require('./sessions.json');
            const file = (i) => sessions.find((s) => s.exam === i.exam && s.session === i.session);
            const table = require('\(Fixture.root.path)/Tests/Cases/eligibility.json').cases;
            const formCan = (i) => rules.exams.some((e) => e.id === i.exam && e.levels.some((l) => l.level === i.level && l.subjects.length === i.scores.length))
              && (rules.sessionList[i.exam] || []).some(([id]) => id === i.session) && file(i) && file(i).sessionRules.thresholds.some((t) => t.level === i.level);
            let checked = 0, wrong = [];
            for (const c of table.filter((c) => formCan(c.input))) {
              const s = file(c.input);
              const v = evaluate(Object.assign({}, rules, { notices: s.notices, sessions: [s.sessionRules] }), c.input); checked++;
              for (const k of Object.keys(c.expect)) if (JSON.stringify(v[k]) !== JSON.stringify(c.expect[k])) wrong.push(c.name + ': ' + k);
            }
            console.log(JSON.stringify({ checked, wrong }));
            """
        try script.write(to: folder.appendingPathComponent("run.js"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node!)
        process.arguments = ["run.js"]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        struct Result: Decodable { let checked: Int; let wrong: [String] }
        let result = try JSONDecoder().decode(Result.self, from: data)
        #expect(result.checked >= 30, "only \(result.checked) cases checked")
        #expect(result.wrong.isEmpty, "\(result.wrong)")
    }
}

/// `rules.json` is the site's public API: encoding its notices on every core must not change a byte.
@Suite struct RulesFileTests {
    @Test func theSplicedEncodingIsByteForByteTheWholeBookEncodedAtOnce() throws {
        var book = try ContentLoader(directory: Fixture.content).load().book
        // Content's two rounds, then the same rounds repeated, so the splice joins many notices.
        book.notices += book.notices.map {
            var copy = $0; copy.id += "-copy"; return copy
        }
        #expect(book.notices.count >= 4)
        var whole = try RuleBook.jsonEncoder(pretty: true).encode(book)
        whole.append(0x0A)
        let spliced = try RulesFile.encode(book)
        #expect(spliced == whole)
        #expect(try RulesFile.encode(book, batch: 3) == whole, "batches of 3 and 1: the joins between batches too")
        let decoded = try RuleBook.jsonDecoder().decode(RuleBook.self, from: spliced)
        #expect(decoded.notices.map(\.id) == book.notices.map(\.id))
    }

    @Test func aBookWithoutNoticesIsEncodedWhole() throws {
        var book = try ContentLoader(directory: Fixture.content).load().book
        book.notices = []
        var whole = try RuleBook.jsonEncoder(pretty: true).encode(book)
        whole.append(0x0A)
        #expect(try RulesFile.encode(book) == whole)
    }

    /// Each notice written by hand is what `JSONEncoder` writes for it, for the real notices and for
    /// generated ones that reach every branch: absent and empty optionals, empty lists and tables, role
    /// names that sort differently by bytes and by letters, every control character, quotes,
    /// backslashes, slashes and characters beyond the BMP.
    @Test func everyNoticeIsWrittenByHandAsJSONEncoderWritesIt() throws {
        let book = try ContentLoader(directory: Fixture.content).load().book
        var generator = SeededGenerator(seed: 20250115)
        let generated = (0..<200).map { _ in Self.notice(from: book.notices.randomElement(using: &generator)!, using: &generator) }
        for notice in book.notices + generated {
            for indent in [0, 4] {
                var json = PrettyJSON(indent: indent)
                NoticeJSON.write(notice, to: &json)
                let expected = try RuleBook.jsonEncoder(pretty: true).encode(notice)
                // Its later lines moved right, empty ones left empty (as the lines of `rules.json` are).
                let lines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let reindented = Array(
                    ([lines[0]] + lines.dropFirst().map { $0.isEmpty ? $0 : String(repeating: " ", count: indent) + $0 }).joined(
                        separator: "\n"
                    ).utf8)
                #expect(json.bytes == reindented, "\(notice.id) at indent \(indent)")
            }
        }
    }

    static let alphabet: [String] =
        ["a", "Z", "_", "0", "中", "文", "é", "😀", "\"", "\\", "/", "<", "&", " ", "\u{7F}", "\u{2028}", "\u{FEFF}"]
        + (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }

    static func text(using generator: inout SeededGenerator, length: ClosedRange<Int> = 0...12) -> String {
        (0..<Int.random(in: length, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
    }

    static func notice(from base: Notice, using g: inout SeededGenerator) -> Notice {
        var notice = base
        notice.id = text(using: &g)
        notice.addressee = Bool.random(using: &g) ? nil : text(using: &g)
        notice.title = text(using: &g)
        notice.body = text(using: &g, length: 0...40)
        notice.review =
            Bool.random(using: &g)
            ? nil
            : Window(
                start: Date(timeIntervalSince1970: Double(Int.random(in: 0...2_000_000_000, using: &g))),
                end: Date(timeIntervalSince1970: 2_000_000_000), clause: Bool.random(using: &g) ? nil : text(using: &g))
        notice.application.clause = Bool.random(using: &g) ? nil : text(using: &g)
        notice.legalBasis = (0..<Int.random(in: 0...3, using: &g)).map { _ in text(using: &g) }
        notice.sources = (0..<Int.random(in: 0...2, using: &g)).map { _ in text(using: &g) }
        notice.covers = (0..<Int.random(in: 0...3, using: &g)).map { _ in
            Coverage(exam: text(using: &g), session: text(using: &g), clause: Bool.random(using: &g) ? nil : text(using: &g))
        }
        notice.roles = Dictionary(
            (0..<Int.random(in: 0...5, using: &g)).map { _ in (text(using: &g, length: 1...6), text(using: &g)) },
            uniquingKeysWith: { a, _ in a })
        notice.clauses = (0..<Int.random(in: 0...4, using: &g)).map { _ in
            Clause(
                id: text(using: &g), anchor: text(using: &g), depth: Int.random(in: -1...3, using: &g),
                text: text(using: &g, length: 0...30), html: text(using: &g, length: 0...30))
        }
        return notice
    }
}

/// Random values that are the same on every run (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
