@testable import PortalBuild
import Testing

/// The build cache's fingerprint tells apart the inputs an edit makes: every length of the same bytes, every
/// single changed bit, words swapped between and within its four lanes.
@Suite struct ContentHashTests {
    @Test func everyLengthOfZerosDiffers() {
        let hashes = (0...100).map { ContentHash.of([UInt8](repeating: 0, count: $0)) }
        #expect(Set(hashes).count == hashes.count)
    }

    @Test func everySingleBitFlipDiffers() {
        let base = (0..<75).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        var hashes = [ContentHash.of(base)]
        for index in base.indices {
            for bit in 0..<8 {
                var changed = base
                changed[index] ^= 1 << bit
                hashes.append(ContentHash.of(changed))
            }
        }
        #expect(Set(hashes).count == hashes.count)
    }

    @Test func swappedWordsDiffer() {
        let words = (0..<8).map { [UInt8](repeating: UInt8($0 + 1), count: 8) }
        let base = words.flatMap { $0 }
        var swappedLanes = words
        swappedLanes.swapAt(0, 1)
        var swappedBlocks = words
        swappedBlocks.swapAt(0, 4)
        let hashes = [base, swappedLanes.flatMap { $0 }, swappedBlocks.flatMap { $0 }].map(ContentHash.of)
        #expect(Set(hashes).count == 3)
    }

    @Test func stringsAreSeparated() {
        var first = ContentHash(), second = ContentHash()
        first.add("ab")
        first.add("c")
        second.add("a")
        second.add("bc")
        #expect(first.hex != second.hex)
        #expect(ContentHash.of(Array("Bürger".utf8)) == ContentHash.of(Array("Bürger".utf8)))
    }
}
