import Dispatch
import Foundation

/// Makes one batch of search documents on another thread while the caller works on the previous one.
final class BatchAhead: @unchecked Sendable {
    private let make: @Sendable ([Int]) -> [SearchDocument]
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var made: [SearchDocument] = []

    init(make: @escaping @Sendable ([Int]) -> [SearchDocument]) {
        self.make = make
    }

    /// Starts making the documents at `positions`; call `take` before the next `start`.
    func start(_ positions: [Int]) {
        DispatchQueue.global().async { [self] in
            let documents = make(positions)
            lock.withLock { made = documents }
            done.signal()
        }
    }

    /// Waits for the batch last started and returns it.
    func take() -> [SearchDocument] {
        done.wait()
        return lock.withLock {
            defer { made = [] }
            return made
        }
    }
}
