import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP server for previewing the site on 127.0.0.1 while editing content.
///
/// It serves a folder read-only (the preview build, switched in whole by each rebuild, so a request
/// sees one build or the next), adds the live-reload script and overlay to HTML pages
/// (`PreviewPage`), and pushes the build status to them as server-sent events. Only for editors on
/// their own machine: the published site is static files and needs no server.
///
/// It cannot be worn down by clients: a request must arrive whole within `readTimeout`, a response
/// that the client does not take within `writeTimeout` is dropped, at most `maxConnections`
/// connections (and `maxStreams` event streams) are served at once and the rest get `503` at
/// once; when the process runs out of file descriptors, a spare one is used to answer `503` and the
/// accept loop backs off instead of spinning. Each connection gets one request (`Connection: close`).
///
/// Not FlyingFox (in the package mirror): its `timeout` bounds a handler, not the reading of a request,
/// it has no connection limit, and server-sent events would need its streaming body types; meeting
/// those here is a few dozen lines on sockets we already had, without a new dependency.
public final class PreviewServer: @unchecked Sendable {
    public struct Limits: Sendable {
        public var readTimeout: TimeInterval = 10
        public var writeTimeout: TimeInterval = 10
        public var maxConnections = 64
        public var maxStreams = 32
        /// How often an idle event stream gets a comment line, so a vanished page is noticed.
        public var heartbeat: TimeInterval = 15
        public var maxRequestBytes = 16 * 1024
        public init() {}
    }

    public let root: URL
    public let status: PreviewStatus
    public let limits: Limits
    /// The instant pages are shown at (`passline serve --now`), or nil for the real time.
    public let now: Date?
    private let requestedPort: UInt16
    private let lock = NSLock()
    private var listener: Int32 = -1
    private var active = 0
    private var streams = 0
    private var stopped = false
    /// Kept for the moment the process has no descriptor left: closed to accept one connection and
    /// tell it 503, then reopened.
    private var spare: Int32 = -1

    public init(root: URL, port: UInt16, status: PreviewStatus = PreviewStatus(), limits: Limits = Limits(), now: Date? = nil) {
        self.root = root.standardizedFileURL
        self.requestedPort = port
        self.status = status
        self.limits = limits
        self.now = now
    }

    public enum Failure: Error, CustomStringConvertible {
        case socket(String)
        public var description: String {
            switch self {
            case let .socket(what): "无法在 127.0.0.1 上监听:\(what)"
            }
        }
    }

    /// "预览时间:2025年2月1日 10:00(北京时间)" with `--now`, else nil.
    public var nowLabel: String? { now.map(PreviewPage.label) }

    /// The port actually listened on (the requested one, or the one the system chose for port 0).
    public private(set) var port: UInt16 = 0

    /// Connections being served now (for tests and diagnostics).
    public var activeConnections: Int {
        lock.lock()
        defer { lock.unlock() }
        return active
    }

    /// Binds to 127.0.0.1:`port` and answers requests on background threads.
    public func start() throws {
        signal(SIGPIPE, SIG_IGN)
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure.socket("socket() 失败(\(PublishFailure.name(of: errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = requestedPort.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let code = errno
            close(fd)
            throw Failure.socket(
                code == EADDRINUSE ? "端口 \(requestedPort) 已被占用,请用 --port 换一个" : "端口 \(requestedPort) 不可用(\(PublishFailure.name(of: code)))")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = UInt16(bigEndian: actual.sin_port)
        listener = fd
        spare = open("/dev/null", O_RDONLY | O_CLOEXEC)
        let thread = Thread { [self] in acceptLoop(fd) }
        thread.name = "passline.preview.accept"
        thread.start()
    }

    /// Stops listening and ends the event streams (requests in progress finish).
    public func stop() {
        lock.lock()
        stopped = true
        let fd = listener
        listener = -1
        lock.unlock()
        if fd >= 0 { shutdown(fd, Int32(SHUT_RDWR)); close(fd) }
        status.stop()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func acceptLoop(_ fd: Int32) {
        while !isStopped {
            let client = accept(fd, nil, nil)
            if client < 0 {
                switch errno {
                case EINTR, ECONNABORTED, EPROTO: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM: shed(fd)
                default: if isStopped { return }; usleep(50_000)
                }
                continue
            }
            #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(client, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            #endif
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            lock.lock()
            let admitted = active < limits.maxConnections
            if admitted { active += 1 }
            lock.unlock()
            guard admitted else {
                refuse(client)
                continue
            }
            let thread = Thread { [self] in
                handle(client)
                close(client)
                lock.lock()
                active -= 1
                lock.unlock()
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
    }

    /// Out of descriptors: answer one waiting client 503 with the spare descriptor, and wait a
    /// little before trying again (a listening socket with a backlog would otherwise make `accept`
    /// fail at once, forever: 100% CPU).
    private func shed(_ fd: Int32) {
        if spare >= 0 {
            close(spare)
            spare = -1
            let client = accept(fd, nil, nil)
            if client >= 0 { refuse(client) }
            spare = open("/dev/null", O_RDONLY | O_CLOEXEC)
        }
        usleep(100_000)
    }

    private func refuse(_ client: Int32) {
        var timeout = PreviewServer.interval(0.2)
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = send(client, Data("预览服务器正忙(同时连接太多),请稍后刷新。\n".utf8), status: 503, type: "text/plain; charset=utf-8", extra: "Retry-After: 1\r\n")
        close(client)
    }

    // MARK: One connection

    private func handle(_ client: Int32) {
        var timeout = PreviewServer.interval(limits.writeTimeout)
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(client) else { return }
        let parts = request.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0] == "GET" || parts[0] == "HEAD" else {
            _ = send(client, Data("只支持 GET。\n".utf8), status: 405, type: "text/plain; charset=utf-8")
            return
        }
        let target = String(parts[1].split(separator: "?").first ?? "/")
        switch target {
        case "/__passline/events": return stream(client)
        case "/__passline/live.js": _ = send(client, Data(PreviewPage.liveScript.utf8), status: 200, type: "text/javascript; charset=utf-8")
        case "/__passline/clock.js":
            _ = send(client, Data(PreviewPage.clockScript.utf8), status: 200, type: "text/javascript; charset=utf-8")
        case "/__passline/overlay.css": _ = send(client, Data(PreviewPage.overlayStyle.utf8), status: 200, type: "text/css; charset=utf-8")
        case "/__passline/status": _ = send(client, Data(status.snapshot.json.utf8), status: 200, type: "application/json; charset=utf-8")
        default: serveFile(target, client)
        }
    }

    /// The request line, once the whole head has arrived within the read timeout; nil (and the
    /// connection dropped, or told 431) otherwise.
    private func readRequest(_ client: Int32) -> String? {
        let deadline = Date(timeIntervalSinceNow: limits.readTimeout)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else {
                _ = send(client, Data("请求在规定时间内没有发完。\n".utf8), status: 408, type: "text/plain; charset=utf-8")
                return nil
            }
            var poller = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 3600) * 1000) + 1)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { continue }
            let count = recv(client, &buffer, buffer.count, 0)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            received += buffer[0..<count]
            if let range = PreviewServer.find(end, in: received) {
                let head = String(decoding: received[..<range], as: UTF8.self)
                return head.split(separator: "\r\n", maxSplits: 1).first.map(String.init)
            }
            if received.count > limits.maxRequestBytes {
                _ = send(client, Data("请求头太长。\n".utf8), status: 431, type: "text/plain; charset=utf-8")
                return nil
            }
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == needle[0] && Array(haystack[start..<start + needle.count]) == needle {
            return start
        }
        return nil
    }

