import Foundation
import PasslineCore

/// A phrasing of Content/inquiry/intents.md that pulls its question towards another intent: it matches
/// another intent's pattern but none of its own, or the bot ranks another intent first for it. Such a
/// phrasing teaches the classifier the wrong thing; `passline check` names it to editors.
public struct PhrasingAmbiguity: Sendable, Hashable {
    /// The intent whose `phrasings` list holds it.
    public var intent: String
    public var phrasing: String
    /// The other intents it matches, best first.
    public var others: [String]
}

extension InquiryBot {
    /// Every phrasing that matches an intent besides its own (as `PhrasingAmbiguity` says), in content order.
    public var ambiguousPhrasings: [PhrasingAmbiguity] {
        var found: [PhrasingAmbiguity] = []
        for intent in book.inquiry?.intents ?? [] {
            for phrasing in intent.phrasings {
                let candidates = classifier.rank(normalizer.compact(phrasing))
                let ownPattern = candidates.contains { $0.patternMatched && $0.target == .intent(intent.id) }
                var others: [String] = []
                // The intent ranked first, when it is another one (a FAQ entry counts as the intent answering with it).
                if let best = candidates.first {
                    let answered: String? =
                        switch best.target {
                        case let .intent(id): id
                        case let .faq(id): classifier.intentForFAQ[id]
                        }
                    if let answered, answered != intent.id { others.append(answered) }
                }
                if !ownPattern {
                    for candidate in candidates where candidate.patternMatched {
                        guard case let .intent(id) = candidate.target, id != intent.id, !others.contains(id) else { continue }
                        others.append(id)
                    }
                }
                if !others.isEmpty { found.append(PhrasingAmbiguity(intent: intent.id, phrasing: phrasing, others: others)) }
            }
        }
        return found
    }
}
