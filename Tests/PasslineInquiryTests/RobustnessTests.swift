import Foundation
import Testing
@testable import PasslineInquiry

/// Any input gets an answer or the fallback: random bytes, huge lines, emoji, control characters,
/// markup. The generator is seeded so a failure can be replayed.
@Suite struct RobustnessTests {
    /// A small deterministic generator (SplitMix64).
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

    func isWellFormed(_ answer: Answer) -> Bool {
        !answer.answer.isEmpty && !answer.intent.isEmpty && answer.answer.count < 20_000
    }

    @Test func randomBytes() {
        var random = Seeded(state: 20250115)
        var conversation = Repo.bot.conversation()
        var unanswered = 0
        for _ in 0..<300 {
            let length = Int.random(in: 0...400, using: &random)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let answer = conversation.reply(to: InputSanitizer.decode(bytes), now: duringWindow).answer
            #expect(isWellFormed(answer))
            if answer.intent == "fallback" || answer.intent == "empty" { unanswered += 1 }
        }
        // Noise is not read as a question (a stray "5,7" in it is not a score to check).
        #expect(unanswered >= 270, "only \(unanswered) of 300 random lines got the fallback")
    }

    @Test func randomMixturesOfRealWords() {
        var random = Seeded(state: 7734)
        let pieces = [
            "2023年", "下半年", "41", "和", "高级", "拉萨", "北京", "呢", "?", "能补领吗", "😀", "<b>", "</b>", "\u{0}", "四十二分",
            "二〇二四", "软考", "通信", "工作", "报名", "第一类", "分数线", "截止", "，", "　", "&amp;", "\u{202E}", "單獨劃線"
        ]
        var conversation = Repo.bot.conversation()
        for _ in 0..<400 {
            let count = Int.random(in: 0...12, using: &random)
            let text = (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(isWellFormed(conversation.reply(to: text, now: duringWindow).answer))
        }
    }

    @Test func hugeLinesAreAnswered() {
        let inputs = [
            String(repeating: "啊", count: 100_000), String(repeating: "2023年下半年41和50分", count: 8_000),
            String(repeating: "<div>", count: 20_000) + "申请什么时候截止", String(repeating: "9", count: 100_000)
        ]
        for input in inputs {
            let answer = ask(input)
            #expect(isWellFormed(answer))
        }
    }

    @Test func emptyAndInvisibleInputGetTheHotline() {
        for input in ["", "   ", "\t\t", "\u{1}\u{2}\u{3}\u{7}", "\u{200B}\u{FEFF}"] {
            let answer = ask(input)
            #expect(answer.intent == "empty")
            #expect(answer.answer.contains("010-68607734"))
        }
    }

    @Test func emojiAndMarkupAroundAQuestion() {
        #expect(ask("😀😀 申请什么时候截止?? 🙏").intent == "window")
        #expect(ask("<p>申请什么时候<b>截止</b></p>").intent == "window")
        #expect(ask("<script>alert(1)</script>").intent == "fallback")
    }
}
