import PortalDiagnostics
import PortalModel

/// What a build did: its diagnostics, what it wrote, and how long each phase took.
public struct BuildResult: Sendable {
    public var diagnostics: Diagnostics
    /// HTML pages written (0 for `check` or a failed build).
    public var pagesWritten: Int
    /// All files written.
    public var filesWritten: Int
    /// The as-of date used.
    public var asOf: LocalDate
    public var timings: [PhaseTiming]
    /// Whether nothing had changed since the last build, so the published site was left untouched.
    public var reusedPublishedSite: Bool = false
    /// Files hard-linked from the previous site because their bytes did not change (included in `filesWritten`).
    public var filesReused: Int = 0

    /// Whether the build succeeded (no errors).
    public var succeeded: Bool { !diagnostics.hasErrors }

    /// The seconds from the first phase's start to the last phase's end.
    public var totalSeconds: Double { timings.reduce(0) { $0 + $1.seconds } }

    /// One phase of the build and its duration.
    public struct PhaseTiming: Sendable {
        public var phase: String
        public var seconds: Double
        /// Processor seconds of all threads during the phase (nil where unknown).
        public var processorSeconds: Double?
        /// The process's peak resident memory when the phase ended, in bytes (nil where unknown).
        public var peakResidentBytes: Int?

        /// Records a phase that just ended, with the peak memory so far.
        public init(phase: String, seconds: Double, processorSeconds: Double? = nil) {
            self.phase = phase
            self.seconds = seconds
            self.processorSeconds = processorSeconds
            self.peakResidentBytes = PeakMemory.current()
        }

        /// Records a phase that just ended, timed by `clock`.
        init(phase: String, clock: PhaseClock) {
            self.init(phase: phase, seconds: clock.seconds, processorSeconds: clock.processorSeconds)
        }
    }
}
