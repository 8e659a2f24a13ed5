import Foundation
import PortalTestSupport
import Testing
@testable import PortalSearch

@Suite("Search corpus: counted once, recounted per changed document")
struct SearchCorpusTests {
    /// The fixture corpus with one duplicate URL (ties are ordered by position) and a word only one document has.
    static func before() throws -> [SearchDocument] {
        var documents = try SearchIndexBuilderTests.corpus()
        documents.append(documents[0])
        documents[1].body += " Zwiebelkuchenfest Bürgerbeteiligung"
        return documents
    }

    /// Each file's path, size and hash: what must be equal, short enough to read when it is not.
    static func digest(_ files: [SearchIndexFile]) -> [String] {
        files.map { "\($0.path) \($0.bytes.count) bytes \(Hashing.fnv1a64($0.bytes))" }
    }

    /// Edits of the documents at the given positions, each something a full count would see differently.
    enum Edit: String, CaseIterable, CustomTestStringConvertible {
        /// A word that no document had, a compound of known parts.
        case newWord
        /// The only document with a word loses it (the word must leave the vocabulary).
        case lostWord
        /// The whole body goes.
        case emptied
        /// Title and summary change, so do field lengths.
        case retitled
        /// The duplicate of another document's URL changes (position, not URL, identifies a document).
        case duplicate
        /// Counts too large to pack (a title word 300 times, a body word 70,000 times), then small again.
        case largeCounts

        var testDescription: String { rawValue }

        func apply(to documents: inout [SearchDocument]) -> [Int] {
            switch self {
            case .newWord:
                documents[2].body += " Quittenbrotverwaltung Quittenbrot"
                return [2]
            case .lostWord:
                documents[1].body = documents[1].body.replacingOccurrences(of: " Zwiebelkuchenfest", with: "")
                return [1]
            case .emptied:
                documents[3].body = ""
                documents[4].body = "Ein kurzer Text."
                return [3, 4]
            case .retitled:
                documents[0].title = "Ganz neuer Titel für die Verwaltung"
                documents[0].summary = ""
                return [0]
            case .duplicate:
                let last = documents.count - 1
                documents[last].body = "Nur das Duplikat sagt Rübenzucker."
                return [last]
            case .largeCounts:
                documents[2].title = String(repeating: "Haushalt ", count: 300)
                documents[2].body = String(repeating: "Wiederholung ", count: 70_000)
                documents[3].body = "Haushalt Wiederholung"
                return [2, 3]
            }
        }
    }

    @Test("recounting the changed documents gives the files of a count from scratch", arguments: Edit.allCases)
    func recount(edit: Edit) throws {
        var documents = try Self.before()
        let builder = SearchIndexBuilder()
        let previousDocuments = documents
        let previous = builder.count(urls: documents.map(\.url)) { $0.map { previousDocuments[$0] } }
        let changed = edit.apply(to: &documents)
        let edited = documents
        let made = Requests()
        let recounted = try #require(builder.recount(previous, urls: edited.map(\.url), changed: changed) { positions in
            made.append(positions)
            return positions.map { edited[$0] }
        })
        #expect(made.all.flatMap { $0 }.sorted() == changed.sorted())
        #expect(Self.digest(builder.files(of: recounted)) == Self.digest(builder.build(documents)))
        #expect(Self.digest(builder.files(of: recounted)) != Self.digest(builder.files(of: previous)))
    }

    @Test("a corpus with counts too large to pack is read back and recounted like one counted from scratch")
    func largeCountsKept() throws {
        var documents = try Self.before()
        _ = Edit.largeCounts.apply(to: &documents)
        let large = documents
        let builder = SearchIndexBuilder()
        let corpus = builder.count(urls: large.map(\.url)) { $0.map { large[$0] } }
        let decoded = try SearchCorpus(encoded: corpus.encoded())
        #expect(Self.digest(builder.files(of: decoded)) == Self.digest(builder.build(large)))
        // Another document changes; the large one is carried over from the previous corpus.
        try Self.expectRecountEqualsCount(decoded, documents: large, edit: .retitled)
    }

    @Test("a recount of other URLs or another excerpt length is refused")
    func refusals() throws {
        let documents = try Self.before()
        let previous = SearchIndexBuilder().count(urls: documents.map(\.url)) { $0.map { documents[$0] } }
        let fewer = Array(documents.dropLast())
        #expect(SearchIndexBuilder().recount(previous, urls: fewer.map(\.url), changed: []) { $0.map { fewer[$0] } } == nil)
        var changedURL = documents
        changedURL[0].url = "/anders/"
        let renamed = changedURL
        #expect(SearchIndexBuilder().recount(previous, urls: renamed.map(\.url), changed: [0]) { $0.map { renamed[$0] } } == nil)
        let longer = SearchIndexBuilder(options: SearchIndexOptions(excerptSourceLength: 800))
        #expect(longer.recount(previous, urls: documents.map(\.url), changed: []) { $0.map { documents[$0] } } == nil)
        #expect(SearchIndexBuilder().recount(previous, urls: documents.map(\.url), changed: [documents.count]) { _ in [] } == nil)
    }

    @Test("a corpus read back from its bytes makes the same files and the same bytes")
    func roundTrip() throws {
        let documents = try Self.before()
        let builder = SearchIndexBuilder()
        let corpus = builder.count(urls: documents.map(\.url)) { $0.map { documents[$0] } }
        let bytes = corpus.encoded()
        let decoded = try SearchCorpus(encoded: bytes)
        #expect(decoded.encoded() == bytes)
        #expect(Self.digest(builder.files(of: decoded)) == Self.digest(builder.files(of: corpus)))
        // And it can be recounted like the original.
        try Self.expectRecountEqualsCount(decoded, documents: documents, edit: .newWord)
    }

    /// Applies `edit` to `documents`, recounts the changed ones on top of `previous` (their corpus) and expects the
    /// files of a count from scratch.
    static func expectRecountEqualsCount(_ previous: SearchCorpus, documents: [SearchDocument], edit: Edit) throws {
        var edited = documents
        let changed = edit.apply(to: &edited)
        let final = edited
        let builder = SearchIndexBuilder()
        let recounted = try #require(builder.recount(previous, urls: final.map(\.url), changed: changed) { $0.map { final[$0] } })
        #expect(digest(builder.files(of: recounted)) == digest(builder.build(final)))
    }

    @Test("damaged bytes are refused, never a crash")
    func damage() throws {
        let documents = try Self.before()
        let bytes = SearchIndexBuilder().count(urls: documents.map(\.url)) { $0.map { documents[$0] } }.encoded()
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 100)) {
            #expect(throws: (any Error).self) { try SearchCorpus(encoded: Array(bytes.prefix(length))) }
        }
        #expect(throws: (any Error).self) { try SearchCorpus(encoded: bytes + [0]) }
        // Changed bytes either decode to some corpus or throw; whatever decodes makes index files.
        var random = SeededGenerator(seed: 47)
        for _ in 0..<200 {
            var damaged = bytes
            damaged[Int.random(in: 0..<damaged.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            if let corpus = try? SearchCorpus(encoded: damaged) {
                _ = SearchIndexBuilder().files(of: corpus)
            }
        }
    }
}
