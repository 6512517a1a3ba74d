import ChineseScript
import Foundation
import PasslineCore

/// The helpdesk bot for one `RuleBook`: everything built once (normalised vocabulary, compiled
/// patterns), shared by every conversation.
public struct InquiryBot: Sendable {
    public let book: RuleBook
    let normalizer: Normalizer
    let lexicon: Lexicon
    let slotReader: SlotReader
    let classifier: IntentClassifier
    let composer: Composer
    let acts: ActReader
    /// Traditional answers, converted as the site's zh-Hant pages are (OpenCC opened on first use).
    let traditional: TraditionalText

    public init(book: RuleBook) {
        self.book = book
        traditional = TraditionalText(
            forms: TraditionalForms((book.traditionalForms ?? []).map { .init(simplified: $0.simplified, traditional: $0.traditional) }))
        let normalizer = Normalizer(vocabulary: book.inquiry?.vocabulary ?? InquiryVocabulary())
        self.normalizer = normalizer
        // The place names (a third of building the bot) on another core while the classifier and the
        // other words are built here; the result is the same as building them in turn.
        let places = Parallel.start { PlaceFinder(book: book, normalizer: normalizer) }
        classifier = IntentClassifier(book: book, normalizer: normalizer)
        lexicon = Lexicon(book: book, normalizer: normalizer) { places.value }
        slotReader = SlotReader(lexicon: lexicon)
        composer = Composer(book: book, places: lexicon.places.lookup)
        acts = ActReader(lexicon: lexicon)
    }

    public func conversation() -> Conversation { Conversation(bot: self) }

    /// Opens OpenCC's Traditional → Simplified dictionary on another thread, to call before the rules
    /// are loaded: building the bot needs it (content's words are normalised as questions are) and
    /// opening it takes a few milliseconds that then overlap with reading the rules. Wait for the
    /// result (`value`) before leaving, also on an error, so the process never exits mid-open.
    public static func prepare() -> Pending<Bool> {
        Parallel.start { Script.prepare() }
    }

    /// Intent ids in content that the bot can answer neither from data nor from a FAQ entry.
    public var unanswerableIntents: [String] {
        (book.inquiry?.intents ?? []).filter { !Composer.composed.contains($0.id) && $0.faq == nil }.map(\.id)
    }

    /// Reply keys the bot uses that content lacks (checked by tests and `inquiry check-content`).
    public static let replyKeys = [
        "fallback", "empty", "greeting", "help", "thanks", "reset", "source-line", "cite.notice", "cite.faq", "cite.source", "ask.exam",
        "ask.session", "ask.level", "ask.scores", "ask.category", "known", "window.round", "window.intro", "window.left",
        "window.until-start", "window.closed", "duration.days",
        "duration.hours", "review.intro", "review.before", "review.open", "review.closed", "threshold.line", "threshold.intro",
        "threshold.national", "threshold.not-covered", "threshold.level-not-covered", "national.line", "scope.intro", "scope.exam",
        "scope.yes", "scope.any-level", "categories.intro", "categories.local", "categories.relocated", "procedure.intro",
        "procedure.sites", "penalties.intro", "hotline", "issuer", "legal-basis.intro", "area.whole", "area.part", "area.part.list",
        "area.part.unlisted", "area.incomplete", "area.place.in", "area.place.unlisted", "area.place.unlisted.complete",
        "area.not-delineated", "area.place.whole", "cite.notice.part", "not-covered.more", "eligibility.category.local",
        "eligibility.category.relocated", "eligibility.category.none", "area.unknown", "area.list", "verdict.status",
        "eligibility.any-level", "faq.also",
        "verdict.eligible-closed", "eligibility.scores-pass", "ask.county", "ask.county.region", "ask.county.incomplete", "ask.work",
        "area.place.prefecture", "area.disputed", "area.see-also", "eligibility.home", "verdict.changed", "meta", "next-round", "english",
        "eligibility.not-issued"
    ]

    /// What content asks of the bot that it cannot do: list names no `WordList` reads.
    public var contentProblems: [String] {
        lexicon.unknownLists.map { "vocabulary.lists.\($0): 机器人不读取这个词表" }
            + (book.inquiry?.intents ?? []).filter { IntentID(rawValue: $0.id) == nil }.map { "intents.\($0.id): 机器人没有这个意图" }
            + Composer.composed.filter { IntentID(rawValue: $0) == nil }.map { "composer \($0): 不是已知意图" }
    }

    public var missingReplies: [String] { Self.replyKeys.filter { book.inquiry?.replies[$0] == nil } }
}
