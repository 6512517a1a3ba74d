#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Why publishing stopped, told the way an editor can act on it: the path, what Passline was doing
/// there, the system's reason in Chinese (with the errno name, for whoever searches for it) and what
/// to do. Foundation's own errors say "Code=512 (null)" for a read-only folder; every file operation
/// of a publish goes through here instead.
public struct PublishFailure: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file or folder concerned, as the editor would type it.
    public let path: String
    /// What was being done, as a Chinese verb phrase ("写入文件").
    public let action: String
    /// The system's error number, when there is one.
    public let code: Int32?
    /// The reason when it is not an errno (a path that leaves the output, another build running).
    public let reason: String?
    /// What to do about it.
    public let fix: String?

    public init(path: String, action: String, code: Int32? = nil, reason: String? = nil, fix: String? = nil) {
        self.path = path
        self.action = action
        self.code = code
        self.reason = reason
        self.fix = fix ?? code.flatMap(PublishFailure.fix(for:))
    }

    /// A failure of the system call just made (`errno` read now).
    static func system(_ path: String, _ action: String, fix: String? = nil) -> PublishFailure {
        PublishFailure(path: path, action: action, code: errno, fix: fix)
    }

    public var description: String {
        let why = reason ?? code.map(PublishFailure.reason(for:)) ?? "原因不明"
        return "\(path):无法\(action):\(why)。" + (fix.map { $0 + "。" } ?? "")
    }

    /// The system's reason in plain Chinese, with its errno name.
    static func reason(for code: Int32) -> String {
        let text: String
        switch code {
        case EACCES, EPERM: text = "没有权限"
        case EROFS: text = "所在的磁盘或分区是只读的"
        case ENOSPC: text = "磁盘空间已满"
        case EDQUOT: text = "磁盘配额已用完"
        case ENOENT: text = "路径不存在"
        case ENOTDIR: text = "路径中的某一段不是文件夹"
        case EISDIR: text = "这是一个文件夹"
        case EEXIST, ENOTEMPTY: text = "那里已经有同名的文件或文件夹"
        case EBUSY: text = "它正被系统占用(例如它本身是一个挂载点)"
        case EXDEV: text = "不在同一个文件系统上"
        case ELOOP: text = "路径中有符号链接,为安全起见不跟随"
        case EMLINK: text = "硬链接数已达上限"
        case ENAMETOOLONG: text = "路径太长"
        case EIO: text = "磁盘读写出错"
        case EMFILE, ENFILE: text = "同时打开的文件太多"
        case EINVAL: text = "系统不支持这个操作"
        default: text = "系统错误:" + String(cString: strerror(code))
        }
        return "\(text)(\(name(of: code)))"
    }

    static func fix(for code: Int32) -> String? {
        switch code {
        case EACCES, EPERM: "请检查这个文件夹及其上一级的写权限(ls -ld),或用 --output 指定一个你能写入的文件夹"
        case EROFS: "请把 --output 指向可写的磁盘"
        case ENOSPC, EDQUOT: "请腾出磁盘空间后再构建;已发布的网站没有改动"
        case EBUSY: "请把 --output 指向挂载点里面的一个文件夹,而不是挂载点本身"
        case EMFILE, ENFILE: "请关闭其他程序或调高 ulimit -n 后再试"
        default: nil
        }
    }

    static func name(of code: Int32) -> String {
        let names: [Int32: String] = [
            EACCES: "EACCES", EPERM: "EPERM", EROFS: "EROFS", ENOSPC: "ENOSPC", EDQUOT: "EDQUOT", ENOENT: "ENOENT",
            ENOTDIR: "ENOTDIR", EISDIR: "EISDIR", EEXIST: "EEXIST", ENOTEMPTY: "ENOTEMPTY", EBUSY: "EBUSY", EXDEV: "EXDEV",
            ELOOP: "ELOOP", EMLINK: "EMLINK", ENAMETOOLONG: "ENAMETOOLONG", EIO: "EIO", EMFILE: "EMFILE", ENFILE: "ENFILE",
            EINVAL: "EINVAL"
        ]
        return names[code] ?? "errno \(code)"
    }
}
