import Markdown

/// The bounds every content file is read within. `passline check`, `passline build`, `serve` and the
/// bot all load content through `ContentLoader`, so they refuse exactly the same things, each with
/// the file, the line and what to do.
///
/// The numbers are far above anything real content needs (the notice of 2025-01-15 is 4 KB, its
/// deepest Markdown five levels, its front matter three) and low enough that no single value can
/// make a build run out of memory or time.
public enum ContentLimits {
    /// Bytes in one content file (1 MiB). A notice's official text is a few kilobytes; a 50 MB file
    /// made the build use 3.9 GB.
    public static let fileBytes = 1 << 20
    /// Characters in one text value of front matter (a title, a question, a label, a message).
    /// A longer one is not a title: it would fill a page on every page that shows it.
    public static let textCharacters = 1_000
    /// Levels of nesting in front matter (a notice's `covers` entries are at level 3).
    public static let yamlDepth = 16
    /// Levels of nesting in a Markdown body (quotes, lists, emphasis), as `MarkdownDocument` keeps them.
    public static let markdownDepth = MarkdownDocument.maximumDepth
    /// Bytes in an id (notice, exam, source, area, FAQ entry).
    public static let idBytes = 64
}

/// The ranges numbers in content are read within, checked before any conversion (a threshold or an
/// `order` of 1e30 crashed the build when it became a whole number).
public enum ContentRanges {
    /// Full marks, pass marks and thresholds: no exam is marked out of more than 1,000.
    public static let marks: ClosedRange<Double> = 0...1_000
    /// A FAQ entry's position on the page: a whole number.
    public static let order: ClosedRange<Double> = 0...100_000
}
