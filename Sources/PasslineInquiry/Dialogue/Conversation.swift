import Foundation
import PasslineCore

/// One dialogue: what the caller has said so far, the last question (for "那…呢?") and what the bot
/// asked (so "高级" after "请问考的是哪个级别?" continues the eligibility check).
public struct Conversation: Sendable {
    public struct Reply: Sendable {
        public var answer: Answer
        /// The question could not be answered from data: `--log` records it for editors.
        public var fellBack: Bool
        /// How the bot decided, for `--explain`: the best candidates with their scores.
        public var explanation: String
        /// How complete the answer is, for `--log`.
        public var completeness: Completeness = .full

        public init(answer: Answer, fellBack: Bool, explanation: String) {
            self.answer = answer
            self.fellBack = fellBack
            self.explanation = explanation
        }
    }

    /// What `--log` records: every turn that was not a full answer.
    public enum Completeness: String, Sendable {
        case full, fallback
        /// The session or level asked about is outside the notice.
        case notCovered = "not-covered"
        /// The bot had to ask back for something.
        case partial
    }

    let bot: InquiryBot
    /// What the dialogue carries between turns (shown by `--explain` and `/state`).
    public private(set) var state = DialogueState()
    /// Everything said so far, later values replacing earlier ones.
    public var context: Slots { state.slots }
    public var lastIntent: String? { state.lastIntent }
    /// The slot the bot asked for last, if any.
    public var pending: String? { state.pending?.rawValue }

    init(bot: InquiryBot) { self.bot = bot }

    public mutating func reset() { state = DialogueState() }

    /// A FAQ entry scoring at least this well is added to a composed answer as related.
    static let relatedFAQScore = 0.5
    /// A FAQ entry this close is given while the bot still asks for details.
    static let closeFAQScore = 0.9
    /// Below this, nothing in content matches well enough to answer.
    static let answerScore = 0.4
    /// The same when the question names something of the caller's case.
    static let personalAnswerScore = 0.45

