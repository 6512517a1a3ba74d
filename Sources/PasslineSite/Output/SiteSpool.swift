#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The complete new site, built on disk beside the published one, and the publish that switches it in.
///
/// A large archive's pages, kept as `Data` until the final write, were most of a build's memory (and
/// `rules.json` alone is about 95 MB at 10,000 notices). With a spool each file goes to disk when it
/// is produced, into `.Site.new-<pid>-<token>` beside `Site`; checks read it back from the page cache.
///
/// **Unchanged files.** A file whose bytes equal the published one is not written: it is hard-linked
/// from the published site (same inode, same modification time, so web caches keep it), and so is a
/// file the caller declares unchanged with `keep(_:)` without producing its bytes at all (what a
/// persistent build cache will do). Only changed files cost a new inode; an edit to one notice
/// writes a handful of files. Files are never written through: a path already in the spool is
/// unlinked and created anew, so a link to the published site can never be changed in place.
///
/// **The publish** (`publish()`) exchanges the spool and the output in one system call
/// (`DirectorySwap`), then deletes the previous site, now under the spool's name. Until that call
/// `Site/` is the old site, after it the new one: a kill at any moment leaves one or the other, and
/// at worst a work folder that the next build removes (`WorkFolders.sweep`). A failed build deletes
/// the spool (`discard()`) and the output is never touched.
///
/// **One build per output.** Making a spool takes the output's lock (`OutputLock`), refusing a
/// second build into the same output with a Chinese message, and sweeps the leftovers of dead ones.
///
/// Every change to the file system (writes, links, the switch, the deletion, the lock's removal)
/// happens on one thread of the spool's own: writing files from several threads into one folder
/// only made them wait on the folder's lock in the kernel (docs/benchmarks.md), and one thread makes
/// the order of a publish's system calls fixed, which the fault-injection test relies on.
public final class SiteSpool: @unchecked Sendable {
    /// The work folder holding the new site.
    public let directory: URL
    /// The output, with symlinks resolved: what is replaced.
    public let destination: URL
    /// Leftovers of interrupted builds removed when this spool was made, one line each.
    public let notes: [String]
    private let tree: FolderHandles
    /// The published site, when there is one to compare with and link from.
    private let published: FolderHandles?
    private let lock: OutputLock
    private let thread = SerialThread(name: "passline.spool", backlog: 512)
    private let state = NSLock()
    /// Queued and not yet written: a read of one of these waits for the queue, any other read does not.
    private var pending: [String: Int] = [:]
    private var unchanged: Set<String> = []
    private var failure: Error?
    /// Every path stored so far (the last store of a path decides whether it counts as linked).
    private var stored: Set<String> = []
    private var finished = false
    /// The last build's manifest (`BuildCache`): a published file it still describes is compared by
    /// hash, without reading it back. Set before any file is queued.
    private var manifest: PublishedManifest?
    /// Size, hash and identity of every file in the spool: the next build's manifest.
    private var entries: [String: PublishedManifest.Entry] = [:]

    /// A new, empty spool folder beside `destination`, with the output's lock held.
    public init(beside destination: URL) throws(PublishFailure) {
        let target = try SiteSpool.resolve(destination.standardizedFileURL.path)
        self.destination = URL(fileURLWithPath: target, isDirectory: true)
        lock = try OutputLock(for: target)
        notes = WorkFolders.sweep(beside: target)
        let folder = WorkFolders.spool(for: target)
        guard mkdir(folder, 0o755) == 0 else {
            let failure = PublishFailure.system(
                OutputLock.split(target).parent, "在输出文件夹旁边创建工作文件夹 " + URL(fileURLWithPath: folder).lastPathComponent)
            lock.release()
            throw failure
        }
        directory = URL(fileURLWithPath: folder, isDirectory: true)
        do {
            tree = try FolderHandles(root: folder)
        } catch {
            rmdir(folder)
            lock.release()
            throw error
        }
        published = SiteSpool.isFolder(target) ? try? FolderHandles(root: target) : nil
    }

    deinit {
        // Every queued job holds the spool, so none is left here; clean up on this thread.
        if !finished {
            tree.close()
            published?.close()
            try? FileTree.remove(directory.path)
            lock.release()
        }
        thread.stop()
    }

