import Foundation

/// The repository's folders, found from this file's location so every test target finds them the
/// same way, from any working directory.
public enum Repository {
    /// The checkout: this file is `Tests/PasslineTesting/Repository.swift`.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The shipped `Content/`, as a path (what `ContentLoader(directory:)` and `--content` take).
    public static let content = root.appendingPathComponent("Content").path

    /// A file or folder by its path from the repository root, e.g. `Tests/inquiry`.
    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}
