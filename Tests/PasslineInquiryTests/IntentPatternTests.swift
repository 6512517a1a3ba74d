import Foundation
import PasslineCore
import Testing
@testable import PasslineInquiry

/// The character check before a pattern is compiled may only skip patterns that cannot match: a
/// question content's patterns recognise must be recognised as before.
@Suite struct IntentPatternTests {
    @Test func requiredCharactersOfTypicalPatterns() {
        #expect(RequiredCharacters.of("够线|过线了?吗") == ["够", "过"])
        #expect(RequiredCharacters.of("\\d+分?(和|,|/|跟)\\d+") == ["和", ",", "/", "跟"])
        #expect(RequiredCharacters.of("^(你好|hi)[!.?~]*$") == ["你", "h"])
        #expect(RequiredCharacters.of("\\(含\\)|含本数") == ["(", "含"])
        // Something optional, a class or an escape requires nothing, and unknown syntax is never guessed at.
        #expect(RequiredCharacters.of("(分数|标准)?[?.!]*$") == nil)
        #expect(RequiredCharacters.of("(?i)hello") == nil)
        #expect(RequiredCharacters.of("a{0,3}") == nil)
        #expect(RequiredCharacters.of("(?=考)考试|x") == nil)
    }

    @Test func aPatternIsSkippedOnlyWhenItCannotMatch() {
        let pattern = IntentPattern("(什么时候|何时).{0,6}(开始|截止)")
        #expect(pattern.matches("什么时候截止", characters: Set("什么时候截止")))
        #expect(!pattern.matches("热线电话是多少", characters: Set("热线电话是多少")))
    }

    /// Every pattern in content against every question of the evaluation set and every phrasing in
    /// content: the check never rejects a text the expression matches.
    @Test func theCheckNeverHidesAMatch() throws {
        let data = try Data(contentsOf: Repo.evaluation)
        let set = try JSONDecoder().decode(EvaluationTests.EvaluationSet.self, from: data)
        let normalizer = Repo.bot.normalizer
        var texts = set.conversations.flatMap { $0.turns.map(\.q) }
        texts += (Repo.book.inquiry?.intents ?? []).flatMap(\.phrasings)
        texts += Repo.book.faq.flatMap { [$0.question] + $0.phrasings }
        let questions = texts.map { normalizer.normalize($0).compact }
        var patterns = 0, matches = 0
        for intent in Repo.book.inquiry?.intents ?? [] {
            for source in intent.patterns {
                patterns += 1
                let pattern = IntentPattern(source)
                let regex = try #require(pattern.regex(), "pattern \(source) of \(intent.id) is not a valid expression")
                for question in questions where (try? regex.firstMatch(in: question)) != nil {
                    matches += 1
                    #expect(pattern.matches(question, characters: Set(question)), "\(source) skipped for \(question)")
                }
            }
        }
        #expect(patterns > 50 && matches > 100)
    }

    /// `PatternMatcher` answers as `Regex` does, both ways: every pattern in content against every
    /// question of the evaluation and dev sets and every phrasing, normalised as the bot reads them.
    @Test func theMatcherAgreesWithRegex() throws {
        let data = try Data(contentsOf: Repo.evaluation)
        let set = try JSONDecoder().decode(EvaluationTests.EvaluationSet.self, from: data)
        let normalizer = Repo.bot.normalizer
        var texts = set.conversations.flatMap { $0.turns.map(\.q) }
        let dev = try String(contentsOf: Repository.url("Tests/PasslineInquiryTests/Evaluation/dev.jsonl"), encoding: .utf8)
        for line in dev.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            if let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let q = object["q"] as? String {
                texts.append(q)
            }
        }
        texts += (Repo.book.inquiry?.intents ?? []).flatMap(\.phrasings)
        texts += Repo.book.faq.flatMap { [$0.question] + $0.phrasings }
        let questions = texts.map { normalizer.normalize($0).compact }
        var read = 0, matches = 0
        for source in (Repo.book.inquiry?.intents ?? []).flatMap(\.patterns) {
            let node = try #require(PatternSyntax.parse(source).flatMap(PatternMatcher.Program.init), "\(source) not read")
            let regex = try #require(try? Regex(source).asciiOnlyDigits())
            for question in questions {
                guard let scalars = PatternMatcher.Scalars(question) else { continue }
                read += 1
                let expected = (try? regex.firstMatch(in: question)) != nil
                if expected { matches += 1 }
                #expect(PatternMatcher.matches(node, in: scalars) == expected, "\(source) on \(question)")
            }
        }
        #expect(read > 10_000 && matches > 100)
    }

    /// Anchors, classes, bounded and optional repetitions, worked out by hand.
    @Test func theMatcherOnHandWorkedCases() throws {
        func matches(_ pattern: String, _ text: String) throws -> Bool {
            let node = try #require(PatternSyntax.parse(pattern).flatMap(PatternMatcher.Program.init))
            return PatternMatcher.matches(node, in: try #require(PatternMatcher.Scalars(text)))
        }
        #expect(try matches("^(你好|hi)[!.?~]*$", "你好!!"))
        #expect(try !matches("^(你好|hi)[!.?~]*$", "你好,请问"))
        #expect(try matches("(什么时候|何时).{0,6}(开始|截止)", "什么时候申请截止"))
        #expect(try !matches("(什么时候|何时).{0,2}(开始|截止)", "什么时候申请补领截止"))
        #expect(try matches("\\d+分?(和|,|/|跟)\\d+", "考了41分和43"))
        #expect(try !matches("\\d+分?(和|,|/|跟)\\d+", "考了四十一和43"))
        #expect(try matches("过线了?吗", "过线吗") && matches("过线了?吗", "过线了吗"))
        #expect(try matches("(分数线|合格线)[?.!]*$", "分数线?"))
        #expect(try !matches("(分数线|合格线)[?.!]*$", "分数线是多少"))
        // Text the matcher cannot read (a combining mark) goes to Regex.
        #expect(PatternMatcher.Scalars("e\u{301}") == nil)
        #expect(IntentPattern("考").matches("e\u{301}考", characters: Set("e\u{301}考")))
    }

    /// Required characters worked out from the tree are a subset of what every match holds: a pattern
    /// of content that matches a question shares one of them with it (as `RequiredCharacters`).
    @Test func requiredCharactersFromTheTree() throws {
        func required(_ pattern: String) throws -> Set<UInt32>? {
            try #require(PatternSyntax.parse(pattern).flatMap(PatternMatcher.Program.init)).required
        }
        #expect(try required("够线|过线了?吗") == Set("够过".unicodeScalars.map(\.value)))
        #expect(try required("\\d+分?(和|,|/|跟)\\d+") == Set("和,/跟".unicodeScalars.map(\.value)))
        #expect(try required("(分数|标准)?[?.!]*$") == nil)
        #expect(try required("a{0,3}") == nil)
        for intent in Repo.book.inquiry?.intents ?? [] {
            for source in intent.patterns {
                #expect(
                    try required(source) == RequiredCharacters.of(source).map { Set($0.flatMap(\.unicodeScalars).map(\.value)) },
                    "\(source)")
            }
        }
    }
}
