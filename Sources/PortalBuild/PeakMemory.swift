import Foundation

/// The process's peak resident memory so far, for `--timings`.
enum PeakMemory {
    /// The high-water mark of resident memory in bytes (`VmHWM` in `/proc/self/status`), or nil where the system
    /// does not report it.
    static func current() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.dropFirst("VmHWM:".count).filter(\.isNumber)
            return Int(kilobytes).map { $0 * 1024 }
        }
        return nil
    }
}
