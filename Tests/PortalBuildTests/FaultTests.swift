import Foundation
import PortalTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Builds that are killed or run out of disk space never damage the published site, and leave nothing behind.
@Suite(.serialized) struct FaultTests {
    /// The minimal site plus `count` generated measures, so a build takes long enough to be interrupted.
    static func largeSite(measures count: Int, variant: String) -> Txtar {
        var site = Fixtures.minimalSite
        let template = site["measures/chatbot.md"]!.replacingOccurrences(of: "motions: [\"AT/0001/2025#1\"]\n", with: "")
        for index in 0..<count {
            let text = template
                .replacingOccurrences(of: "title: Chatbot im Bürgerservice", with: "title: Maßnahme \(index) \(variant)")
                .replacingOccurrences(of: "Der Chatbot ist ein Beispiel.", with: String(repeating: "Ein Absatz über die Maßnahme \(index) in der Variante \(variant). ", count: 40) + "\n\n## Abschnitt\n\nText.")
                .replacingOccurrences(of: "Er setzt [Punkt 1](../motions/AT-0001-2025.md#punkt-1) um.", with: "")
            site["measures/massnahme-\(index).md"] = text
        }
        return site
    }

    /// Every file below `folder`: relative path → contents.
    static func snapshot(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return result
    }

    static func portal(_ arguments: [String], in directory: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CommandLineTests.executable, "portal binary not found"))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PORTAL_DEFAULT_TEMPLATES": BuildTests.templates]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }

    static func runToEnd(_ arguments: [String], in directory: String) throws -> Int32 {
        let process = try portal(arguments, in: directory)
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func killNineAtRandomMomentsNeverDamagesTheSite() throws {
        let directory = try TemporaryDirectory(prefix: "portal-kill")
        defer { directory.remove() }
        let old = Self.largeSite(measures: 1500, variant: "alt"), new = Self.largeSite(measures: 1500, variant: "neu")
        try directory.write(new, into: "content-new")
        let arguments = ["build", "--as-of", "2026-01-15"]
        #expect(try Self.runToEnd(arguments + ["--content", "content-new", "--output", "expected-new"], in: directory.path) == 0)
        try directory.write(old, into: "content")
        let start = Date()
        #expect(try Self.runToEnd(arguments, in: directory.path) == 0)
        let duration = Date().timeIntervalSince(start)
        let oldSite = Self.snapshot(directory.path + "/site"), newSite = Self.snapshot(directory.path + "/expected-new")
        #expect(oldSite.count > 1500)
        #expect(oldSite != newSite)
        var generator = SystemRandomNumberGenerator()
        var interrupted = 0
        // Kills fall anywhere in a build, up to just past its end. The window starts at the measured build's time
        // and shrinks to a build that finished before its kill: measured while other tests held the cores, a
        // build took twice as long as the trials later did, and only 8 of 20 were interrupted.
        var window = max(0.05, duration * 1.1)
        for trial in 0..<20 {
            let process = try Self.portal(arguments + ["--content", "content-new"], in: directory.path)
            try process.run()
            let pause = Double.random(in: 0.02...window, using: &generator)
            usleep(UInt32(pause * 1_000_000))
            let stillRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if stillRunning { interrupted += 1 } else { window = max(0.05, pause * 1.1) }
            let published = Self.snapshot(directory.path + "/site")
            let differing = published.keys.filter { published[$0] != oldSite[$0] }.sorted().prefix(5)
            #expect(published == oldSite || published == newSite, "trial \(trial): the site is neither the old nor the new one; \(published.count) files, differing from the old: \(Array(differing)), missing: \(Array(Set(oldSite.keys).subtracting(published.keys).sorted().prefix(5)))")
            if published == newSite {
                // The build finished before the kill: publish the old site again for the next trial.
                #expect(try Self.runToEnd(arguments, in: directory.path) == 0)
            }
        }
        #expect(interrupted >= 10, "only \(interrupted) of 20 builds were interrupted; the timing is off")
        #expect(try Self.runToEnd(arguments, in: directory.path) == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".site.") }
        #expect(leftovers == [])
    }

    static let canMount: Bool = geteuid() == 0 && FileManager.default.fileExists(atPath: "/bin/mount")

    @Test(.enabled(if: canMount, "needs root to mount a small tmpfs"))
    func fullDiskLeavesThePreviousSite() throws {
        let directory = try TemporaryDirectory(prefix: "portal-disk")
        defer { directory.remove() }
        let mountPoint = directory.path + "/disk"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=1500k", "tmpfs", mountPoint]
        try mount.run()
        mount.waitUntilExit()
        try #require(mount.terminationStatus == 0)
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [mountPoint]
            try? umount.run()
            umount.waitUntilExit()
        }
        try directory.write(Fixtures.minimalSite, into: "content")
        let arguments = ["build", "--as-of", "2026-01-15", "--output", "disk/site"]
        #expect(try Self.runToEnd(arguments, in: directory.path) == 0)
        let before = Self.snapshot(mountPoint + "/site")
        #expect(!before.isEmpty)
        try FileManager.default.removeItem(atPath: directory.path + "/content")
        try directory.write(Self.largeSite(measures: 600, variant: "gross"), into: "content")
        #expect(try Self.runToEnd(arguments, in: directory.path) == 1)
        #expect(Self.snapshot(mountPoint + "/site") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: mountPoint).filter { $0 != "site" }
        #expect(leftovers == [])
    }
}
