import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall time and processor time (all threads of the process) since a phase of a build started, for `--timings`:
/// processor time above wall time shows that a phase kept more than one core busy.
public struct PhaseClock: Sendable {
    private let wallStart: UInt64
    private let processorStart: Double

    /// Starts the clock now.
    public init() {
        wallStart = DispatchTime.now().uptimeNanoseconds
        processorStart = Self.processorTime()
    }

    /// Wall-clock seconds since the start.
    public var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9 }

    /// Processor seconds the whole process used since the start, summed over its threads.
    public var processorSeconds: Double { Self.processorTime() - processorStart }

    private static func processorTime() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