    /// The output path with a final symlink resolved (an output that is a link to a folder is
    /// published into that folder); its parent made if missing. Refuses an output that is a file,
    /// or a folder this user may not write (a site made read-only is not replaced behind its
    /// owner's back).
    static func resolve(_ path: String) throws(PublishFailure) -> String {
        var info = stat()
        var target = path
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            guard let real = realpath(path, nil) else { throw PublishFailure.system(path, "找到输出文件夹(它是符号链接)") }
            target = String(cString: real)
            free(real)
        }
        if stat(target, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw PublishFailure(path: target, action: "发布网站", reason: "输出位置已经有一个文件,不是文件夹", fix: "请用 --output 指定一个文件夹")
            }
            guard access(target, W_OK) == 0 else {
                throw PublishFailure(
                    path: target, action: "替换网站", code: errno,
                    fix: "passline 不会替换设为只读的网站;要发布,请先让它可写(chmod -R u+w \(target)),或用 --output 指定别的文件夹")
            }
        } else {
            try makeFolders(OutputLock.split(target).parent)
        }
        return target
    }

    private static func makeFolders(_ path: String) throws(PublishFailure) {
        if isFolder(path) { return }
        try makeFolders(OutputLock.split(path).parent)
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw PublishFailure.system(path, "创建输出文件夹的上级文件夹") }
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    // MARK: Adding files

    /// Queues one file for writing and returns at once (unless the backlog is full). A failure is
    /// reported by the next `flush`.
    func enqueue(_ path: String, _ data: Data) {
        schedule(path) { [self] in try store(path, data) }
    }

    /// Declares `path` unchanged from the published site: it is hard-linked from there, its bytes
    /// never produced. Returns its size. Throws when the published site has no such regular file.
    func keep(_ path: String) throws -> Int {
        let (folders, name) = try SitePath.split(path)
        guard let source = try published?.folder(folders, create: false), let size = FileBytes.regularFileSize(named: name, in: source)
        else {
            throw PublishFailure(path: destination.path + "/" + path, action: "沿用已发布的文件", reason: "已发布的网站里没有这个文件")
        }
        schedule(path) { [self] in try link(path) }
        return size
    }

    private func schedule(_ path: String, _ work: @escaping () throws -> Void) {
        state.lock()
        pending[path, default: 0] += 1
        state.unlock()
        thread.async { [self] in
            do { try work() } catch { record(error) }
            state.lock()
            pending[path]! -= 1
            if pending[path] == 0 { pending[path] = nil }
            state.unlock()
        }
    }

    private func record(_ error: Error) {
        state.lock()
        if failure == nil { failure = error }
        state.unlock()
    }

    /// The spool's folder for `folders`, made if needed; a failure names the site file being written.
    private func folder(_ folders: [String], for path: String) throws -> Int32 {
        do {
            return try tree.folder(folders, create: true)!
        } catch {
            throw PublishFailure(path: path, action: "写入网站文件", code: error.code, reason: error.reason, fix: error.fix)
        }
    }

    /// Removes the spool's copy of `path` when the build made it before (a zh-Hant page is made, then
    /// converted), so the next link or create does not fail on it first.
    private func vacate(_ path: String, _ name: String, in folder: Int32) throws {
        state.lock()
        let made = stored.contains(path)
        state.unlock()
        if made, unlinkat(folder, name, 0) != 0, errno != ENOENT { throw PublishFailure.system(tree.path(path), "替换文件") }
    }

    /// Writes or links one file (on the spool's thread).
    private func store(_ path: String, _ data: Data) throws {
        let (folders, name) = try SitePath.split(path)
        let folder = try folder(folders, for: path)
        try vacate(path, name, in: folder)
        let hash = ContentHash(data)
        if let source = try published?.folder(folders, create: false),
            known(path, name, in: source, size: data.count, hash: hash) ?? FileBytes.file(named: name, in: source, equals: data),
            try FileBytes.link(name, from: source, into: folder, shownAs: tree.path(path))
        {
            remember(path, name, in: folder, size: data.count, hash: hash)
            counted(path, linked: true)
            return
        }
        try FileBytes.create(data, named: name, in: folder, shownAs: tree.path(path))
        remember(path, name, in: folder, size: data.count, hash: hash)
        counted(path, linked: false)
    }

    /// Whether the published `name` holds bytes of this size and hash, told by the manifest alone
    /// when the published file is still the one it recorded (same identity and size); nil when the
    /// manifest cannot tell, and the bytes must be compared.
    private func known(_ path: String, _ name: String, in source: Int32, size: Int, hash: ContentHash) -> Bool? {
        state.lock()
        let entry = manifest?.files[path]
        state.unlock()
        guard let entry, let (identity, actual) = FileIdentity.of(name, in: source), identity == entry.identity, actual == entry.size else {
            return nil
        }
        return entry.size == size && entry.hash == hash
    }

    /// Records what the spool now holds at `path`, for the next build's manifest.
    private func remember(_ path: String, _ name: String, in folder: Int32, size: Int, hash: ContentHash) {
        let identity = FileIdentity.of(name, in: folder)
        state.lock()
        if let (identity, actual) = identity, actual == size {
            entries[path] = PublishedManifest.Entry(size: size, hash: hash, identity: identity)
        } else {
            entries[path] = nil
        }
        state.unlock()
    }

    /// Makes `manifest` the reference for unchanged files (before any file is queued).
    func use(_ manifest: PublishedManifest?) {
        state.lock()
        self.manifest = manifest
        state.unlock()
    }

    /// Size, hash and identity of every file written or linked so far (after `flush`). A file whose
    /// record is missing (it changed under the spool) is left out, so the next build compares it.
    func publishedEntries() -> [String: PublishedManifest.Entry] {
        state.lock()
        defer { state.unlock() }
        return entries
    }

    /// Links a kept file, or copies it where the file system cannot link (on the spool's thread).
    private func link(_ path: String) throws {
        let (folders, name) = try SitePath.split(path)
        let folder = try folder(folders, for: path)
        try vacate(path, name, in: folder)
        guard let source = try published?.folder(folders, create: false) else {
            throw PublishFailure(path: path, action: "沿用已发布的文件", reason: "已发布的网站里没有它的文件夹")
        }
        state.lock()
        let entry = manifest?.files[path]
        state.unlock()
        if try FileBytes.link(name, from: source, into: folder, shownAs: tree.path(path)) {
            if let entry, let (identity, size) = FileIdentity.of(name, in: folder), identity == entry.identity, size == entry.size {
                remember(path, name, in: folder, size: size, hash: entry.hash)
            } else if let data = FileBytes.read(named: name, in: folder) {
                remember(path, name, in: folder, size: data.count, hash: ContentHash(data))
            }
            return counted(path, linked: true)
        }
        guard let data = FileBytes.read(named: name, in: source) else {
            throw PublishFailure(path: destination.path + "/" + path, action: "读取已发布的文件", reason: "它不是普通文件或读不出来")
        }
        try FileBytes.create(data, named: name, in: folder, shownAs: tree.path(path))
        remember(path, name, in: folder, size: data.count, hash: ContentHash(data))
        counted(path, linked: true)
    }

    private func counted(_ path: String, linked isLinked: Bool) {
        state.lock()
        stored.insert(path)
        if isLinked { unchanged.insert(path) } else { unchanged.remove(path) }
        state.unlock()
    }

    /// Waits until every queued file is on disk; throws the first write that failed.
    func flush() throws {
        thread.drain()
        state.lock()
        defer { state.unlock() }
        if let failure { throw failure }
    }

    /// Writes one file now and waits for it.
    func write(_ path: String, _ data: Data) throws {
        enqueue(path, data)
        try flush()
    }

    /// Writes one file piece by piece (on the spool's thread; the caller waits); returns its size.
    /// A result equal to the published file is replaced by a link to it.
    func write(_ path: String, producing produce: ((Data) throws -> Void) throws -> Void) throws -> Int {
        try flush()
        return try thread.sync { [self] in
            let (folders, name) = try SitePath.split(path)
            let folder = try folder(folders, for: path)
            let descriptor = try FileBytes.createFile(named: name, in: folder, shownAs: tree.path(path))
            var size = 0
            var hasher = ContentHasher()
            do {
                try produce { piece in
                    try FileBytes.write(piece, to: descriptor, shownAs: tree.path(path))
                    hasher.combine(piece)
                    size += piece.count
                }
                _ = systemClose(descriptor)
            } catch {
                _ = systemClose(descriptor)
                throw error
            }
            let hash = hasher.finish()
            if let source = try published?.folder(folders, create: false),
                known(path, name, in: source, size: size, hash: hash) ?? FileBytes.file(named: name, in: folder, equals: name, in: source),
                try FileBytes.link(name, from: source, into: folder, shownAs: tree.path(path))
            {
                counted(path, linked: true)
            } else {
                counted(path, linked: false)
            }
            remember(path, name, in: folder, size: size, hash: hash)
            return size
        }
    }

    // MARK: Reading back

    /// Whether `path` is a link to the identical published file (not written anew).
    func isUnchanged(_ path: String) -> Bool {
        waitIfPending(path)
        state.lock()
        defer { state.unlock() }
        return unchanged.contains(path)
    }

    /// Waits for the queue only when `path` itself is still in it.
    private func waitIfPending(_ path: String) {
        state.lock()
        let isPending = pending[path] != nil
        state.unlock()
        if isPending { thread.drain() }
    }

    func read(_ path: String) -> Data? {
        waitIfPending(path)
        guard let (folders, name) = try? SitePath.split(path), let folder = try? tree.folder(folders, create: false) else { return nil }
        return FileBytes.read(named: name, in: folder)
    }

    func url(_ path: String) -> URL { directory.appendingPathComponent(path) }

    /// Whether the folder is still there (it becomes the output when published).
    var exists: Bool { FileManager.default.fileExists(atPath: directory.path) }

    // MARK: Publishing

    /// Puts the new site in place of the output in one system call, then deletes the previous one
    /// and releases the lock. Every queued file must have been written (`flush`).
    public func publish() throws -> PublishReport {
        try flush()
        precondition(!finished, "a spool is published once")
        let target = destination.path, spool = directory.path
        let outcome: Result<[String], Error> = thread.result { [self] in
            tree.close()
            published?.close()
            var notes = self.notes
            var retired = spool
            do {
                if !SiteSpool.isFolder(target) {
                    guard rename(spool, target) == 0 else { throw PublishFailure.system(target, "把新网站放到位") }
                    return notes
                }
                if try !DirectorySwap.exchange(spool, target) {
                    // No atomic exchange here: two renames, and a moment without an output. A build
                    // killed in between leaves `.Site.old-…`, which the next build puts back first.
                    retired = WorkFolders.retired(for: target)
                    guard rename(target, retired) == 0 else { throw PublishFailure.system(target, "把旧网站移开") }
                    guard rename(spool, target) == 0 else {
                        let failure = PublishFailure.system(target, "把新网站放到位")
                        rename(retired, target)
                        throw failure
                    }
                }
            } catch {
                // Not switched: the output is the old site; the new one is dropped.
                try? FileTree.remove(spool)
                throw error
            }
            do {
                try FileTree.remove(retired)
            } catch {
                notes.append("注意:新网站已发布,但上一版 \(retired) 没能删掉(\(error));下次构建会再删")
            }
            return notes
        }
        finished = true
        thread.perform { [self] in lock.release() }
        thread.stop()
        let notes = try outcome.get()
        state.lock()
        defer { state.unlock() }
        return PublishReport(written: stored.count - unchanged.count, linked: unchanged.count, notes: notes)
    }

    /// Removes the folder and everything in it (after a failed build, or a build without a write
    /// step) and releases the lock. The output is not touched.
    public func discard() {
        guard !finished else { return }
        finished = true
        thread.drain()
        thread.perform { [self] in
            tree.close()
            published?.close()
            try? FileTree.remove(directory.path)
            lock.release()
        }
        thread.stop()
    }
}

