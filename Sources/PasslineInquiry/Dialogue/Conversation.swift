import Foundation
import PasslineCore

/// One dialogue: what the caller has said so far, the last question (for "那…呢?") and what the bot
/// asked (so "高级" after "请问考的是哪个级别?" continues the eligibility check).
public struct Conversation: Sendable {
    public struct Reply: Sendable {
        public var answer: Answer
        /// The question could not be answered from data: `--log` records it for editors.
        public var fellBack: Bool
    }

    let bot: InquiryBot
    /// Everything said so far, later values replacing earlier ones.
    public private(set) var context = Slots()
    public private(set) var lastIntent: String?
    /// The slot the bot asked for last, if any.
    public private(set) var pending: String?

    init(bot: InquiryBot) { self.bot = bot }

    public mutating func reset() {
        context = Slots()
        lastIntent = nil
        pending = nil
    }

    /// The reply to one line as typed (any text; bounded and cleaned before reading).
    public mutating func reply(to input: String, now: Date) -> Reply {
        let question = bot.normalizer.normalize(input)
        guard !question.isEmpty else {
            return Reply(answer: Answer(answer: question.script.render(bot.composer.replies.say("empty")), intent: "empty", citations: [], needs: []),
                         fellBack: false)
        }
        let reading = bot.slotReader.read(question, now: now)
        let said = reading.slots
        let merged = context.merged(with: said)
        let candidates = bot.classifier.rank(question.compact)
        let decision = decide(question: question, reading: reading, candidates: candidates)

        let slots = decision.useContext ? merged : said
        var draft: Draft
        if let faqID = decision.faq {
            draft = bot.composer.faq(faqID, intent: decision.intent)
        } else {
            draft = bot.composer.compose(decision.intent, .init(slots: slots, now: now))
            if let linked = bot.book.inquiry?.intent(decision.intent)?.faq, !draft.isFallback, draft.needs.isEmpty {
                let extra = bot.composer.faq(linked)
                for line in extra.lines { draft.add(line) }
                for citation in extra.citations { draft.cite(citation) }
            }
        }
        context = merged
        if bot.book.inquiry?.intent(draft.intent)?.usesSlots == true { lastIntent = draft.intent }
        pending = draft.needs.first
        return Reply(answer: render(draft, script: question.script), fellBack: draft.isFallback)
    }

    struct Decision {
        var intent: String
        /// Answer with this FAQ entry (an intent without a composer, or a FAQ entry matched directly).
        var faq: String?
        /// Use what the conversation knows, not only what this message says.
        var useContext: Bool
    }

    /// Picks what to answer. Evidence from content decides; the dialogue only adds that a bare
    /// follow-up repeats the last question and that an answer to the bot's own question continues it.
    func decide(question: NormalizedQuestion, reading: SlotReader.Reading, candidates: [IntentClassifier.Candidate]) -> Decision {
        let said = reading.slots
        let text = question.compact
        let bareFollowUp = reading.residual.isEmpty && !said.isEmpty
        let marked = text.hasPrefix("那") || text.hasPrefix("如果") || text.hasPrefix("要是") || text.hasPrefix("假如")
            || text.trimmingCharacters(in: .punctuationCharacters).hasSuffix("呢")
        let best = candidates.first
        let strong = best.map { $0.patternMatched || $0.score >= 0.8 } ?? false

        if !said.scores.isEmpty { return Decision(intent: "eligibility", useContext: true) }
        if pending != nil && (bareFollowUp || (!strong && !said.isEmpty)) {
            return Decision(intent: "eligibility", useContext: true)
        }
        if bareFollowUp, let last = lastIntent { return Decision(intent: last, useContext: true) }
        if let best, best.score >= 0.5 {
            let resolved = resolve(best.target)
            let usesSlots = bot.book.inquiry?.intent(resolved.intent)?.usesSlots == true
            return Decision(intent: resolved.intent, faq: resolved.faq, useContext: resolved.intent == "eligibility" || (marked && usesSlots))
        }
        if !said.places.isEmpty { return Decision(intent: "areas", useContext: false) }
        if !said.sessions.isEmpty || !said.levels.isEmpty {
            return Decision(intent: lastIntent ?? "threshold", useContext: marked || lastIntent != nil)
        }
        return Decision(intent: "fallback", useContext: false)
    }

    /// The intent that answers a target: a FAQ entry claimed by an intent reports that intent.
    func resolve(_ target: IntentClassifier.Target) -> (intent: String, faq: String?) {
        switch target {
        case let .intent(id):
            if Composer.composed.contains(id) { return (id, nil) }
            if let faq = bot.book.inquiry?.intent(id)?.faq { return (id, faq) }
            return ("fallback", nil)
        case let .faq(id):
            if let owner = bot.classifier.intentForFAQ[id] {
                return Composer.composed.contains(owner) ? (owner, nil) : (owner, id)
            }
            return ("faq:\(id)", id)
        }
    }

    func render(_ draft: Draft, script: Script) -> Answer {
        var lines = draft.lines
        if let sources = bot.composer.replies.sourceLine(draft.citations) { lines.append(sources) }
        let text = script.render(lines.joined(separator: "\n"))
        return Answer(answer: text, intent: draft.intent, citations: draft.citations.map(\.key), needs: draft.needs)
    }
}
