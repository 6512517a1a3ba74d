/// The helpdesk bot's library (`inquiry`): normalising, understanding, dialogue and answers.
/// README.md beside this file lists the intent ids the bot prints and what each answers.
public enum PasslineInquiry {
    /// Intent ids answered from live data by a composer; every other intent in content names a FAQ entry.
    public static var composedIntents: Set<String> { Composer.composed }
}