/// What a publish did.
public struct PublishReport: Sendable, Equatable {
    /// Files written anew (changed or added).
    public let written: Int
    /// Files linked from the published site (unchanged).
    public let linked: Int
    /// Leftovers removed, cleanup that failed: lines for the editor.
    public let notes: [String]
}

/// One thread running jobs in order, with a bounded backlog so a slow disk cannot make the queue hold
/// the whole site in memory.
final class SerialThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var head = 0
    private var running = false
    private var stopped = false
    private let backlog: Int

    init(name: String, backlog: Int) {
        self.backlog = backlog
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.start()
    }

    private func loop() {
        while true {
            condition.lock()
            while head == jobs.count && !stopped { condition.wait() }
            if head == jobs.count { condition.unlock(); return }
            var job: (() -> Void)? = jobs[head]
            head += 1
            if head == jobs.count { jobs.removeAll(keepingCapacity: true); head = 0 }
            running = true
            condition.broadcast()
            condition.unlock()
            job!()
            job = nil // released before anyone waiting is told the job is done
            condition.lock()
            running = false
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Queues a job; waits first while the backlog is full.
    func async(_ job: @escaping () -> Void) {
        condition.lock()
        while jobs.count - head >= backlog { condition.wait() }
        jobs.append(job)
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every queued job has run.
    func drain() {
        condition.lock()
        while head < jobs.count || running { condition.wait() }
        condition.unlock()
    }

    /// Runs `body` on the thread and waits for its result.
    func result<T>(of body: () throws -> T) -> Result<T, Error> {
        withoutActuallyEscaping(body) { body in
            var result: Result<T, Error>?
            async { result = Result { try body() } }
            drain()
            return result!
        }
    }

    func perform(_ body: () -> Void) {
        _ = result { () throws -> Void in body() }
    }

    func sync<T>(_ body: () throws -> T) throws -> T { try result(of: body).get() }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
