import Foundation
import Testing
@testable import PasslineInquiry

/// Each normaliser on its own: what a caller types becomes what content is matched against.
@Suite struct NormaliserTests {
    let normalizer = Normalizer(vocabulary: Repo.book.inquiry!.vocabulary)

    @Test func chineseNumeralsBecomeArabicWhereTheyAreNumbers() {
        #expect(ChineseNumerals.convert("四十二分") == "42分")
        #expect(ChineseNumerals.convert("二〇二三年") == "2023年")
        #expect(ChineseNumerals.convert("二零二四年下半年") == "2024年下半年")
        #expect(ChineseNumerals.convert("考了四十一和五十") == "考了41和50")
        #expect(ChineseNumerals.convert("一百分") == "100分")
        #expect(ChineseNumerals.convert("十二月") == "12月")
        #expect(ChineseNumerals.convert("二三年下半年") == "23年下半年")
    }

    @Test func numeralsInWordsStay() {
        #expect(ChineseNumerals.convert("第一类") == "第一类")
        #expect(ChineseNumerals.convert("两科都过了") == "两科都过了")
        #expect(ChineseNumerals.convert("十分着急") == "十分着急")
        #expect(ChineseNumerals.convert("一下") == "一下")
    }

    @Test func fullWidthDigitsAndPunctuationBecomeHalfWidth() {
        #expect(Normalizer.halfWidth("２０２４年，４０分？") == "2024年,40分?")
        #expect(Normalizer.halfWidth("（含）") == "(含)")
        #expect(normalizer.normalize("２４上　中级　４０　４２").compact == "24上中级40,42")
    }

    /// The scalar-by-scalar path taken for ordinary questions gives what NFKC gives, and text it does
    /// not cover (accents, ligatures, circled numbers) still goes through NFKC.
    @Test func quickHalfWidthAgreesWithNFKC() {
        for text in ["２０２４年，４０分？", "（含）软考　中级", "“单独划线”《通知》【第一轮】〔2025〕…—·~", "ＡＢＣ ｄｅｆ 123", "Café ﬁ ① ㈠ 申请"] {
            #expect(Normalizer.halfWidth(text) == Normalizer.halfWidthByNFKC(text))
        }
        #expect(Normalizer.halfWidth("① ﬁ") == "1 fi")
    }

    /// Content's words are prepared with the question's own steps, so a word and a question asking it
    /// meet: the same compact text, in either script.
    @Test func wordsAndQuestionsAreNormalisedAlike() {
        for word in ["软烤", "單獨劃線", "２４上　中级　４０　４２", "信息系统项目管理师", "Hi"] {
            #expect(normalizer.compact(word) == normalizer.normalize(word).compact)
        }
    }

    @Test func traditionalIsDetectedAndReadAsSimplified() {
        let question = normalizer.normalize("單獨劃線證書全國通用嗎")
        #expect(question.script == .traditional)
        #expect(question.compact == "单独划线证书全国通用吗")
        #expect(normalizer.normalize("单独划线证书全国通用吗").script == .simplified)
        #expect(Script.traditional.render("单独划线") == "單獨劃線")
    }

    @Test func misspellingsFromContentAreCorrected() {
        #expect(normalizer.normalize("软烤单独画线分树线").compact == "软考单独划线分数线")
        #expect(normalizer.normalize("啥时候截指").compact == "什么时候截止")
    }

    @Test func sanitizerBoundsAndCleansAnyInput() {
        #expect(InputSanitizer.clean("  <b>申请</b>\u{0}\u{7}时间 ") == "申请 时间")
        #expect(InputSanitizer.clean("&lt;script&gt;") == "<script>")
        #expect(InputSanitizer.clean(String(repeating: "啊", count: 100_000)).count == InputSanitizer.maximumCharacters)
        #expect(InputSanitizer.clean(InputSanitizer.decode([0xE7, 0x94, 0xB3, 0xFF, 0xFE, 0xE8, 0xAF, 0xB7])) == "申 请")
        #expect(InputSanitizer.clean("\u{202E}\u{200B}") == "")
    }

    /// Content's words skip the passes that cannot change them (no misspelling's first character, no
    /// space); one that has them is still corrected and spaced (`啥时` → `什么时候`, `咋 办` → `怎么办`).
    @Test func contentWordsAreNormalisedAsQuestionsAre() {
        #expect(normalizer.compact("软烤啥时候报名") == "软考什么时候报名")
        #expect(normalizer.compact("咋  办") == "怎么办")
        #expect(normalizer.compact("阿坝藏族羌族自治州") == "阿坝藏族羌族自治州")
        #expect(normalizer.compact("四十分") == "40分")
        for word in ["软烤啥时候报名", "咋 办", "41 42分", "ＡＢＣ考试", "阿坝县"] {
            #expect(normalizer.compact(word) == normalizer.normalize(word).compact, "\(word)")
        }
    }

    /// The loose keyword search on scalars finds what it finds on characters.
    @Test func looseKeywordsOnScalarsAsOnCharacters() {
        for (keyword, text, expected) in [("没申报", "我没去申报", true), ("没申报", "没有去申报", false), ("发什么证", "发的是什么证", true)] {
            #expect(IntentClassifier.containsLoosely(Array(keyword), in: Array(text)) == expected, "\(keyword) in \(text)")
            let k = keyword.unicodeScalars.map(\.value), t = text.unicodeScalars.map(\.value)
            #expect(IntentClassifier.containsLoosely(k, in: t) == expected, "\(keyword) in \(text)")
        }
    }
}
