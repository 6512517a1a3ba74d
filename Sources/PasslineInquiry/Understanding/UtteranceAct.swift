/// What a turn does, decided before its numbers and places are taken as the caller's facts
/// (issue 10, item 1): "考到40分算过线吗" asks about the rule, "上午那科是43" corrects one score,
/// "是的" answers the bot's own question.
public enum UtteranceAct: String, Sendable, CaseIterable {
    /// A question about the rules; any number in it is the rule's, not the caller's score.
    case ruleQuestion = "rule-question"
    /// The caller states their own case (scores, session, places), with or without a question.
    case ownCase = "own-case"
    /// A reply to the question the bot asked last (`高级`, `是的`, `外地考的`, `汉滨区`).
    case answer
    /// The caller corrects something said before (`说错了,考的是通信`, `上午那科是43`).
    case correction
    /// About the bot or why it asks (`为什么要问这个`).
    case meta
    /// About the next round, which no notice in content announces.
    case nextRound = "next-round"
    /// Anything else: a question whose intent the classifier decides.
    case question
}

/// Decides the act of a turn from its words (Content/inquiry `vocabulary.lists`) and the dialogue
/// state; the slot reader's reading is only used to know whether numbers were said.
struct ActReader: Sendable {
    let lexicon: Lexicon

    /// - Parameter residual: the text with slot values and filler words taken out (a terse reply leaves little).
    func act(_ text: String, said: Slots, residual: String, state: DialogueState) -> UtteranceAct {
        if Conversation.isNoise(text) { return .question }
        let bare = text.filter { !$0.isPunctuation && !$0.isWhitespace && !$0.isSymbol }
        if has(.meta, in: text) { return .meta }
        if has(.nextRound, in: text) { return .nextRound }
        if state.pending != nil, lexicon.words(.yes).contains(bare) || lexicon.words(.no).contains(bare) { return .answer }
        if has(.correction, in: text), !state.slots.isEmpty { return .correction }
        // One number and nothing else of a case: the rule's number. Two scores, or a place, are a case.
        if said.scores.count == 1, said.places.isEmpty, said.category == nil, has(.ruleNumber, in: text), !has(.ownScore, in: text),
            state.pending != .scores
        {
            return .ruleQuestion
        }
        if !state.slots.scores.isEmpty, said.scores.contains(where: { $0.position != nil || $0.subject != nil }),
            said.scores.count < state.slots.scores.count
        {
            return .correction
        }
        if state.pending != nil, !said.isEmpty, residual.count <= 4 { return .answer }
        if !said.scores.isEmpty || said.category != nil { return .ownCase }
        return .question
    }

    func has(_ list: WordList, in text: String) -> Bool { lexicon.words(list).contains { text.containsText($0) } }

    /// `是的` / `不是` as a whole reply: `true`, `false`, or `nil` when the reply is something else.
    func yesNo(_ text: String) -> Bool? {
        let bare = text.filter { !$0.isPunctuation && !$0.isWhitespace && !$0.isSymbol }
        if lexicon.words(.yes).contains(bare) { return true }
        if lexicon.words(.no).contains(bare) { return false }
        return nil
    }
}
