#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
private let systemRead = Darwin.read
#endif
import Foundation

/// Files read, written, compared and linked with a few system calls each, relative to an open folder.
///
/// A large first build creates tens of thousands of files; `Data.write(to:)` goes through URL and
/// path conversions and extra checks for each, which cost more than the writing itself. Working
/// relative to a folder handle (`FolderHandles`) with `O_NOFOLLOW` also means a symlink in the way
/// is refused rather than followed.
enum FileBytes {
    /// Creates `name` in `folder` with `data`. The file is always a new one: a file already there
    /// (a page made twice, or a hard link to the published site) is unlinked first, never written
    /// through, so a spool can never change a published file by way of a shared inode.
    static func create(_ data: Data, named name: String, in folder: Int32, shownAs path: String) throws(PublishFailure) {
        let descriptor = try createFile(named: name, in: folder, shownAs: path)
        defer { _ = systemClose(descriptor) }
        try write(data, to: descriptor, shownAs: path)
    }

    /// A new, empty file open for writing (see `create`).
    static func createFile(named name: String, in folder: Int32, shownAs path: String) throws(PublishFailure) -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        var descriptor = openat(folder, name, flags, 0o644)
        if descriptor < 0, errno == EEXIST {
            guard unlinkat(folder, name, 0) == 0 else { throw PublishFailure.system(path, "替换文件") }
            descriptor = openat(folder, name, flags, 0o644)
        }
        guard descriptor >= 0 else { throw PublishFailure.system(path, "写入文件") }
        return descriptor
    }

    static func write(_ data: Data, to descriptor: Int32, shownAs path: String) throws(PublishFailure) {
        let failed: Int32? = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failed { throw PublishFailure(path: path, action: "写入文件", code: failed) }
    }

    /// The bytes of a regular file `name` in `folder` (nil if it is missing, not a regular file, or
    /// a symlink).
    static func read(named name: String, in folder: Int32) -> Data? {
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { _ = systemClose(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return readAll(descriptor, expected: Int(info.st_size))
    }

    private static func readAll(_ descriptor: Int32, expected: Int) -> Data? {
        var data = Data(count: max(expected, 0))
        var offset = 0
        let ok = data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) -> Bool in
            while offset < buffer.count {
                let count = systemRead(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { if errno == EINTR { continue }; return false }
                if count == 0 { break }
                offset += count
            }
            return true
        }
        guard ok else { return nil }
        if offset < data.count { data.removeSubrange(offset...) }
        return data
    }

    /// The size of a regular file (nil for anything else, symlinks included).
    static func regularFileSize(named name: String, in folder: Int32) -> Int? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Whether the regular file `name` in `folder` holds exactly `data`. The size is compared first,
    /// so most changed files are told apart without reading them.
    static func file(named name: String, in folder: Int32, equals data: Data) -> Bool {
        guard regularFileSize(named: name, in: folder) == data.count else { return false }
        return read(named: name, in: folder) == data
    }

    /// Whether two regular files hold the same bytes, read a block at a time (a `rules.json` of 95 MB
    /// is compared without holding either copy in memory).
    static func file(named first: String, in firstFolder: Int32, equals second: String, in secondFolder: Int32) -> Bool {
        guard let size = regularFileSize(named: first, in: firstFolder), size == regularFileSize(named: second, in: secondFolder) else {
            return false
        }
        let one = openat(firstFolder, first, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        let two = openat(secondFolder, second, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        defer { if one >= 0 { _ = systemClose(one) }; if two >= 0 { _ = systemClose(two) } }
        guard one >= 0, two >= 0 else { return false }
        let block = 1 << 20
        var left = [UInt8](repeating: 0, count: block), right = [UInt8](repeating: 0, count: block)
        while true {
            let a = fill(&left, from: one), b = fill(&right, from: two)
            guard a >= 0, a == b else { return false }
            if a == 0 { return true }
            if left.withUnsafeBytes({ l in right.withUnsafeBytes { r in memcmp(l.baseAddress!, r.baseAddress!, a) } }) != 0 { return false }
        }
    }

    /// Reads up to a whole buffer; the count read, 0 at the end, -1 on error.
    private static func fill(_ buffer: inout [UInt8], from descriptor: Int32) -> Int {
        var offset = 0
        while offset < buffer.count {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 { if errno == EINTR { continue }; return -1 }
            if count == 0 { break }
            offset += count
        }
        return offset
    }

    /// Hard-links the published file `name` into `folder` (replacing what is there). False when the
    /// file system cannot link (the caller then writes the bytes instead).
    static func link(_ name: String, from published: Int32, into folder: Int32, shownAs path: String) throws(PublishFailure) -> Bool {
        if linkat(published, name, folder, name, 0) == 0 { return true }
        var code = errno
        if code == EEXIST {
            guard unlinkat(folder, name, 0) == 0 else { throw PublishFailure.system(path, "替换文件") }
            if linkat(published, name, folder, name, 0) == 0 { return true }
            code = errno
        }
        switch code {
        case EPERM, EMLINK, EXDEV, EOPNOTSUPP, ENOSYS: return false
        default: throw PublishFailure(path: path, action: "链接未改动的文件", code: code)
        }
    }
}
