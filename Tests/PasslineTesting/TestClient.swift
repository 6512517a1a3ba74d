import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare TCP client, to send exactly what a test needs (half a request, nothing at all).
public final class TestClient {
    public let descriptor: Int32
    public private(set) var closedByServer = false

    public init(port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { Glibc.close(descriptor); throw POSIXError(.ECONNREFUSED) }
    }

    deinit { close() }

    private var isOpen = true
    public func close() {
        if isOpen { Glibc.close(descriptor); isOpen = false }
    }

    public func send(_ text: String) {
        _ = Data(text.utf8).withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the server closes the connection or `timeout` passes.
    public func readToEnd(timeout: TimeInterval) -> String {
        var data = [UInt8]()
        let deadline = Date(timeIntervalSinceNow: timeout)
        while let chunk = readSome(deadline: deadline) { data += chunk }
        return String(decoding: data, as: UTF8.self)
    }

    private var buffered = [UInt8]()

    /// Reads until `end` appears after `marker` (an event of a stream), or `timeout`.
    public func read(until end: String, after marker: String, timeout: TimeInterval) -> String {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while true {
            let text = String(decoding: buffered, as: UTF8.self)
            if let start = text.range(of: marker), let stop = text.range(of: end, range: start.upperBound..<text.endIndex) {
                buffered = Array(text[stop.upperBound...].utf8)
                return String(text[..<stop.upperBound])
            }
            guard let chunk = readSome(deadline: deadline) else { return text }
            buffered += chunk
        }
    }

    private func readSome(deadline: Date) -> [UInt8]? {
        let left = deadline.timeIntervalSinceNow
        guard left > 0 else { return nil }
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(left * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        if count <= 0 { closedByServer = true; return nil }
        return Array(buffer[0..<count])
    }

    public func get(_ path: String, timeout: TimeInterval = 10) throws -> String {
        send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        return readToEnd(timeout: timeout)
    }
}
