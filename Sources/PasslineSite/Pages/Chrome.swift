/// What the shared layout needs besides the page's own content: language, paths and the nav state.
///
/// Words of the navigation live in the layout template (they are UI chrome); facts shown in every
/// page's footer (the hotline) come from the rules.
struct Chrome {
    /// Which nav entry is the current page, for `aria-current`.
    struct Current {
        var home = false, notice = false, thresholds = false, areas = false, faq = false, calculator = false, sources = false
        var notices = false, changelog = false
    }

    let lang: String
    let traditional: Bool
    /// From this page to the site root: `""` or `"../"`.
    let root: String
    let twinHref: String
    let twinLang: String
    let hotline: String
    let hotlineTel: String
    let current: Current
    /// Whether the other script is published too (the switch links to it only then).
    let hasTwin: Bool

    init(variant: ScriptVariant, page: String, hotline: String, current: Current, hasTwin: Bool = true) {
        self.hasTwin = hasTwin
        lang = variant.rawValue
        traditional = variant == .traditional
        root = variant.root
        twinHref = variant.twinHref(page)
        twinLang = variant.twin.rawValue
        self.hotline = hotline
        hotlineTel = hotline.filter { $0.isNumber || $0 == "-" || $0 == "+" }
        self.current = current
    }
}

/// A link to one clause of a notice, as shown in answers and verdicts: `通知三(一)4` → `notice.html#c3-1-4`.
struct ClauseLink {
    let id: String
    let href: String
}

/// A link whose text and target both come from data.
struct NamedLink {
    let name: String
    let href: String
}
