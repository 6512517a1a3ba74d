/// The recurring questions a notice's clauses answer, which the engine, the site and the bot cite by
/// role (`roles:` in a notice's front matter maps each to its clause: `local: 二(一)`). A role they ask
/// for is a case here, so a misspelt role in Swift is a compile error; a misspelt role in Content is
/// warned about by the check (`ArchiveCheck`), with the case it was probably meant to be.
public enum NoticeRole: String, CaseIterable, Sendable {
    /// Which sessions the notice covers (usually the opening paragraph, 序).
    case scope
    /// Who qualifies having registered for the exam in a delineated area.
    case local
    /// Who qualifies having registered elsewhere and now working in a delineated area.
    case relocated
    /// How to apply.
    case procedure
    /// What happens to those who break the rules.
    case penalties
    /// Where the helpdesk's phone number is given.
    case hotline
}

extension Notice {
    /// The clause id playing `role`, e.g. `.procedure` → `四`.
    public func clause(role: NoticeRole) -> String? { roles[role.rawValue] }
}

extension Category {
    /// The role of the clause stating this category's conditions; `nil` for `.none`, which has none.
    public var role: NoticeRole? {
        switch self {
        case .local: .local
        case .relocated: .relocated
        case .none: nil
        }
    }
}
