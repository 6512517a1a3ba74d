/// The one table from the bot's intents to the labels of the evaluation sets (`HELDOUT-FORMAT.md`):
/// most are the same word; `empty` (a blank line) counts as `fallback`; `faq:<id>` stays itself. A bot
/// intent not in the table counts as a miss.
public enum IntentLabels {
    public static let labels: Set<String> = [
        "eligibility", "window", "review", "threshold", "national", "categories", "procedure", "materials", "per-subject", "penalties",
        "hotline", "issuer", "legal-basis", "areas", "validity", "scope", "next-round", "meta", "greeting", "thanks", "help", "fallback"
    ]

    static let renamed: [String: String] = ["empty": "fallback"]

    /// The label a bot intent counts as, or `nil` when the table has none.
    public static func label(of intent: String) -> String? {
        if intent.hasPrefix("faq:") { return intent }
        if let label = renamed[intent] { return label }
        return labels.contains(intent) ? intent : nil
    }
}
