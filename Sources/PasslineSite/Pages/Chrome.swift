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

    init(variant: ScriptVariant, page: String, hotline: String, current: Place? = nil, hasTwin: Bool = true) {
        self.variant = variant
        self.hasTwin = hasTwin
        root = variant.root
        twinHref = variant.twinHref(page)
        self.hotline = hotline
        hotlineTel = hotline.filter { $0.isNumber || $0 == "-" || $0 == "+" }
        self.current = current
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
