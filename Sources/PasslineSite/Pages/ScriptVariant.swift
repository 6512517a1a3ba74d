/// The two scripts the site is published in. Content is written in Simplified; the Traditional copy
/// lives under `zh-Hant/` with the same file names, so each page links to its twin by one rule.
public enum ScriptVariant: String, CaseIterable, Sendable {
    case simplified = "zh-Hans"
    case traditional = "zh-Hant"

    /// The folder of this variant's pages, relative to the site root (with trailing slash).
    public var folder: String { self == .simplified ? "" : "zh-Hant/" }

    /// How a page of this variant reaches the site root.
    public var root: String { self == .simplified ? "" : "../" }

    public var twin: ScriptVariant { self == .simplified ? .traditional : .simplified }

    /// The relative link from a page of this variant to the same page in the other script.
    public func twinHref(_ page: String) -> String {
        self == .simplified ? ScriptVariant.traditional.folder + page : "../" + page
    }

    /// The site path of `page` in this variant.
    public func path(_ page: String) -> String { folder + page }
}
