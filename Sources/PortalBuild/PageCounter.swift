import Foundation

/// Counts rendered pages across threads and reports every 1 % (and the last page) as progress.
final class PageCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let progress: (@Sendable (BuildProgress) -> Void)?

    init(progress: (@Sendable (BuildProgress) -> Void)?) {
        self.progress = progress
    }

    /// Records one more rendered page of `total`.
    func pageDone(of total: Int) {
        lock.lock()
        done += 1
        let current = done
        lock.unlock()
        let step = max(1, total / 100)
        if current % step == 0 || current == total { progress?(.pages(done: current, total: total)) }
    }
}
