import Foundation
@testable import PortalModel
import Testing

/// `Parallel.map` keeps input order; the consuming form lets each item go once it is transformed.
@Suite struct ParallelTests {
    final class Item: Sendable {
        let number: Int
        init(_ number: Int) { self.number = number }
    }

    final class Numbers: @unchecked Sendable {
        private let lock = NSLock()
        private var numbers: [Int] = []
        func append(_ number: Int) { lock.withLock { numbers.append(number) } }
        var all: [Int] { lock.withLock { numbers } }
    }

    final class WeakItem: @unchecked Sendable {
        weak var item: Item?
        init(_ item: Item) { self.item = item }
    }

    @Test(arguments: [0, 1, 2, 63, 64, 65, 1_000, 1_024, 1_025, 5_000])
    func resultsKeepTheInputOrder(count: Int) {
        let numbers = Array(0..<count)
        #expect(Parallel.map(numbers) { $0 * 2 } == numbers.map { $0 * 2 })
        #expect(Parallel.map(consuming: numbers) { $0 * 2 } == numbers.map { $0 * 2 })
    }

    @Test func consumingMapLetsEachItemGoOnceTransformed() {
        // Chunks of three items: within a chunk, the item before must be gone when the next one starts.
        let count = Parallel.maximumChunks * 3
        let items = (0..<count).map(Item.init)
        let watchers = items.map(WeakItem.init)
        let stillHeld = Numbers()
        let numbers = Parallel.map(consuming: consume items) { item -> Int in
            if item.number % 3 != 0, watchers[item.number - 1].item != nil {
                stillHeld.append(item.number - 1)
            }
            return item.number
        }
        #expect(numbers == Array(0..<count))
        #expect(stillHeld.all == [])
        #expect(watchers.allSatisfy { $0.item == nil })
    }

    @Test func bothReturnsBothResults() {
        // Whether the two run side by side depends on the threads free at the time; the results never do.
        let (numbers, text) = Parallel.both({ Parallel.map(Array(0..<100)) { $0 + 1 } }, { "zwei" })
        #expect(numbers == Array(1...100) && text == "zwei")
    }
}
