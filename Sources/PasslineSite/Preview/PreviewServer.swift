import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP server for previewing the site on 127.0.0.1 while editing content.
///
/// It serves a folder read-only, and adds one thing to HTML pages: a script that polls the build
/// version and reloads the page when a rebuild finished. Only for editors on their own machine —
/// the published site is static files and needs no server.
public final class PreviewServer: @unchecked Sendable {
    public let root: URL
    public let port: UInt16
    private let lock = NSLock()
    private var version = 0
    private var socket: Int32 = -1

    public init(root: URL, port: UInt16) {
        self.root = root.standardizedFileURL
        self.port = port
    }

    /// Tells open pages to reload.
    public func bumpVersion() {
        lock.lock()
        version += 1
        lock.unlock()
    }

    private var currentVersion: Int {
        lock.lock()
        defer { lock.unlock() }
        return version
    }

    public enum Failure: Error, CustomStringConvertible {
        case socket(String)
        public var description: String { switch self { case let .socket(what): "cannot listen on 127.0.0.1: \(what)" } }
    }

    /// Binds to 127.0.0.1:`port` and answers requests on a background thread.
    public func start() throws {
        #if canImport(Glibc)
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure.socket("socket() failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw Failure.socket("port \(port) is in use or not allowed")
        }
        socket = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    private func acceptLoop() {
        while true {
            let client = accept(socket, nil, nil)
            guard client >= 0 else { continue }
            Thread { [self] in handle(client) }.start()
        }
    }

    private func handle(_ client: Int32) {
        defer { close(client) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = read(client, &buffer, buffer.count)
        guard count > 0 else { return }
        let request = String(decoding: buffer[0..<count], as: UTF8.self)
        let parts = request.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0] == "GET" || parts[0] == "HEAD" else { return respond(client, 405, "text/plain", Data("GET only\n".utf8)) }
        let target = String(parts[1].split(separator: "?").first ?? "/")
        if target == "/__passline/version" { return respond(client, 200, "text/plain", Data(String(currentVersion).utf8)) }
        if target == "/__passline/reload.js" { return respond(client, 200, "text/javascript", Data(PreviewServer.reloadScript.utf8)) }
        guard let file = resolve(target), var data = try? Data(contentsOf: file) else {
            let missing = (try? Data(contentsOf: root.appendingPathComponent("404.html"))) ?? Data("not found\n".utf8)
            return respond(client, 404, "text/html; charset=utf-8", missing)
        }
        let type = PreviewServer.contentTypes[file.pathExtension] ?? "application/octet-stream"
        if file.pathExtension == "html" { data = Data(PreviewServer.inject(String(decoding: data, as: UTF8.self), version: currentVersion).utf8) }
        respond(client, 200, type, data)
    }

    /// Maps a request path to a file under the root, refusing anything that climbs out of it.
    func resolve(_ target: String) -> URL? {
        guard let path = target.removingPercentEncoding, !path.split(separator: "/").contains("..") else { return nil }
        var url = root.appendingPathComponent(String(path.drop { $0 == "/" }))
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url.appendPathComponent("index.html")
        }
        let resolved = url.standardizedFileURL
        guard resolved.path.hasPrefix(root.path + "/"), FileManager.default.fileExists(atPath: resolved.path) else { return nil }
        return resolved
    }

    private func respond(_ client: Int32, _ status: Int, _ type: String, _ body: Data) {
        let reason = [200: "OK", 404: "Not Found", 405: "Method Not Allowed"][status] ?? "OK"
        let head = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        let bytes = Data(head.utf8) + body
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = write(client, raw.baseAddress!.advanced(by: offset), raw.count - offset)
                if sent <= 0 { break }
                offset += sent
            }
        }
    }

    /// Adds the reload script, and lets it ask this server for the version (the published CSP forbids fetches).
    static func inject(_ html: String, version: Int) -> String {
        html.replacingOccurrences(of: "form-action 'none'", with: "form-action 'none'; connect-src 'self'")
            .replacingOccurrences(of: "</body>", with: "<script src=\"/__passline/reload.js\" data-version=\"\(version)\"></script>\n</body>")
    }

    static let reloadScript = """
    (() => {
      const me = document.currentScript, seen = me.getAttribute('data-version');
      setInterval(() => fetch('/__passline/version', { cache: 'no-store' }).then((r) => r.text())
        .then((v) => { if (v !== seen) location.reload(); }).catch(() => {}), 1000);
    })();
    """

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8", "xml": "application/xml; charset=utf-8", "txt": "text/plain; charset=utf-8",
    ]
}

/// A cheap fingerprint of a content folder (paths, sizes, modification times), to notice edits by polling.
public enum ContentFingerprint {
    public static func of(_ directory: String) -> [String] {
        let root = URL(fileURLWithPath: directory)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey]) else { return [] }
        var entries: [String] = []
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
            entries.append("\(url.path)|\(values?.fileSize ?? -1)|\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)")
        }
        return entries.sorted()
    }
}
