#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Exchanges two folders in one system call: `renameat2(RENAME_EXCHANGE)` on Linux (3.15+, ext4,
/// xfs, btrfs, tmpfs, overlayfs…), `renamex_np(RENAME_SWAP)` on macOS (APFS). After the call each
/// name points at the other folder; there is no moment at which either name is missing or names a
/// mix of both.
enum DirectorySwap {
    /// True when the folders were exchanged; false when this system or file system cannot exchange
    /// (the caller then falls back to two renames). Any other failure throws.
    static func exchange(_ first: String, _ second: String) throws(PublishFailure) -> Bool {
        #if canImport(Glibc)
        guard let call = renameat2 else { return false }
        if call(AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */) == 0 { return true }
        #elseif canImport(Darwin)
        if renamex_np(first, second, UInt32(RENAME_SWAP)) == 0 { return true }
        #endif
        let code = errno
        if code == EINVAL || code == ENOSYS || code == ENOTSUP || code == EOPNOTSUPP { return false }
        throw PublishFailure(path: second, action: "把新网站换上", code: code)
    }

    #if canImport(Glibc)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc has `renameat2` since 2.28 but Swift's Glibc module does not declare it; found at run time.
    private static let renameat2: RenameAt2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2").map {
        unsafeBitCast($0, to: RenameAt2.self)
    }
    #endif
}
