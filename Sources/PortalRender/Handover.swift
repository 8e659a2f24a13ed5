import Synchronization

/// A value passed to a closure that runs elsewhere, taken out by it so that it holds the only reference (a
/// captured value would keep a second one, and a large value changed in place would be copied first).
final class Handover<Value: Sendable>: Sendable {
    private let slot: Mutex<Value?>

    init(_ value: consuming Value?) {
        slot = Mutex(value)
    }

    /// The value, leaving none behind (nil the second time).
    func take() -> Value? {
        slot.withLock { value in
            var taken: Value?
            swap(&taken, &value)
            return taken
        }
    }
}
