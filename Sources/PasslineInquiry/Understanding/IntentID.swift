/// The intents the bot knows. Content (Content/inquiry/intents.md) says how each is recognised; an
/// intent id in content that is not a case here is reported when the bot is built
/// (`InquiryBot.contentProblems`), so a misspelt id never silently becomes the fallback.
public enum IntentID: String, CaseIterable, Sendable {
    case eligibility, window, review, threshold, national, scope, categories, procedure, materials
    case perSubject = "per-subject"
    case penalties, hotline, issuer
    case legalBasis = "legal-basis"
    case areas, validity, greeting, thanks, help, meta
    case nextRound = "next-round"
}
