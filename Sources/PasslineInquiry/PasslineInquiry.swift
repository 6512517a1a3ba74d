/// The helpdesk bot's library (`inquiry`).
///
/// Pipeline for one question: **Normalising** (bytes → clean text, script detected, Simplified, half-width,
/// Arabic numerals, corrections from `Content/inquiry/`) → **Understanding** (slots: exam, session, level,
/// scores, place, category, "now"; intent scoring over `Content/inquiry/` intents and every FAQ entry) →
/// **Dialogue** (conversation state: slots said earlier in any order, the last intent for follow-ups, the one
/// thing still missing) → **Answers** (composers that build the reply from `RuleBook` data, with citations;
/// converted back to Traditional when the question was Traditional).
///
/// ## Intent ids (`"intent"` in `inquiry --json`)
/// Composed from live data (ids defined in `Content/inquiry/intents.md`):
///
/// | id | answers | cites |
/// |---|---|---|
/// | `eligibility` | may I apply: runs `EligibilityEngine`, asks for the one missing thing (exam, session, level, scores, category) | verdict clauses |
/// | `window` | application window and its state at `--now` (not yet open / open with time left / closed) | the window's clause |
/// | `review` | review window and its state | the window's clause |
/// | `threshold` | delineated thresholds for a session and level, or all | each session's `covers` clause |
/// | `national` | national pass marks and full marks | exam sources |
/// | `scope` | sessions covered; whether a named session or level is | role `scope`, `covers` clauses |
/// | `categories` | the two categories of applicant | roles `local`, `relocated` |
/// | `procedure` | how to apply (websites, entry, account, provincial office, materials) | role `procedure` |
/// | `penalties` | what follows false information | role `penalties` |
/// | `hotline` | the hotline | role `hotline` |
/// | `issuer` | issuer, date, title | notice |
/// | `legal-basis` | legal basis | `legal_basis` sources |
/// | `areas` | delineated areas; whether a named place is in one | areas/*, sources |
/// | `greeting`, `help` | chrome | — |
///
/// Answered by a FAQ entry: `materials`, `validity` (and any intent with `faq:` but no composer).
/// Any FAQ entry matched directly is `faq:<faq-id>` (e.g. `faq:same-sitting`). Nothing matched: `fallback`.
/// Empty input: `empty`.
public enum PasslineInquiry {
    /// Intent ids answered from live data by a composer; every other intent in content names a FAQ entry.
    public static var composedIntents: Set<String> { Composer.composed }
}
