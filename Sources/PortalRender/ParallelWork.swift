import Dispatch
import Foundation

/// Runs independent jobs on all cores and returns their results in the jobs' order, so output stays deterministic.
enum ParallelWork {
    /// `transform` applied to every element, computed in contiguous chunks across the cores.
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard elements.count > 1, cores > 1 else { return elements.map(transform) }
        // A few chunks per core even out pages of different sizes.
        let chunkCount = min(elements.count, cores * 4)
        let chunkSize = (elements.count + chunkCount - 1) / chunkCount
        let results = ChunkResults<Result>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = chunk * chunkSize
            let end = min(start + chunkSize, elements.count)
            guard start < end else { return }
            results.store(elements[start..<end].map(transform), at: chunk)
        }
        return results.joined()
    }

    /// The results of each chunk, written once each from different threads.
    private final class ChunkResults<Result: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var chunks: [[Result]]

        init(count: Int) {
            chunks = Array(repeating: [], count: count)
        }

        func store(_ results: [Result], at chunk: Int) {
            lock.lock()
            chunks[chunk] = results
            lock.unlock()
        }

        func joined() -> [Result] {
            lock.lock()
            defer { lock.unlock() }
            return chunks.flatMap { $0 }
        }
    }
}
