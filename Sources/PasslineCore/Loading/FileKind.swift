import Foundation

/// What is at a path, from one `stat` call: FileManager's attribute dictionary cost a few percent of
/// loading an archive of thousands of notices, and only the type and size are needed.
enum FileKind: Equatable {
    case regular(size: Int)
    case directory
    case symbolicLink
    /// A pipe, socket or device: never read (a pipe would block the loader).
    case special
    case missing

    /// The kind of `path`; `following` a symbolic link to what it points at, or not.
    static func of(_ path: String, following: Bool = true) -> FileKind {
        var info = stat()
        guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular(size: Int(info.st_size))
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .special
        }
    }
}
