/// What the shared layout needs besides the page's own content: language, paths and the nav state.
///
/// Words of the navigation live in the layout (`Layout`: they are the site's own words); facts shown in
/// every page's footer (the hotline) come from the rules.
struct Chrome: Sendable {
    /// The entries of the navigation and the footer; a page is at most one of them (`aria-current`).
    enum Place: Sendable {
        case home, notice, thresholds, areas, faq, calculator, sources, notices, changelog
    }

    let variant: ScriptVariant
    /// From this page to the site root: `""` or `"../"`.
    let root: String
    let twinHref: String
    let hotline: String
    let hotlineTel: String
    let current: Place?
    /// Whether the other script is published too (the switch links to it only then).
    let hasTwin: Bool
    /// The current round's window, stated under the header of every page (closed for good once ended).
    let status: WindowStatus?
    /// The current notice's name, before the status: `2025年1月15日通知`.
    let round: String
    /// When the content last changed for readers (the newest 更新记录 day, `2026年11月26日`), never
    /// the build clock: rebuilding the same content gives the same bytes.
    let updated: String?

    init(
        variant: ScriptVariant, page: String, hotline: String, current: Place? = nil, hasTwin: Bool = true,
        status: WindowStatus? = nil, round: String = "", updated: String? = nil
    ) {
        self.variant = variant
        self.status = status
        self.round = round
        self.updated = updated
        self.hasTwin = hasTwin
        root = variant.root
        twinHref = variant.twinHref(page)
        self.hotline = hotline
        hotlineTel = hotline.filter { $0.isNumber || $0 == "-" || $0 == "+" }
        self.current = current
    }

    /// The footer's `内容更新于…` (with a link to the 更新记录), empty without a changelog.
    var updatedLine: Markup {
        guard let updated else { return .empty }
        return #"内容更新于<a href="changelog.html">\#(updated)</a>。"#
    }

    /// ` aria-current="page"` on the entry of the page being shown.
    func marker(_ place: Place) -> Markup { place == current ? #" aria-current="page""# : .empty }
}

/// A link to one clause of a notice, as shown in answers and verdicts: `通知三(一)4` → `notice.html#c3-1-4`.
struct ClauseLink: Sendable {
    let id: String
    let href: String
}

/// A link whose text and target both come from data.
struct NamedLink: Sendable {
    let name: String
    let href: String
}
