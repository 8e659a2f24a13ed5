import Foundation
import PortalTestSupport
import Testing

/// `portal serve` shows unpublished drafts, so only this computer may reach it: the kernel's own table of
/// listening sockets must show it on 127.0.0.1, never on all interfaces (0.0.0.0 or ::).
@Suite(.serialized) struct LoopbackTests {
    /// A listening TCP socket from `/proc/net/tcp` or `/proc/net/tcp6`.
    struct ListeningSocket: Equatable, CustomStringConvertible {
        /// The local address as the kernel writes it: hexadecimal, IPv4 in host byte order (127.0.0.1 is `0100007F`).
        var address: String
        var port: Int
        var description: String { "\(address):\(port)" }
    }

    /// The loopback addresses as `/proc/net/tcp` and `/proc/net/tcp6` write them.
    static let loopback: Set<String> = ["0100007F", "00000000000000000000000001000000"]

    /// Every socket in state LISTEN (`0A`) in the given tables.
    static func listeningSockets(in tables: [String] = ["/proc/net/tcp", "/proc/net/tcp6"]) throws -> [ListeningSocket] {
        var sockets: [ListeningSocket] = []
        for table in tables where FileManager.default.fileExists(atPath: table) {
            let text = try String(contentsOfFile: table, encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                guard fields.count > 3, fields[3] == "0A" else { continue }
                let local = fields[1].split(separator: ":")
                guard local.count == 2, let port = Int(local[1], radix: 16) else { continue }
                sockets.append(ListeningSocket(address: String(local[0]), port: port))
            }
        }
        return sockets
    }

    @Test("The preview server listens on 127.0.0.1 only", .enabled(if: FileManager.default.fileExists(atPath: "/proc/net/tcp")))
    func listensOnLoopbackOnly() async throws {
        let server = try await LiveServer(site: Fixtures.minimalSite)
        defer { Task { await server.stop() } }
        let sockets = try Self.listeningSockets().filter { $0.port == server.port }
        #expect(!sockets.isEmpty, "no listening socket on port \(server.port)")
        #expect(sockets.allSatisfy { Self.loopback.contains($0.address) }, "listening on \(sockets)")
    }

    @Test("The socket table is read right")
    func readsTheSocketTable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let table = directory.path + "/tcp"
        try """
          sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1 1 0 100 0 0 10 0
           1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0 100 0 0 10 0
           2: 0100007F:1F90 0100007F:A000 01 00000000:00000000 00:00000000 00000000  1000        0 3 1 0 20 4 30 10 -1
        """.write(toFile: table, atomically: true, encoding: .utf8)
        let sockets = try Self.listeningSockets(in: [table])
        #expect(sockets == [ListeningSocket(address: "0100007F", port: 8080), ListeningSocket(address: "00000000", port: 22)])
        #expect(!Self.loopback.contains(sockets[1].address), "0.0.0.0 is every interface")
    }
}
