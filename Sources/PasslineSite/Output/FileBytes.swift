#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif
import Foundation

/// Writes a file with three system calls (open, write, close).
///
/// A large first build creates tens of thousands of files; `Data.write(to:)` goes through URL and
/// path conversions and extra checks for each, which cost more than the writing itself.
enum FileBytes {
    static func write(_ data: Data, toPath path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(path)
                }
                offset += written
            }
        }
    }

    /// Whether the file at `path` holds exactly `data` (false if it cannot be read). The size is
    /// compared first, so most changed files are told apart without reading them.
    static func file(atPath path: String, equals data: Data) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == data.count else { return false }
        return FileManager.default.contents(atPath: path) == data
    }

    /// Whether two files hold the same bytes, read a block at a time (a `rules.json` of 95 MB is
    /// compared without holding either copy in memory).
    static func file(atPath first: String, equalsFileAtPath second: String) -> Bool {
        var a = stat(), b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0, a.st_size == b.st_size,
              let one = FileHandle(forReadingAtPath: first), let two = FileHandle(forReadingAtPath: second) else { return false }
        defer { try? one.close(); try? two.close() }
        while true {
            guard let left = try? one.read(upToCount: 1 << 20), let right = try? two.read(upToCount: 1 << 20) else { return false }
            if left != right { return false }
            if left.isEmpty { return true }
        }
    }

    private static func failure(_ path: String) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
    }
}