    /// The reply to one line as typed (any text; bounded and cleaned before reading).
    public mutating func reply(to input: String, now: Date) -> Reply {
        let question = bot.normalizer.normalize(input)
        // A turn that reads the same in both scripts (`西藏`) is answered in the conversation's script.
        var script = question.script
        if script == .simplified, state.script == .traditional, Script.isNeutral(question.original) { script = .traditional }
        guard !question.isEmpty else {
            // Only markup or code (`<script>…</script>`) is not an empty line: nothing answerable was asked.
            let typed = input.contains { !$0.isWhitespace && !($0.unicodeScalars.first?.properties.generalCategory == .control) }
            let draft = typed && input.contains("<") ? bot.composer.fallback() : bot.composer.empty()
            return Reply(answer: render(draft, script: script), fellBack: draft.isFallback, explanation: "empty")
        }
        state.script = script
        let reading = bot.slotReader.read(question, now: now)
        var said = reading.slots
        let act = bot.acts.act(question.compact, said: said, residual: reading.residual, state: state)
        switch act {
        case .ruleQuestion:
            // "考到40分算过线吗": the number is the rule's, not the caller's score.
            said.scores = []
            said.uniformScore = false
        case .answer:
            if let yes = bot.acts.yesNo(question.compact), state.pending == .category {
                said.category = yes ? .local : .relocated
            }
        default: break
        }
        if state.pending == .county, let role = state.slots.places.last(where: { $0.role != nil })?.role {
            // "我在安康上班" → "哪个县?" → "紫阳县": the county is where they work, as the city was.
            for i in said.places.indices where said.places[i].role == nil { said.places[i].role = role }
        }
        let merged = merge(state.slots, said)
        let candidates = bot.classifier.rank(question.compact)
        var decision = decide(question: question, reading: reading, said: said, candidates: candidates)
        switch act {
        case .meta: decision = Decision(intent: "meta", useContext: true)
        case .nextRound: decision = Decision(intent: "next-round", useContext: false)
        case .ruleQuestion:
            let rule = candidates.first { c in
                guard c.patternMatched, case let .intent(id) = c.target else { return false }
                return ["threshold", "per-subject", "national", "scope"].contains(id)
            }
            // No rule intent's pattern: the best match if it is good enough (`通信满分是100吗`), else the thresholds.
            let best = candidates.first { $0.target != .intent("eligibility") }.flatMap { $0.score >= Self.answerScore ? $0 : nil }
            let resolved: (intent: String, faq: String?) = (rule ?? best).map { resolve($0.target) } ?? ("threshold", nil)
            decision = Decision(intent: resolved.intent, faq: resolved.faq, useContext: false)
        case .answer where state.pending != nil:
            decision = Decision(intent: "eligibility", useContext: true)
        case .correction where state.lastIntent == "eligibility" || state.pending != nil:
            decision = Decision(intent: "eligibility", useContext: true)
        default: break
        }
        let firstRound = bot.acts.has(.firstRound, in: question.compact)
        // "去年9月那次是什么时候": a question about the first round is about its window.
        if firstRound, decision.intent == "fallback", !Self.isNoise(question.compact) {
            decision = Decision(intent: "window", useContext: false)
        }
        // "凉山州在不在范围内": a place and no session or level asks about the place, not the sessions.
        if decision.intent == "scope", !said.places.isEmpty, said.sessions.isEmpty, said.levels.isEmpty, said.exam == nil {
            decision = Decision(intent: "areas", useContext: false)
        }

        let slots = decision.useContext ? merged : said
        var draft: Draft
        if let faqID = decision.faq {
            draft = bot.composer.faq(faqID, intent: decision.intent, now: now)
        } else {
            var request = Composer.Request(slots: slots, now: now, said: said)
            if firstRound { request.round = bot.book.notices.min { $0.date < $1.date } }
            draft = bot.composer.compose(decision.intent, request)
            // A question in English: say honestly that the bot answers in Chinese, with the hotline.
            if draft.isFallback, Self.isEnglish(question.compact) { draft = bot.composer.english() }
            if !draft.isFallback { addFAQs(to: &draft, candidates: candidates, decision: decision, now: now) }
        }
        if let verdict = draft.verdict {
            // A verdict once given is kept; a later fact that changes it is said to have changed it.
            if let before = state.verdict, before != verdict {
                draft.lines.insert(bot.composer.replies.say("verdict.changed", ["before": before]), at: 0)
            }
            state.verdict = verdict
        }
        state.slots = merged
        if act != .meta {
            // "为什么要问这个" leaves the question asked before still open.
            if bot.book.inquiry?.intent(draft.intent)?.usesSlots == true { state.lastIntent = draft.intent }
            state.pending = draft.needs.first.flatMap(DialogueSlot.init(rawValue:))
        }
        let explanation =
            "act=\(act.rawValue) intent=\(draft.intent) context=\(decision.useContext) residual=\(reading.residual) "
            + candidates.prefix(5).map {
                "\($0.target)=\(String(format: "%.2f", $0.score))\($0.patternMatched ? "*" : "")/\(String(format: "%.2f", $0.evidence))"
            }.joined(
                separator: " ")
            + "\n" + state.summary
        var reply = Reply(answer: render(draft, script: script), fellBack: draft.isFallback, explanation: explanation)
        reply.completeness = draft.isFallback ? .fallback : draft.notCovered ? .notCovered : draft.needs.isEmpty ? .full : .partial
        return reply
    }

    /// What the conversation knows after a turn. A score said for one subject (`上午那科是43`,
    /// `案例分析改成45`) replaces that subject's score only, by the subject order of the level known.
    func merge(_ context: Slots, _ said: Slots) -> Slots {
        var said = said
        let partial =
            !context.scores.isEmpty && !said.scores.isEmpty && said.scores.count < context.scores.count
            && said.scores.allSatisfy { $0.position != nil || $0.subject != nil }
        var corrected = context.scores
        if partial {
            let subjects = subjectOrder(context.merged(with: Slots()), count: context.scores.count)
            for score in said.scores {
                let index =
                    score.position ?? score.subject.flatMap { subjects?.firstIndex(of: $0) }
                    ?? corrected.firstIndex { $0.subject == score.subject }
                guard let index, corrected.indices.contains(index) else { continue }
                corrected[index].value = score.value
            }
            said.scores = []
        }
        var merged = context.merged(with: said)
        if partial { merged.scores = corrected }
        return merged
    }

    /// The subjects of the level the slots name, when they have `count` of them.
    func subjectOrder(_ slots: Slots, count: Int) -> [String]? {
        let exams = slots.exam.flatMap { bot.book.exam($0) }.map { [$0] } ?? bot.book.exams
        for exam in exams {
            let levels = slots.levels.isEmpty ? exam.levels : exam.levels.filter { slots.levels.contains($0.level) }
            if let standard = levels.first(where: { $0.subjects.count == count }) { return standard.subjects }
        }
        return nil
    }

