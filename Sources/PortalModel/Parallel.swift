import Dispatch

/// Runs independent pure work on all cores, keeping the results in input order so output stays deterministic.
public enum Parallel {
    /// At most this many pieces of work per call: enough that a few expensive items (the page listing every
    /// measure) do not leave one core idle at the end (1,000 articles: render 0.73 → 0.45 s with 64 pieces
    /// before), few enough that handing them out costs nothing measurable.
    static let maximumChunks = 1024

    /// `items.map(transform)`, computed concurrently in chunks.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        map(consuming: items, transform)
    }

    /// `items.map(transform)`, computed concurrently in chunks, taking the items over: each item is let go as soon
    /// as its transform returns (when the caller hands the array over with `consume`), so large inputs such as
    /// file contents need not all stay in memory until the last one is done.
    public static func map<T: Sendable, R: Sendable>(consuming items: consuming [T], _ transform: @Sendable (T) -> R) -> [R] {
        var pending = (consume items).map(Optional.some)
        let count = pending.count
        guard count > 1 else { return pending.map { transform($0!) } }
        let chunks = min(count, Self.maximumChunks)
        var results = [R?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            pending.withUnsafeMutableBufferPointer { items in
                nonisolated(unsafe) let inputs = items
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let start = chunk * count / chunks, end = (chunk + 1) * count / chunks
                    // Each index belongs to one chunk, so no two threads touch the same slot.
                    for index in start..<end { slots[index] = transform(inputs[index].take()!) }
                }
            }
        }
        return results.map { $0! }
    }

    /// `(first(), second())`, computed side by side (each may itself use `map`).
    public static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = Results<A, B>()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { results.first = first() } else { results.second = second() }
        }
        guard let a = results.first, let b = results.second else { preconditionFailure("both ran") }
        return (a, b)
    }

    /// The two results of `both`, each written by one thread and read after both are done.
    private final class Results<A, B>: @unchecked Sendable {
        var first: A?
        var second: B?
    }
}
