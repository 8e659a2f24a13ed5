import Foundation
import PortalBuild

/// Shows a build's progress on stderr: on a terminal, once the build has run for a second, one line updated in
/// place; in CI (not a terminal, or `CI=true`) plain lines for every tenth of the pages and the phases after them,
/// only for sites of at least `largeSite` pages, so that small builds (and tests) stay silent deterministically.
final class ProgressReporter: @unchecked Sendable {
    private let interactive: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private let lock = NSLock()
    private var shownInPlace = false
    private var lastTenth = -1
    private var large = false
    /// The page count from which builds report progress in CI.
    static let largeSite = 1000

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        interactive = isatty(STDERR_FILENO) == 1 && environment["CI"]?.lowercased() != "true"
    }

    /// Handles one progress report from the builder (any thread).
    func report(_ progress: BuildProgress) {
        lock.lock()
        defer { lock.unlock() }
        if case .pages(_, let total) = progress, total >= Self.largeSite { large = true }
        if interactive {
            guard Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 >= 1 else { return }
        } else {
            guard large else { return }
        }
        switch progress {
        case .phase(let phase):
            show("portal: \(phase)")
        case .pages(let done, let total):
            let tenth = total == 0 ? 10 : done * 10 / total
            if interactive {
                show("portal: render \(done) of \(total) pages")
            } else if tenth != lastTenth {
                lastTenth = tenth
                show("portal: render \(done) of \(total) pages")
            }
        }
    }

    /// Clears the in-place line before the summary is printed.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shownInPlace { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shownInPlace = false
    }

    private func show(_ line: String) {
        if interactive {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
            shownInPlace = true
        } else {
            FileHandle.standardError.write(Data("\(line)\n".utf8))
        }
    }
}
