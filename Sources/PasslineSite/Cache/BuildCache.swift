#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PasslineCore

/// The build cache: a folder beside the output (`.Site.cache` for `Site`, never inside the published
/// site, ignored by git) holding the manifest of the last successful build (`PublishedManifest`).
///
/// **What it is keyed on.** Every input a build reads: the bytes of every file under `Content/` (with
/// its path), the program (its version, and the identity of the executable file, which a rebuilt or
/// reinstalled binary changes), the bundled stylesheet and scripts (their bytes: they are files beside
/// the binary and can change without it), the options that change output (scripts, base URL) and,
/// for the build instant, only what pages read of it: whether it is before, at or after each instant
/// of a window in the content. Two builds for different instants in the same state of every window
/// make the same bytes, so a build a minute later still finds its cache.
///
/// **What it is trusted for.** Nothing it cannot prove: a manifest whose checksum fails, of another
/// format or another key is ignored (the build runs in full and writes a new one), and a published
/// file counts as unchanged only while its inode, modification time and size are those the manifest
/// recorded. The cache can make a build faster, never its output different: a build with it makes
/// the bytes a build without it makes.
public struct BuildCache: Sendable {
    /// The cache folder for the output.
    public let folder: String
    public var manifestPath: String { folder + "/manifest" }

    /// Bump when what a key covers changes meaning (every older manifest then misses).
    static let keyVersion = "passline-build-cache-1"
    /// Stands for the build instant's text in remembered warnings (see `PublishedManifest.warnings`).
    static let nowMarker = "\u{1}NOW\u{1}"

    /// The cache of the output at `destination` (symlinks already resolved, as the spool has them).
    public init(destination: String) {
        let (parent, name) = OutputLock.split(destination)
        folder = "\(parent)/.\(name).cache"
    }

    /// The manifest of the last build, or nil; `note` says why a manifest that was there was not used.
    func load() -> (manifest: PublishedManifest?, note: String?) {
        guard let bytes = FileManager.default.contents(atPath: manifestPath), !bytes.isEmpty else { return (nil, nil) }
        guard let manifest = PublishedManifest.decode(Array(bytes)) else {
            return (nil, "注意:构建缓存 \(manifestPath) 已损坏或来自别的版本,已忽略,这次完整重建并重写缓存")
        }
        return (manifest, nil)
    }

    /// Writes the manifest in place. No rename (a publish's renames, links and unlinks all come from
    /// the spool's thread, which the fault-injection test relies on): a write torn by a kill leaves a
    /// file whose checksum fails, which the next build ignores.
    func save(_ manifest: PublishedManifest) throws {
        if mkdir(folder, 0o755) != 0, errno != EEXIST { throw PublishFailure.system(folder, "创建构建缓存文件夹") }
        let descriptor = open(manifestPath, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PublishFailure.system(manifestPath, "写入构建缓存") }
        defer { _ = systemClose(descriptor) }
        try FileBytes.write(Data(manifest.encode()), to: descriptor, shownAs: manifestPath)
    }

    /// Empties the manifest (truncates it: no unlink, for the reason given at `save`), so the next
    /// build runs in full.
    func forget() {
        let descriptor = open(manifestPath, O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC)
        if descriptor >= 0 { _ = systemClose(descriptor) }
    }

    /// Everything a build's output depends on except the build instant (see the type's comment).
    static func digest(options: SiteOptions) throws -> ContentHash {
        var hasher = ContentHasher()
        hasher.combine(field: keyVersion)
        hasher.combine(field: PasslineVersion.current)
        if let executable = Bundle.main.executableURL?.path {
            var info = stat()
            if stat(executable, &info) == 0 {
                let identity = FileIdentity(info)
                for number in [
                    identity.device, identity.inode, UInt64(info.st_size), UInt64(bitPattern: identity.seconds),
                    UInt64(bitPattern: identity.nanoseconds)
                ] {
                    hasher.combine(number: number)
                }
            } else {
                hasher.combine(field: "no executable \(UUID())")
            }
        }
        for asset in try BundledAssets.all() {
            hasher.combine(field: asset.name)
            hasher.combine(ContentHash(asset.data))
        }
        hasher.combine(field: options.scripts.map(\.rawValue).joined(separator: ","))
        hasher.combine(field: options.baseURL ?? "")
        try ContentTree.hash(options.content, into: &hasher)
        return hasher.finish()
    }

    /// The key of a build: the digest of its inputs and where the build instant stands against each
    /// instant the pages compare it with.
    static func key(digest: ContentHash, instants: [Date], now: Date) -> ContentHash {
        var hasher = ContentHasher()
        hasher.combine(digest)
        hasher.combine(number: UInt64(instants.count))
        for instant in instants {
            hasher.combine(number: now < instant ? 0 : now == instant ? 1 : 2)
        }
        return hasher.finish()
    }

    /// The instants pages compare the build instant with: each notice's application window
    /// (`WindowStatus`, the FAQ's window text, the check's closed-window warning).
    static func instants(of book: RuleBook) -> [Date] {
        book.notices.flatMap { [$0.application.start, $0.application.end] }
    }

    /// Whether the folder `site` holds exactly the files of `manifest`, each still the very file
    /// recorded (same inode, modification time and size), and no other file or folder. Reads no file.
    static func siteMatches(_ manifest: PublishedManifest, site: String) -> Bool {
        var folders: Set<String> = [""]
        for path in manifest.files.keys {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        var seen = 0
        func walk(_ handle: Int32, _ prefix: String) -> Bool {
            guard let stream = fdopendir(handle) else {
                _ = systemClose(handle)
                return false
            }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." { continue }
                let path = prefix.isEmpty ? name : prefix + "/" + name
                var info = stat()
                guard fstatat(handle, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
                switch info.st_mode & S_IFMT {
                case S_IFREG:
                    guard let known = manifest.files[path], known.size == Int(info.st_size), known.identity == FileIdentity(info) else {
                        return false
                    }
                    seen += 1
                case S_IFDIR:
                    guard folders.contains(path) else { return false }
                    let child = openat(handle, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    guard child >= 0, walk(child, path) else { return false }
                default:
                    return false
                }
            }
            return true
        }
        let root = open(site, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { return false }
        return walk(root, "") && seen == manifest.files.count
    }
}

/// The files of a content folder, hashed in a fixed order (paths sorted, byte order), through
/// symlinks as the loader reads them.
enum ContentTree {
    struct Unreadable: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path):读不出来,无法计算构建缓存的键" }
    }

    static func hash(_ root: String, into hasher: inout ContentHasher) throws {
        for path in try files(root, "").sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            guard let data = FileManager.default.contents(atPath: root + "/" + path) else { throw Unreadable(path: root + "/" + path) }
            hasher.combine(field: path)
            hasher.combine(ContentHash(data))
        }
    }

    private static func files(_ root: String, _ prefix: String) throws -> [String] {
        let folder = prefix.isEmpty ? root : root + "/" + prefix
        guard let stream = opendir(folder) else { throw Unreadable(path: folder) }
        defer { closedir(stream) }
        var found: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = prefix.isEmpty ? name : prefix + "/" + name
            var info = stat()
            guard stat(root + "/" + path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: found += try files(root, path)
            case S_IFREG: found.append(path)
            default: continue
            }
        }
        return found
    }
}
