import Foundation
import PasslineTesting
import Testing
@testable import PasslineCore

/// The intent-pattern check at load reads patterns without Swift's `Regex` parser when it can: it
/// must call a pattern valid exactly when `Regex` does, and a broken pattern is still an error.
@Suite struct PatternSyntaxTests {
    @Test func typicalPatternsAreReadIntoTrees() {
        #expect(
            PatternSyntax.parse("够线|过线了?吗")
                == .alternation([
                    .sequence([.literal("够"), .literal("线")]),
                    .sequence([.literal("过"), .literal("线"), .repeated(.literal("了"), min: 0, max: 1), .literal("吗")])
                ]))
        #expect(PatternSyntax.parse("\\d+分?") == .sequence([.repeated(.digit, min: 1, max: nil), .repeated(.literal("分"), min: 0, max: 1)]))
        #expect(
            PatternSyntax.parse("(?:我|本人).{0,20}")
                == .sequence([
                    .alternation([.literal("我"), .sequence([.literal("本"), .literal("人")])]), .repeated(.any, min: 0, max: 20)
                ]))
        #expect(PatternSyntax.parse("^[^a-c\\]]$") == .sequence([.start, .set([.range(97, 99), .character("]")], negated: true), .end]))
    }

    /// Syntax beyond the reader is left to `Regex`: valid ones stay valid, and nothing is guessed at.
    @Test func otherSyntaxIsLeftToRegex() {
        for pattern in ["(?=考)考试", "(?i)hello", "a{,3}", "a++", "[a&&b]", "(|a)", "a\\s", "(?<year>\\d{4})年"] {
            #expect(PatternSyntax.parse(pattern) == nil, "\(pattern)")
            #expect(PatternSyntax.isValid(pattern) == ((try? Regex(pattern)) != nil), "\(pattern)")
        }
        #expect(PatternSyntax.isValid("(?=考)考试"))
    }

    @Test func brokenPatternsAreInvalid() {
        for pattern in ["(能|可以", "能|可以)", "[abc", "a{2,1}", "*a", "a**", "[z-a]", "考\\", "(?<x"] {
            #expect(!PatternSyntax.isValid(pattern), "\(pattern) should be invalid")
        }
    }

    /// Every pattern the reader accepts, in content and in a list of awkward ones, is one `Regex` accepts.
    @Test func theReaderNeverAcceptsWhatRegexRejects() throws {
        let book = try ContentLoader(directory: Repository.content).load().book
        let shipped = (book.inquiry?.intents ?? []).flatMap(\.patterns)
        let awkward = [
            "a{0}", "a{3,}", "x{1,1000}", "a?+", "(a)*?", "[\\d.]", "[-a]", "[a-]", "\\-\\/", "^$", "a|b|", ")(", "[]", "[^]",
            "{1}", "a{1}{2}", "(?:)", "\\.\\?\\*", "[!?.]*$", "(哪|几)(两|几)?类人", "[?.!]*", "a{1,2}?", "\\,", "[,/]", "[~&]", "[a~~b]", "[&&a]"
        ]
        var read = 0
        for pattern in shipped + awkward where PatternSyntax.parse(pattern) != nil {
            read += 1
            #expect((try? Regex(pattern)) != nil, "\(pattern) read but not a valid Regex")
        }
        // Every pattern content ships today is read, so no load parses one with Regex.
        #expect(shipped.count > 50 && shipped.allSatisfy { PatternSyntax.parse($0) != nil })
        #expect(read > shipped.count)
    }

    @Test func aBrokenPatternInContentIsStillAnError() throws {
        let scratch = try ScratchContent()
        defer { scratch.remove() }
        try scratch.replace("inquiry/intents.md", "\"审核|审批|审查\"", with: "\"审核|(审批\"")
        let error = try #require(throws: ContentErrors.self) { try ContentLoader(directory: scratch.root.path).load() }
        #expect(
            error.diagnostics.contains {
                $0.message == "pattern '审核|(审批' is not a valid regular expression" && $0.path.hasSuffix("inquiry/intents.md")
            })
    }
}
