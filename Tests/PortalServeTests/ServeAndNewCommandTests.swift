import Foundation
import PortalTestSupport
import Testing

/// `portal serve` and `portal new` as authors run them, and the guarantee that published builds never contain the
/// preview's reload script.
@Suite struct ServeAndNewCommandTests {
    /// Reads lines from a pipe until one contains `marker` or `timeout` passes.
    static func waitForLine(containing marker: String, in pipe: Pipe, timeout: Double) async throws -> String {
        try await HTTPTestClient.offload {
            let handle = pipe.fileHandleForReading
            var text = ""
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                // Wait for output without blocking past the deadline.
                var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, 100) > 0 else { continue }
                let data = handle.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
                if let line = text.split(separator: "\n").first(where: { $0.contains(marker) }) { return String(line) }
            }
            throw HTTPTestClient.Failure.timedOut("'\(marker)' in the output; got: \(text)")
        }
    }

    /// The acceptance test for the command: picks a free port and prints it, serves the site, stops on Ctrl-C with
    /// status 0, and never writes site/.
    @Test func serveStopsCleanlyOnControlC() async throws {
        let directory = try TemporaryDirectory(prefix: "portal-serve-cli")
        defer { directory.remove() }
        try directory.write(Fixtures.minimalSite, into: "content")
        let started = try PortalBinary.start(["serve", "--port", "0", "--as-of", "2026-01-15"], in: directory.path)
        defer { if started.process.isRunning { started.process.terminate() } }
        let line = try await Self.waitForLine(containing: "serving http://127.0.0.1:", in: started.output, timeout: 20)
        let port = try #require(Int(line.split(separator: "127.0.0.1:").last?.prefix { $0.isNumber } ?? ""))
        #expect(port > 0)
        let client = HTTPTestClient(port: port)
        let page = try await client.request("GET", "/massnahmen/chatbot/")
        #expect(page.status == 200)
        #expect(page.text.contains("/__portal/reload.js"))
        let stream = try await client.openEventStream()
        defer { stream.close() }
        #expect(try await stream.next(timeout: 2)?.name == "hello")

        // Timed on the waiting thread itself: after an await, the test task may resume late when other tests'
        // blocking work holds the shared threads (CI measured 4.1 s here while a 4.1 s test ran beside it).
        let stopping = try await HTTPTestClient.offload { () -> Duration? in
            let interrupted = ContinuousClock.now
            kill(started.process.processIdentifier, SIGINT)
            let deadline = interrupted + .seconds(5)
            while started.process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
            return started.process.isRunning ? nil : ContinuousClock.now - interrupted
        }
        let stopped = try #require(stopping, "portal serve did not stop within 5 s of Ctrl-C")
        #expect(stopped < .seconds(2))
        #expect(started.process.terminationStatus == 0)
        let rest = String(decoding: started.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(rest.contains("portal: preview stopped."))
        #expect(try await stream.next(timeout: 2) == nil, "the open tab's stream was closed")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/site"))
    }

    @Test func serveReportsABusyPortAndBuildErrorsInTheTerminal() async throws {
        let directory = try TemporaryDirectory(prefix: "portal-serve-cli")
        defer { directory.remove() }
        try directory.write(Fixtures.minimalSite.replacing("status: pilot", with: "status: piloot", in: "measures/chatbot.md"), into: "content")
        let started = try PortalBinary.start(["serve", "--port", "0"], in: directory.path)
        defer { if started.process.isRunning { started.process.terminate() } }
        let error = try await Self.waitForLine(containing: "[invalid-value]", in: started.errors, timeout: 20)
        // The same line `portal build` prints.
        let build = try PortalBinary.run(["check"], in: directory.path)
        #expect(build.stderr.split(separator: "\n").first.map(String.init) == error)
        let line = try await Self.waitForLine(containing: "serving http://127.0.0.1:", in: started.output, timeout: 20)
        let port = try #require(line.split(separator: "127.0.0.1:").last?.prefix { $0.isNumber })

        let second = try PortalBinary.run(["serve", "--port", String(port)], in: directory.path)
        #expect(second.status == 1)
        #expect(second.stderr.contains("Port \(port) is already in use"))
        kill(started.process.processIdentifier, SIGINT)
        started.process.waitUntilExit()
        #expect(started.process.terminationStatus == 0)
    }

    @Test func publishedBuildsNeverContainThePreviewScript() throws {
        let directory = try TemporaryDirectory(prefix: "portal-build")
        defer { directory.remove() }
        try directory.write(Fixtures.minimalSite, into: "content")
        let run = try PortalBinary.run(["build", "--as-of", "2026-01-15"], in: directory.path)
        #expect(run.status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.path + "/site/massnahmen/chatbot/index.html"))
        #expect(PortalBinary.files(in: directory.path + "/site", containing: "__portal") == [])
    }

    @Test(arguments: [
        ("measure", "Bürger Chatbot", "content/measures/buerger-chatbot.md"),
        ("motion", "AT/0050/2025", "content/motions/AT-0050-2025.md"),
        ("update", "Stadtrat berät über KI", "content/updates/2026-01-15-stadtrat-beraet-ueber-ki.md"),
        ("page", "Häufige Fragen", "content/pages/haeufige-fragen.md"),
    ])
    func newWritesACheckedFileAndNeverOverwrites(kind: String, name: String, path: String) throws {
        let directory = try TemporaryDirectory(prefix: "portal-new")
        defer { directory.remove() }
        try directory.write(Fixtures.minimalSite, into: "content")
        let created = try PortalBinary.run(["new", kind, name, "--as-of", "2026-01-15"], in: directory.path)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix("portal: wrote \(path)\n"))
        #expect(created.stdout.contains("portal serve") && created.stdout.contains("portal check"))
        let written = try String(contentsOfFile: directory.path + "/" + path, encoding: .utf8)

        let check = try PortalBinary.run(["check", "--strict", "--as-of", "2026-01-15"], in: directory.path)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr == "")

        let again = try PortalBinary.run(["new", kind, name, "--as-of", "2026-01-15"], in: directory.path)
        #expect(again.status == 1)
        #expect(again.stderr == "portal: \(path) already exists; nothing was written. Edit that file, or choose another name.\n")
        #expect(try String(contentsOfFile: directory.path + "/" + path, encoding: .utf8) == written)
    }

    @Test func newRefusesAMissingContentFolderAndEmptyNames() throws {
        let directory = try TemporaryDirectory(prefix: "portal-new")
        defer { directory.remove() }
        let missing = try PortalBinary.run(["new", "measure", "Chatbot"], in: directory.path)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("The content folder 'content' does not exist"))
        try directory.write(Fixtures.minimalSite, into: "inhalte")
        let empty = try PortalBinary.run(["new", "page", "???", "--content", "inhalte"], in: directory.path)
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("no letters or digits"))
        let unknown = try PortalBinary.run(["new", "massnahme", "Chatbot", "--content", "inhalte"], in: directory.path)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("measure"))
        let elsewhere = try PortalBinary.run(["new", "measure", "Chatbot Zwei", "--content", "inhalte/"], in: directory.path)
        #expect(elsewhere.status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.path + "/inhalte/measures/chatbot-zwei.md"))
    }
}
