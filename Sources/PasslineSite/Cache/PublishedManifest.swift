import Foundation

/// What the last successful build published, kept in the build cache (`BuildCache`): the key of its
/// inputs and, for every file of the site, its size, the hash of its bytes and the identity of the
/// file on disk (inode, modification time).
///
/// With it a rebuild knows whether a new page equals the published one from the hash alone, without
/// reading the published file back, and a build whose inputs are all unchanged knows the published
/// site is still exactly what it made (every file's identity unchanged, nothing added or removed).
/// The identity is what makes that safe: a published file edited, replaced or restored by git gets a
/// new modification time (or inode), no longer matches, and is compared by its bytes again.
///
/// Stored as one binary file ending in a checksum of everything before it: a torn write, flipped
/// bytes, a truncated file or another format version read as no manifest at all (`decode` returns
/// nil) and the build runs in full, as if there were no cache.
public struct PublishedManifest: Sendable, Equatable {
    /// One published file.
    public struct Entry: Sendable, Equatable {
        public var size: Int
        public var hash: ContentHash
        public var identity: FileIdentity
    }

    /// The key of every input of the build that made the site (`BuildCache.key`).
    public var key: ContentHash
    /// The instants the pages compare the build instant with (every notice's application window):
    /// the next build keys the state of each (before, at, after) rather than the instant itself.
    public var instants: [Date]
    /// The build's warnings, with the build instant's text replaced by `BuildCache.nowMarker`.
    public var warnings: [String]
    /// The closing line's page-budget part (`PageWeight.headroom` of the heaviest page), if any.
    public var headroom: String?
    public var files: [String: Entry]

    /// Bump when the layout below changes: an older file is then read as no manifest.
    static let format: UInt32 = 1
    private static let magic = Array("PLCACHE\n".utf8)

    public func encode() -> [UInt8] {
        var out = ByteWriter()
        out.bytes(Self.magic)
        out.u32(Self.format)
        out.hash(key)
        out.u64(UInt64(instants.count))
        for instant in instants { out.u64(instant.timeIntervalSinceReferenceDate.bitPattern) }
        out.u64(UInt64(warnings.count))
        for warning in warnings { out.string(warning) }
        out.string(headroom ?? "")
        out.u64(UInt64(files.count))
        for path in files.keys.sorted() {
            let entry = files[path]!
            out.string(path)
            out.u64(UInt64(entry.size))
            out.hash(entry.hash)
            out.u64(entry.identity.device)
            out.u64(entry.identity.inode)
            out.u64(UInt64(bitPattern: entry.identity.seconds))
            out.u64(UInt64(bitPattern: entry.identity.nanoseconds))
        }
        out.hash(ContentHash(out.data))
        return out.data
    }

    /// The manifest in `bytes`, or nil when they are not one intact manifest of this format.
    public static func decode(_ bytes: [UInt8]) -> PublishedManifest? {
        guard bytes.count >= magic.count + 4 + 16 else { return nil }
        let body = bytes.count - 16
        var check = ByteReader(bytes, end: bytes.count)
        check.offset = body
        guard let stored = check.hash(), ContentHash(Array(bytes[..<body])) == stored else { return nil }
        var input = ByteReader(bytes, end: body)
        guard input.bytes(magic.count) == magic, input.u32() == format, let key = input.hash(), let instantCount = input.count(8)
        else { return nil }
        var instants: [Date] = []
        for _ in 0..<instantCount {
            guard let bits = input.u64() else { return nil }
            instants.append(Date(timeIntervalSinceReferenceDate: Double(bitPattern: bits)))
        }
        guard let warningCount = input.count(8) else { return nil }
        var warnings: [String] = []
        for _ in 0..<warningCount {
            guard let warning = input.string() else { return nil }
            warnings.append(warning)
        }
        guard let headroom = input.string(), let fileCount = input.count(64) else { return nil }
        var files: [String: Entry] = [:]
        files.reserveCapacity(fileCount)
        for _ in 0..<fileCount {
            guard let path = input.string(), let size = input.u64(), let hash = input.hash(), let device = input.u64(),
                let inode = input.u64(), let seconds = input.u64(), let nanoseconds = input.u64()
            else { return nil }
            files[path] = Entry(
                size: Int(truncatingIfNeeded: size), hash: hash,
                identity: FileIdentity(
                    device: device, inode: inode, seconds: Int64(bitPattern: seconds), nanoseconds: Int64(bitPattern: nanoseconds)))
        }
        guard input.offset == body else { return nil }
        return PublishedManifest(
            key: key, instants: instants, warnings: warnings, headroom: headroom.isEmpty ? nil : headroom, files: files)
    }
}

/// Which file on disk a path is: device, inode and modification time (to the nanosecond). Writing a
/// file in place changes its modification time; replacing it changes its inode.
public struct FileIdentity: Sendable, Equatable {
    public var device: UInt64
    public var inode: UInt64
    public var seconds: Int64
    public var nanoseconds: Int64

    init(device: UInt64, inode: UInt64, seconds: Int64, nanoseconds: Int64) {
        self.device = device
        self.inode = inode
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        #if canImport(Darwin)
        seconds = Int64(info.st_mtimespec.tv_sec)
        nanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
        seconds = Int64(info.st_mtim.tv_sec)
        nanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
    }

    /// The identity and size of the regular file `name` in `folder` (nil for anything else).
    static func of(_ name: String, in folder: Int32) -> (FileIdentity, Int)? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (FileIdentity(info), Int(info.st_size))
    }
}

/// Little-endian fields appended to bytes.
struct ByteWriter {
    var data: [UInt8] = []

    mutating func bytes(_ more: [UInt8]) { data += more }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data += $0 } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data += $0 } }
    mutating func hash(_ value: ContentHash) {
        u64(value.high)
        u64(value.low)
    }
    mutating func string(_ text: String) {
        u64(UInt64(text.utf8.count))
        data += text.utf8
    }
}

/// Reads what `ByteWriter` wrote; every read is bounds-checked and returns nil past the end.
struct ByteReader {
    let data: [UInt8]
    let end: Int
    var offset = 0

    init(_ data: [UInt8], end: Int) {
        self.data = data
        self.end = end
    }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, end - offset >= count else { return nil }
        defer { offset += count }
        return Array(data[offset..<offset + count])
    }

    mutating func u32() -> UInt32? {
        guard end - offset >= 4 else { return nil }
        defer { offset += 4 }
        return data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
    }

    mutating func u64() -> UInt64? {
        guard end - offset >= 8 else { return nil }
        defer { offset += 8 }
        return data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
    }

    mutating func hash() -> ContentHash? {
        guard let high = u64(), let low = u64() else { return nil }
        return ContentHash(high: high, low: low)
    }

    /// A count of items of at least `minimum` bytes each, refused when the rest could not hold them.
    mutating func count(_ minimum: Int) -> Int? {
        guard let value = u64(), value <= UInt64(max(0, end - offset) / minimum) else { return nil }
        return Int(value)
    }

    mutating func string() -> String? {
        guard let length = u64(), length <= UInt64(end - offset) else { return nil }
        let count = Int(length)
        defer { offset += count }
        return String(decoding: data[offset..<offset + count], as: UTF8.self)
    }
}
