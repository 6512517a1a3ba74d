#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One build at a time per output: `.Site.lock` beside `Site`, held with `flock` for as long as the
/// build has work folders beside the output.
///
/// Two builds into one output would otherwise interleave their switches and leave one's pages with
/// the other's assets. `flock` is released by the kernel when its holder dies, so a killed build
/// never leaves a lock that blocks the next one; the file holds the holder's pid, for the message.
/// The file is removed on release; a build that opened it just before checks, after locking, that
/// the path still names the file it locked, and starts again if not.
final class OutputLock: @unchecked Sendable {
    let path: String
    private var descriptor: Int32

    /// Takes the lock of `destination` (an absolute, resolved path), or throws the Chinese message
    /// naming the build that holds it.
    init(for destination: String) throws(PublishFailure) {
        let (parent, name) = OutputLock.split(destination)
        path = parent + "/." + name + ".lock"
        for _ in 0..<20 {
            let handle = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard handle >= 0 else { throw PublishFailure.system(path, "创建锁文件") }
            if flock(handle, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                let holder = OutputLock.holder(handle)
                _ = systemClose(handle)
                guard code == EWOULDBLOCK || code == EAGAIN else { throw PublishFailure(path: path, action: "锁定输出文件夹", code: code) }
                throw PublishFailure(
                    path: destination, action: "开始构建",
                    reason: "另一个 passline 构建" + (holder.map { "(进程 \($0))" } ?? "") + "正在写入这个输出文件夹,两个构建同时写会把两次的页面混在一起",
                    fix: "请等那个构建结束后再试;这次什么也没有写,已发布的网站没有改动")
            }
            var held = stat(), named = stat()
            if fstat(handle, &held) == 0, lstat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                descriptor = handle
                let pid = Data("\(getpid())\n".utf8)
                _ = ftruncate(handle, 0)
                _ = pid.withUnsafeBytes { pwrite(handle, $0.baseAddress, $0.count, 0) }
                return
            }
            // The holder before us removed the file while we waited to lock it: lock the new one.
            _ = systemClose(handle)
        }
        throw PublishFailure(path: path, action: "锁定输出文件夹", reason: "锁文件不停地被别的进程换掉")
    }

    /// Removes the lock file and releases the lock (idempotent).
    func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        _ = systemClose(descriptor)
        descriptor = -1
    }

    deinit { release() }

    /// The pid written in a lock file, if readable.
    private static func holder(_ handle: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(handle, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func split(_ path: String) -> (parent: String, name: String) {
        let url = URL(fileURLWithPath: path)
        return (url.deletingLastPathComponent().path, url.lastPathComponent)
    }
}

/// The folders a build makes beside its output: `.Site.new-<pid>-<token>` (the new site being built;
/// after the switch, the previous site waiting to be deleted) and `.Site.old-<pid>-<token>` (the
/// previous site, on systems without an atomic exchange). A build that dies leaves them behind.
enum WorkFolders {
    static func spool(for destination: String) -> String { folder(for: destination, kind: "new") }
    static func retired(for destination: String) -> String { folder(for: destination, kind: "old") }

    private static func folder(for destination: String, kind: String) -> String {
        let (parent, name) = OutputLock.split(destination)
        return "\(parent)/.\(name).\(kind)-\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Removes the work folders of builds that are gone. Called with the output's lock held: every
    /// build holds the lock for as long as its folders exist, so any folder found now belongs to a
    /// build that died (its pid, in the name, is reported). If an interrupted fallback switch left
    /// no output but a retired copy, that copy is put back first: it is the last published site.
    /// Returns one line per folder removed, for the build to report.
    static func sweep(beside destination: String) -> [String] {
        let (parent, name) = OutputLock.split(destination)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return [] }
        let mine = entries.filter { $0.hasPrefix(".\(name).new-") || $0.hasPrefix(".\(name).old-") }.sorted()
        var notes: [String] = []
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: destination, isDirectory: &isFolder),
            let retired = mine.last(where: { $0.hasPrefix(".\(name).old-") }), rename(parent + "/" + retired, destination) == 0
        {
            notes.append("注意:上次构建在切换网站时中断,已把上一版网站 \(retired) 恢复为 \(name)")
        }
        for entry in mine where FileManager.default.fileExists(atPath: parent + "/" + entry) {
            let pid = entry.dropFirst(".\(name).new-".count).split(separator: "-").first.flatMap { Int32($0) }
            do {
                try FileTree.remove(parent + "/" + entry)
                notes.append("注意:已删除中断的构建留下的文件夹 \(entry)" + (pid.map { "(进程 \($0) 已不在构建)" } ?? ""))
            } catch {
                notes.append("注意:中断的构建留下的文件夹 \(entry) 删不掉:\(error)")
            }
        }
        return notes
    }
}

/// Removes a folder and everything in it, without following symlinks (a symlink inside is removed
/// as a link; what it points to is never touched).
enum FileTree {
    static func remove(_ path: String) throws(PublishFailure) {
        let handle = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard handle >= 0 else {
            if errno == ENOENT { return }
            if errno == ELOOP || errno == ENOTDIR {
                guard unlink(path) == 0 else { throw PublishFailure.system(path, "删除") }
                return
            }
            throw PublishFailure.system(path, "删除文件夹")
        }
        try empty(handle, shownAs: path)
        guard rmdir(path) == 0 || errno == ENOENT else { throw PublishFailure.system(path, "删除文件夹") }
    }

    /// Removes everything inside the open folder `handle` (and closes it).
    private static func empty(_ handle: Int32, shownAs path: String) throws(PublishFailure) {
        guard let stream = fdopendir(handle) else {
            _ = systemClose(handle)
            throw PublishFailure.system(path, "读取文件夹")
        }
        defer { closedir(stream) }
        var names: [(String, Bool)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            names.append((name, entry.pointee.d_type == UInt8(DT_DIR)))
        }
        for (name, isFolder) in names {
            if !isFolder, unlinkat(handle, name, 0) == 0 { continue }
            if errno == EISDIR || isFolder {
                let child = openat(handle, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 {
                    try empty(child, shownAs: path + "/" + name)
                    guard unlinkat(handle, name, AT_REMOVEDIR) == 0 || errno == ENOENT else {
                        throw PublishFailure.system(path + "/" + name, "删除文件夹")
                    }
                    continue
                }
                if errno == ELOOP || errno == ENOTDIR, unlinkat(handle, name, 0) == 0 { continue }
            }
            if errno == ENOENT { continue }
            throw PublishFailure.system(path + "/" + name, "删除")
        }
    }
}
