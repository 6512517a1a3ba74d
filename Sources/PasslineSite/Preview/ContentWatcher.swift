import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells when anything under a content folder changes.
///
/// On Linux it asks the kernel (inotify on every folder, new folders added as they appear), so an
/// edit is seen at once and an idle preview costs nothing. Elsewhere, or if inotify is not available,
/// it compares a cheap fingerprint (paths, sizes, modification times) once a second. Either way it
/// runs in the server only; pages are told by the event stream and never poll.
public final class ContentWatcher: @unchecked Sendable {
    public let directory: String
    #if canImport(Glibc)
    private var inotify: Int32 = -1
    #endif
    private var fingerprint: [String] = []

    public init(directory: String) {
        self.directory = directory
        #if canImport(Glibc)
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        if inotify >= 0 { watchFolders() }
        #endif
        if !usesKernel { fingerprint = ContentWatcher.fingerprint(of: directory) }
    }

    deinit {
        #if canImport(Glibc)
        if inotify >= 0 { close(inotify) }
        #endif
    }

    /// Whether the kernel tells this watcher of changes (else it polls the fingerprint).
    public var usesKernel: Bool {
        #if canImport(Glibc)
        return inotify >= 0
        #else
        return false
        #endif
    }

    /// Blocks until something changed (true) or `timeout` passed (false). After a change it waits
    /// for `settle` seconds of quiet, so a save that touches several files gives one rebuild.
    public func wait(timeout: TimeInterval, settle: TimeInterval = 0.15) -> Bool {
        guard changed(within: timeout) else { return false }
        while changed(within: settle) {}
        return true
    }

    private func changed(within timeout: TimeInterval) -> Bool {
        #if canImport(Glibc)
        if inotify >= 0 {
            var poller = pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(timeout * 1000)) > 0 else { return false }
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var any = false
            while true {
                let count = read(inotify, &buffer, buffer.count)
                guard count > 0 else { break }
                any = true
            }
            // New folders (or a whole tree moved in) need watches of their own; adding a watch that
            // exists is a no-op, so every folder is simply offered again.
            if any { watchFolders() }
            return any
        }
        #endif
        let deadline = Date(timeIntervalSinceNow: timeout)
        repeat {
            let now = ContentWatcher.fingerprint(of: directory)
            if now != fingerprint { fingerprint = now; return true }
            Thread.sleep(forTimeInterval: min(1, max(0, deadline.timeIntervalSinceNow)))
        } while deadline.timeIntervalSinceNow > 0
        return false
    }

    #if canImport(Glibc)
    private func watchFolders() {
        let mask = UInt32(
            IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
        var folders = [directory]
        if let walker = FileManager.default.enumerator(atPath: directory) {
            for case let relative as String in walker {
                var isFolder: ObjCBool = false
                let path = directory + "/" + relative
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { folders.append(path) }
            }
        }
        for folder in folders { _ = inotify_add_watch(inotify, folder, mask) }
    }
    #endif

    /// Paths, sizes and modification times of everything under `directory`.
    static func fingerprint(of directory: String) -> [String] {
        let root = URL(fileURLWithPath: directory)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey])
        else { return [] }
        var entries: [String] = []
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
            entries.append("\(url.path)|\(values?.fileSize ?? -1)|\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)")
        }
        return entries.sorted()
    }
}
