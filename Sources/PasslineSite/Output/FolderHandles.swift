#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The open folders of one tree (a spool folder, or the published site), each reached from the
/// tree's root one name at a time with `O_NOFOLLOW`: a symlink anywhere inside the tree stops the walk
/// (`ELOOP`/`ENOTDIR`) instead of leading elsewhere. Files are then opened, linked and removed
/// relative to these handles, so no path can resolve outside the tree whatever is planted in it.
/// A site has a handful of folders; their handles stay open until `close()`.
final class FolderHandles: @unchecked Sendable {
    let root: String
    private let lock = NSLock()
    private var handles: [String: Int32] = [:]
    private var isClosed = false

    /// Opens `root` itself, which must be a real folder (not a symlink).
    init(root: String) throws(PublishFailure) {
        self.root = root
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw PublishFailure.system(root, "打开文件夹") }
        handles[""] = descriptor
    }

    /// The handle of the folder `parts` (relative to the root), made when `create` is set.
    /// Without `create`, nil when it does not exist or is not a real folder.
    func folder(_ parts: [String], create: Bool) throws(PublishFailure) -> Int32? {
        let key = parts.joined(separator: "/")
        lock.lock()
        defer { lock.unlock() }
        if let handle = handles[key] { return handle }
        var parent = handles[""]!
        var walked: [String] = []
        for part in parts {
            walked.append(part)
            let here = walked.joined(separator: "/")
            if let handle = handles[here] { parent = handle; continue }
            if create, mkdirat(parent, part, 0o755) != 0, errno != EEXIST {
                throw PublishFailure.system(root + "/" + here, "创建文件夹")
            }
            let handle = openat(parent, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard handle >= 0 else {
                if !create { return nil }
                let code = errno
                throw PublishFailure(
                    path: root + "/" + here, action: "进入文件夹", code: code,
                    reason: code == ELOOP || code == ENOTDIR ? "「\(here)」不是文件夹(是文件或符号链接),往里写可能落到输出文件夹之外" : nil)
            }
            handles[here] = handle
            parent = handle
        }
        return parent
    }

    /// The full path of a file in this tree, for messages.
    func path(_ relative: String) -> String { root + "/" + relative }

    func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !isClosed else { return }
        isClosed = true
        for handle in handles.values { _ = systemClose(handle) }
        handles = [:]
    }

    deinit { close() }
}

#if canImport(Glibc)
let systemClose = Glibc.close
#elseif canImport(Darwin)
let systemClose = Darwin.close
#endif
