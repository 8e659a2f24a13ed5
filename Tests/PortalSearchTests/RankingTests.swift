import Testing
@testable import PortalSearch

@Suite("Ranking at index time")
struct RankingTests {
    private static let filler = "Die Stadt informiert hier regelmäßig über Vorhaben, Termine und Ergebnisse."

    private static func reading(_ documents: [SearchDocument]) throws -> IndexReading {
        try IndexReading(SearchIndexBuilder().build(documents), prefix: "suche/index")
    }

    @Test("title outweighs summary, summary outweighs body")
    func fieldBoosts() throws {
        let reading = try Self.reading([
            SearchDocument(url: "/t/", title: "Wohngeld", summary: Self.filler, body: Self.filler, kind: "page"),
            SearchDocument(url: "/s/", title: "Hinweis", summary: "Wohngeld " + Self.filler, body: Self.filler, kind: "page"),
            SearchDocument(url: "/b/", title: "Hinweis", summary: Self.filler, body: "Wohngeld " + Self.filler, kind: "page"),
        ])
        let title = try #require(try reading.wholeWeight("wohngeld", url: "/t/"))
        let summary = try #require(try reading.wholeWeight("wohngeld", url: "/s/"))
        let body = try #require(try reading.wholeWeight("wohngeld", url: "/b/"))
        #expect(title > summary && summary > body)
    }

    @Test("the same count weighs more in a shorter body")
    func lengthNormalisation() throws {
        let reading = try Self.reading([
            SearchDocument(url: "/short/", title: "A", body: "Wohngeld " + Self.filler, kind: "page"),
            SearchDocument(url: "/long/", title: "B",
                           body: "Wohngeld " + String(repeating: Self.filler + " ", count: 10), kind: "page"),
        ])
        #expect(try #require(try reading.wholeWeight("wohngeld", url: "/short/"))
            > #require(try reading.wholeWeight("wohngeld", url: "/long/")))
    }

    @Test("a whole word outweighs the same word as a compound part")
    func wholeWordsRankAboveCompoundParts() throws {
        let reading = try Self.reading([
            SearchDocument(url: "/whole/", title: "A", body: "Der Antrag liegt vor. " + Self.filler, kind: "page"),
            SearchDocument(url: "/part/", title: "B", body: "Der Wohngeldantrag liegt vor. " + Self.filler, kind: "page"),
            SearchDocument(url: "/wohngeld/", title: "C", body: "Wohngeld " + Self.filler, kind: "page"),
        ])
        let whole = try #require(try reading.wholeWeight("antrag", url: "/whole/"))
        let part = try #require(try reading.partWeight("antrag", url: "/part/"))
        #expect(whole > part)
        #expect(try reading.partWeight("wohngeld", url: "/part/") != nil)
        #expect(try reading.wholeWeight("antrag", url: "/part/") == nil)
        #expect(try reading.wholeWeight("wohngeldantrag", url: "/part/") != nil)
    }

    @Test("hyphenated compounds are indexed whole and by their parts, as words")
    func hyphenatedCompounds() throws {
        let reading = try Self.reading([
            SearchDocument(url: "/ki/", title: "Die KI-Verordnung", body: Self.filler, kind: "page"),
        ])
        for term in ["kiverordn", "ki", "verordn"] {
            #expect(try reading.wholeWeight(term, url: "/ki/") != nil, "\(term)")
        }
    }

    @Test("stop words are not indexed")
    func stopWords() throws {
        let terms = try Self.reading([SearchDocument(url: "/x/", title: "Die und der", body: Self.filler, kind: "page")]).terms()
        for stopWord in ["die", "und", "der", "uber", "fur"] { #expect(terms[stopWord] == nil) }
        #expect(terms["stadt"] != nil)
    }

    @Test("weight bytes: never zero, monotonic, within 3.2 % of the weight")
    func weightEncoding() {
        #expect(RankingModel.encode(0) == 1)
        #expect(RankingModel.encode(0.0001) == 1)
        var previous: UInt8 = 0
        for step in 1...4_000 {
            let weight = Double(step) * 0.01
            let code = RankingModel.encode(weight)
            #expect(code >= previous)
            previous = code
            if weight >= 32 / RankingModel.weightScale {
                #expect(abs(RankingModel.decode(code) - weight) / weight <= 0.032, "\(weight)")
            }
        }
        #expect(RankingModel.encode(1e9) == 255)
        for code in 1...255 {
            #expect(RankingModel.decode(UInt8(code)) > RankingModel.decode(UInt8(code - 1)))
            #expect(RankingModel.encode(RankingModel.decode(UInt8(code))) == UInt8(code))
        }
    }
}