    /// The FAQ entry linked to the intent, and a FAQ entry that matches the question very well.
    func addFAQs(to draft: inout Draft, candidates: [IntentClassifier.Candidate], decision: Decision, now: Date) {
        let linked = bot.book.inquiry?.intent(decision.intent)?.faq
        var ids: [String] = []
        if let linked, draft.wantsLinkedFAQ, draft.needs.isEmpty { ids.append(linked) }
        // A related entry only where it cannot blur an answer about what the caller said (next to one
        // session's threshold, a FAQ listing all sessions would): answers that do not use slots, "not
        // covered" answers (the entry may say why), and questions back to the caller (then only a
        // very close match, which answers the general question while the bot asks for details).
        let usesSlots = bot.book.inquiry?.intent(decision.intent)?.usesSlots == true
        let needed = (!usesSlots || draft.notCovered) && draft.needs.isEmpty ? Self.relatedFAQScore : Self.closeFAQScore
        if draft.wantsRelatedFAQ,
            let related = candidates.first(where: { c in
                guard case let .faq(id) = c.target, id != linked else { return false }
                return mayRelate(id, to: decision.intent, usesSlots: usesSlots)
            }),
            case let .faq(id) = related.target, related.score >= needed
        {
            ids.append(id)
        }
        for id in ids {
            let extra = bot.composer.faq(id, now: now)
            // While asking, the question back stays the last line.
            let question = draft.needs.isEmpty ? nil : draft.lines.popLast()
            for line in extra.lines { draft.add(line) }
            draft.add(question)
            for citation in extra.citations { draft.cite(citation) }
        }
    }

