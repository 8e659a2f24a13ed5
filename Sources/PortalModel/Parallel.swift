import Dispatch

/// Runs independent pure work on all cores, keeping the results in input order so output stays deterministic.
public enum Parallel {
    /// `items.map(transform)`, computed concurrently in chunks.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let count = items.count
        guard count > 1 else { return items.map(transform) }
        let chunks = min(count, 64)
        var results = [R?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * count / chunks, end = (chunk + 1) * count / chunks
                for index in start..<end { slots[index] = transform(items[index]) }
            }
        }
        return results.map { $0! }
    }
}
