import Testing
@testable import PortalSearch

/// `Tests/Fixtures/search/analysis-cases.json`, which the Node tests run against analysis.js as well.
struct SharedAnalysisCases: Decodable {
    struct Case: Decodable, CustomTestStringConvertible {
        var note: String
        var input: String
        var tokens: [String]
        var terms: [String]
        var testDescription: String { note }
    }

    struct CompoundCase: Decodable, CustomTestStringConvertible {
        var note: String
        var word: String
        var parts: [String]
        var testDescription: String { "\(word): \(note)" }
    }

    struct Compounds: Decodable {
        var vocabularyText: String
        var cases: [CompoundCase]
    }

    var stopWords: [String]
    var cases: [Case]
    var compounds: Compounds

    static func load() throws -> SharedAnalysisCases {
        try Fixtures.decode(SharedAnalysisCases.self, from: "search/analysis-cases.json")
    }

    /// Loaded for parameterised tests; a broken fixture yields no cases, which `fixtureIsComplete` reports.
    static let loaded: SharedAnalysisCases? = try? load()
}

@Suite("Shared analysis cases")
struct SharedAnalysisCasesTests {
    @Test("the fixture loads and covers the required ground")
    func fixtureIsComplete() throws {
        let fixture = try SharedAnalysisCases.load()
        #expect(fixture.cases.count >= 40)
        #expect(fixture.compounds.cases.count >= 15)
    }

    @Test("tokens and terms", arguments: SharedAnalysisCases.loaded?.cases ?? [])
    func analysis(testCase: SharedAnalysisCases.Case) {
        #expect(GermanAnalyzer.tokens(in: testCase.input).map(\.text) == testCase.tokens)
        #expect(GermanAnalyzer.terms(in: testCase.input) == testCase.terms)
    }

    @Test("stop word list is the shared one")
    func stopWords() throws {
        #expect(GermanStopWords.words == (try SharedAnalysisCases.load()).stopWords)
    }

    @Test("compound splitting", arguments: SharedAnalysisCases.loaded?.compounds.cases ?? [])
    func compounds(testCase: SharedAnalysisCases.CompoundCase) throws {
        let fixture = try SharedAnalysisCases.load()
        let vocabulary = Set(GermanAnalyzer.terms(in: fixture.compounds.vocabularyText).filter {
            $0.unicodeScalars.count >= CompoundSplitter.minimumPartLength
        })
        var splitter = CompoundSplitter(isKnownStem: { vocabulary.contains($0) })
        #expect(splitter.split(GermanAnalyzer.normalize(testCase.word)) == testCase.parts)
    }
}
