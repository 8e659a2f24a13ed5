#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A small HTTP/1.1 client over a plain socket to 127.0.0.1, for talking to the preview server in tests. Blocking
/// socket calls run on their own threads, so they never hold up the threads that serve the requests.
struct HTTPTestClient: Sendable {
    let port: Int

    struct Response: Sendable {
        var status: Int
        /// Header names in lowercase.
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error, CustomStringConvertible {
        case connect(Int32)
        case timedOut(String)
        case malformed(String)

        var description: String {
            switch self {
            case .connect(let code): "connecting failed: \(String(cString: strerror(code)))"
            case .timedOut(let what): "timed out waiting for \(what)"
            case .malformed(let what): "malformed response: \(what)"
            }
        }
    }

    /// Sends one request (`Connection: close`) and reads the whole response.
    func request(_ method: String = "GET", _ path: String, headers: [String: String] = [:], timeout: Double = 5) async throws -> Response {
        let port = self.port
        return try await Self.offload {
            let socket = try Socket(port: port, timeout: timeout)
            defer { socket.close() }
            try socket.send(Self.requestText(method, path, headers: headers.merging(["Connection": "close"]) { $1 }))
            var bytes: [UInt8] = []
            while let chunk = try socket.receive() { bytes += chunk }
            return try Self.parse(bytes, isHead: method == "HEAD")
        }
    }

    /// Opens the live-reload event stream and returns it once the response headers have arrived.
    func openEventStream(path: String = "/__portal/events") async throws -> EventStream {
        let port = self.port
        return try await Self.offload {
            let socket = try Socket(port: port, timeout: 0.2)
            try socket.send(Self.requestText("GET", path, headers: ["Accept": "text/event-stream"]))
            let stream = EventStream(socket: socket)
            try stream.readHeaders(deadline: Date().addingTimeInterval(5))
            return stream
        }
    }

    static func requestText(_ method: String, _ path: String, headers: [String: String]) -> String {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return text + "\r\n"
    }

    /// Parses a complete response (fixed length or chunked).
    static func parse(_ bytes: [UInt8], isHead: Bool) throws -> Response {
        guard let split = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { throw Failure.malformed("no end of headers") }
        let head = String(decoding: bytes[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure.malformed(head.first ?? "") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[split.upperBound...])
        if isHead { body = [] }
        if headers["transfer-encoding"] == "chunked" { body = try dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var result: [UInt8] = []
        var rest = bytes[...]
        while let lineEnd = rest.firstRange(of: Array("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16) else { throw Failure.malformed("chunk size \(sizeText)") }
            if size == 0 { break }
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { throw Failure.malformed("short chunk") }
            result += rest[start..<rest.index(start, offsetBy: size)]
            rest = rest[rest.index(start, offsetBy: size + 2)...]
        }
        return result
    }

    /// Runs blocking work on a new thread and awaits its result.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.start()
        }
    }
}

/// A connected TCP socket with a receive timeout.
final class Socket: @unchecked Sendable {
    private let descriptor: Int32

    init(port: Int, timeout: Double) throws {
        #if os(Linux)
        descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw HTTPTestClient.Failure.connect(errno) }
        var interval = timeval()
        interval.tv_sec = .init(Int(timeout))
        interval.tv_usec = .init((timeout - Double(Int(timeout))) * 1_000_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(descriptor)
            throw HTTPTestClient.Failure.connect(code)
        }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw HTTPTestClient.Failure.connect(errno) }
            offset += sent
        }
    }

    /// The next bytes; `nil` at the end of the stream. Throws `timedOut` when nothing arrives within the timeout.
    func receive() throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count == 0 { return nil }
        if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK { throw HTTPTestClient.Failure.timedOut("data") }
            throw HTTPTestClient.Failure.connect(errno)
        }
        return Array(buffer[..<count])
    }

    func close() {
        Glibc.close(descriptor)
    }
}

/// The client side of a Server-Sent Events stream: reads events one at a time with a deadline.
final class EventStream: @unchecked Sendable {
    private let socket: Socket
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    private var isChunked = false
    private(set) var headers: [String: String] = [:]
    private(set) var status = 0
    /// Decoded body bytes not yet returned as events.
    private var pending = ""
    private var ended = false

    /// One event: its name (`message` when none) and data; comments are skipped.
    struct Event: Sendable, Equatable {
        var name: String
        var data: String
        /// When the reading thread took the event off the socket: latencies measured from this do not include the
        /// time the awaiting test task waited for a free thread.
        var received = ContinuousClock.now
    }

    init(socket: Socket) {
        self.socket = socket
    }

    func readHeaders(deadline: Date) throws {
        while buffer.firstRange(of: Array("\r\n\r\n".utf8)) == nil {
            guard Date() < deadline else { throw HTTPTestClient.Failure.timedOut("event stream headers") }
            do {
                guard let chunk = try socket.receive() else { throw HTTPTestClient.Failure.malformed("closed before headers") }
                buffer += chunk
            } catch HTTPTestClient.Failure.timedOut { continue }
        }
        let split = buffer.firstRange(of: Array("\r\n\r\n".utf8))!
        let response = try HTTPTestClient.parse(Array(buffer[..<split.upperBound]), isHead: true)
        status = response.status
        headers = response.headers
        isChunked = headers["transfer-encoding"] == "chunked"
        buffer = Array(buffer[split.upperBound...])
    }

    /// The next event within `timeout` seconds; `nil` when the server ended the stream.
    func next(timeout: Double) async throws -> Event? {
        try await HTTPTestClient.offload { [self] in try self.nextBlocking(deadline: Date().addingTimeInterval(timeout)) }
    }

    private func nextBlocking(deadline: Date) throws -> Event? {
        lock.lock()
        defer { lock.unlock() }
        while true {
            decodeBuffer()
            if let range = pending.range(of: "\n\n") {
                let block = String(pending[..<range.lowerBound])
                pending = String(pending[range.upperBound...])
                var name = "message", data: [String] = []
                var isComment = true
                for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                    if line.hasPrefix(":") { continue }
                    isComment = false
                    if line.hasPrefix("event:") { name = line.dropFirst(6).trimmingCharacters(in: .whitespaces) }
                    if line.hasPrefix("data:") { data.append(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) }
                    if line.hasPrefix("retry:") { name = "retry" }
                }
                if isComment || name == "retry" { continue }
                return Event(name: name, data: data.joined(separator: "\n"))
            }
            if ended { return nil }
            guard Date() < deadline else { throw HTTPTestClient.Failure.timedOut("an event") }
            do {
                if let chunk = try socket.receive() { buffer += chunk } else { ended = true }
            } catch HTTPTestClient.Failure.timedOut {
                continue
            }
        }
    }

    /// Moves complete body data from `buffer` to `pending`, removing chunked framing.
    private func decodeBuffer() {
        guard isChunked else {
            pending += String(decoding: buffer, as: UTF8.self)
            buffer = []
            return
        }
        while let lineEnd = buffer.firstRange(of: Array("\r\n".utf8)) {
            guard let size = Int(String(decoding: buffer[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) else { return }
            if size == 0 {
                ended = true
                buffer = []
                return
            }
            let start = lineEnd.upperBound
            guard buffer.count >= start + size + 2 else { return }
            pending += String(decoding: buffer[start..<start + size], as: UTF8.self)
            buffer = Array(buffer[(start + size + 2)...])
        }
    }

    func close() {
        socket.close()
    }
}
