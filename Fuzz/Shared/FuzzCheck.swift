import PortalTestSupport

/// The bytes libFuzzer hands to `LLVMFuzzerTestOneInput`, copied into an array.
func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Stops the fuzzer, so it saves the input, when a run broke an invariant; a crash stops it on its own.
func stopOnProblems(_ runs: [FuzzRun]) {
    for run in runs where !run.problems.isEmpty {
        let list = run.problems.map { "  - " + $0 }.joined(separator: "\n")
        fatalError("Fuzz invariant broken \(run.name):\n\(list)")
    }
}