    /// A FAQ entry owned by a composed intent (the window's, the thresholds') is that intent's answer,
    /// not a related one; entries answered by FAQ-only intents may relate to anything.
    func mayRelate(_ id: String, to intent: String, usesSlots: Bool) -> Bool {
        guard let owner = bot.classifier.intentForFAQ[id] else { return true }
        return !Composer.composed.contains(owner) || owner == intent && !usesSlots
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
    func decide(question: NormalizedQuestion, reading: SlotReader.Reading, said: Slots, candidates: [IntentClassifier.Candidate])
        -> Decision
    {
        let pending = state.pending, lastIntent = state.lastIntent
        let text = question.compact
        let followUp = !said.isEmpty && reading.residual.count <= 4
        let marked =
            text.hasPrefix("那") || text.hasPrefix("如果") || text.hasPrefix("要是") || text.hasPrefix("假如")
            || text.trimmingCharacters(in: .punctuationCharacters).hasSuffix("呢")
        let personal =
            !said.sessions.isEmpty || !said.levels.isEmpty || !said.scores.isEmpty || !said.places.isEmpty || said.category != nil

        let plainPattern = candidates.contains { c in
            guard c.patternMatched, case let .intent(id) = c.target else { return false }
            return bot.book.inquiry?.intent(id)?.usesSlots != true
        }
        if Self.isNoise(text) && !plainPattern { return Decision(intent: "fallback", useContext: false) }
        if bot.lexicon.outOfScope.contains(where: { text.containsText($0) }) && said.scores.isEmpty {
            return Decision(intent: "fallback", useContext: false)
        }
        // Scores make it a question about the caller's own result, unless a number stands alone in
        // text that says nothing else about an exam (`alert(1)`).
        let wordsAroundNumbers =
            text.contains { $0.isHanCharacter }
            && (said.scores.count >= 2 || said.exam != nil || !said.sessions.isEmpty || !said.levels.isEmpty || !said.places.isEmpty
                || ["分", "考", "成绩"].contains { text.containsText($0) })
        let aboutResult = pending != nil || lastIntent == "eligibility" || said.scores.count >= 2 || wordsAroundNumbers
        if !said.scores.isEmpty && aboutResult { return Decision(intent: "eligibility", useContext: true) }
        let bestPattern = candidates.first { $0.patternMatched }
        if pending != nil && personal && (followUp || bestPattern == nil || marked) {
            return Decision(intent: "eligibility", useContext: true)
        }
        if followUp, let last = lastIntent, reading.residual.isEmpty || marked || bestPattern == nil {
            return Decision(intent: last, useContext: true)
        }
        // Where the caller sat or works, or which category they are, is only said about their own case.
        if said.category != nil || !said.places.isEmpty,
            candidates.contains(where: { $0.target == .intent("eligibility") && $0.patternMatched })
        {
            return Decision(intent: "eligibility", useContext: true)
        }
        if let specific = specificFAQ(candidates, personal: personal) {
            let resolved = resolve(specific.target)
            return Decision(intent: resolved.intent, faq: resolved.faq, useContext: false)
        }
        // A place, session or level named has answers of its own below (areas, thresholds): a weak
        // match must be as good as before to take the question from them.
        if var best = candidates.first, best.score >= (personal ? Self.personalAnswerScore : Self.answerScore) {
            // A FAQ entry cannot use the session, level or place named; an intent that can, wins.
            if case .faq = best.target, personal,
                let slotted = candidates.first(where: { c in
                    if case let .intent(id) = c.target { return c.patternMatched && bot.book.inquiry?.intent(id)?.usesSlots == true }
                    return false
                })
            {
                best = slotted
            }
            // Without anything personal said, "还能申请吗" is about the window, not about the caller.
            if case .intent("eligibility") = best.target, !personal, pending == nil, said.asksNow,
                let other = candidates.dropFirst().first(where: { $0.patternMatched })
            {
                best = other
            }
            let resolved = resolve(best.target)
            let usesSlots = bot.book.inquiry?.intent(resolved.intent)?.usesSlots == true
            let continuing = resolved.intent == "eligibility" || (usesSlots && (marked || followUp))
            return Decision(intent: resolved.intent, faq: resolved.faq, useContext: continuing)
        }
        if followUp, let last = lastIntent { return Decision(intent: last, useContext: true) }
        if !said.places.isEmpty { return Decision(intent: "areas", useContext: false) }
        if followUp && (!said.sessions.isEmpty || !said.levels.isEmpty) {
            return Decision(intent: "threshold", useContext: marked)
        }
        return Decision(intent: "fallback", useContext: false)
    }

    /// A FAQ entry's own words (its question, phrasings and keywords) matched this closely...
    static let specificEvidence = 0.55
    /// ...and by this much more than the best intent's words: the entry answers the very question.
    static let specificMargin = 0.15

    /// A FAQ entry asked in its own words, where the best intent matched only by its topic's pattern
    /// (`过了截止日期还能补交吗` is the window's topic and the late-application entry's question). Not
    /// when the caller named a session, level or place that the best intent answers with.
    func specificFAQ(_ candidates: [IntentClassifier.Candidate], personal: Bool) -> IntentClassifier.Candidate? {
        guard let top = candidates.first, case let .intent(id) = top.target, top.patternMatched else { return nil }
        if personal, bot.book.inquiry?.intent(id)?.usesSlots == true { return nil }
        guard
            let faq = candidates.first(where: { if case .faq = $0.target { return true } else { return false } }),
            faq.evidence >= Self.specificEvidence, faq.evidence > top.evidence + Self.specificMargin,
            resolve(faq.target).intent != resolve(top.target).intent
        else { return nil }
        return faq
    }

    /// Text no question in content could be: no Chinese at all beyond bare numbers (`40 42` answers a
    /// question back and is kept), or mostly other letters and symbols (random bytes, pasted code).
    /// A pattern of a plain intent (`hi` for the greeting) still counts.
    static func isNoise(_ text: String) -> Bool {
        let han = text.filter(\.isHanCharacter).count
        let digits = text.filter { $0.isASCII && $0.isNumber }.count
        let other = text.filter { !$0.isHanCharacter && !($0.isASCII && $0.isNumber) && !$0.isPunctuation && !$0.isWhitespace }.count
        if han == 0 { return !(digits > 0 && other == 0) }
        return other > 2 * han + 6
    }

    /// Words of Latin letters and no Chinese: a question typed in English.
    static func isEnglish(_ text: String) -> Bool {
        !text.contains { $0.isHanCharacter } && text.filter { $0.isASCII && $0.isLetter }.count >= 8
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
        let text = script.render(lines.joined(separator: "\n"), with: bot.traditional)
        return Answer(answer: text, intent: draft.intent, citations: draft.citations.map(\.key), needs: draft.needs)
    }
}