    private func serveFile(_ target: String, _ client: Int32) {
        let snapshot = status.snapshot
        guard let file = resolve(target), var data = try? Data(contentsOf: file) else {
            if snapshot.version == 0, target == "/" || target.hasSuffix(".html") {
                _ = send(
                    client, Data(PreviewPage.placeholder(status: snapshot, now: now).utf8), status: 200, type: "text/html; charset=utf-8")
                return
            }
            let page = (try? String(contentsOf: root.appendingPathComponent("404.html"), encoding: .utf8)).map {
                PreviewPage.inject($0, status: snapshot, now: now)
            }
            _ = send(client, Data((page ?? "not found\n").utf8), status: 404, type: "text/html; charset=utf-8")
            return
        }
        let type = PreviewServer.contentTypes[file.pathExtension] ?? "application/octet-stream"
        if file.pathExtension == "html" {
            data = Data(PreviewPage.inject(String(decoding: data, as: UTF8.self), status: snapshot, now: now).utf8)
        }
        _ = send(client, data, status: 200, type: type)
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

    // MARK: Server-sent events

    /// `text/event-stream`: the current status at once, then every change, and a comment line
    /// every `heartbeat` seconds, until the page goes away or the server stops.
    private func stream(_ client: Int32) {
        lock.lock()
        let admitted = streams < limits.maxStreams
        if admitted { streams += 1 }
        lock.unlock()
        guard admitted else {
            _ = send(client, Data("打开的预览页面太多。\n".utf8), status: 503, type: "text/plain; charset=utf-8", extra: "Retry-After: 5\r\n")
            return
        }
        defer {
            lock.lock()
            streams -= 1
            lock.unlock()
        }
        let head =
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 1000\n\n"
        guard write(client, Data(head.utf8)) else { return }
        var snapshot = status.snapshot
        while true {
            guard write(client, Data("event: status\ndata: \(snapshot.json)\n\n".utf8)) else { return }
            while true {
                guard let next = status.wait(after: snapshot.generation, timeout: limits.heartbeat) else { return }
                if next.generation != snapshot.generation { snapshot = next; break }
                guard write(client, Data(": \n\n".utf8)) else { return }
            }
        }
    }

    // MARK: Writing

    private func send(_ client: Int32, _ body: Data, status: Int, type: String, extra: String = "") -> Bool {
        let reasons = [
            200: "OK", 404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout", 431: "Request Header Fields Too Large",
            503: "Service Unavailable"
        ]
        let head =
            "HTTP/1.1 \(status) \(reasons[status] ?? "OK")\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nCache-Control: no-store\r\n\(extra)Connection: close\r\n\r\n"
        return write(client, Data(head.utf8) + body)
    }

    /// Writes everything or gives up (the client went away, or took longer than `writeTimeout`).
    private func write(_ client: Int32, _ bytes: Data) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                let sent = Glibc.send(client, raw.baseAddress!.advanced(by: offset), raw.count - offset, Int32(MSG_NOSIGNAL))
                #else
                let sent = Darwin.send(client, raw.baseAddress!.advanced(by: offset), raw.count - offset, 0)
                #endif
                if sent < 0, errno == EINTR { continue }
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    static func interval(_ seconds: TimeInterval) -> timeval {
        let whole = Int(seconds)
        #if canImport(Glibc)
        return Glibc.timeval(tv_sec: whole, tv_usec: Int((seconds - Double(whole)) * 1_000_000))
        #else
        return Darwin.timeval(tv_sec: whole, tv_usec: Int32((seconds - Double(whole)) * 1_000_000))
        #endif
    }

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8", "xml": "application/xml; charset=utf-8", "txt": "text/plain; charset=utf-8"
    ]
}
