import Testing
@testable import PortalSearch

@Suite("Case folding and normalisation")
struct CaseFoldingTests {
    private struct FoldFixture: Decodable {
        var folds: [String: String]
    }

    @Test("every full folding that differs from lower case (casefold.json)")
    func fullFoldings() throws {
        let fixture = try Fixtures.decode(FoldFixture.self, from: "search/casefold.json")
        #expect(fixture.folds.count > 250)
        var mismatches: [String] = []
        for (hex, expected) in fixture.folds.sorted(by: { $0.key < $1.key }) {
            guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                mismatches.append("bad key \(hex)")
                continue
            }
            var folded = String.UnicodeScalarView()
            CaseFolding.fold(scalar, into: &folded)
            if String(folded) != expected { mismatches.append(hex) }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test("normalize", arguments: [
        ("Straße", "strasse"), ("GROẞE", "grosse"), ("Bu\u{0308}rger", "bürger"), ("Bau\u{00AD}antrag", "bauantrag"),
        ("Wohn\u{200B}geld", "wohngeld"), ("\u{FEFF}KI", "ki"), ("ÄÖÜ", "äöü"), ("ﬁ", "fi"),
    ])
    func normalize(input: String, expected: String) {
        #expect(GermanAnalyzer.normalize(input) == expected)
    }

    @Test("text outside the NFC fast path is composed")
    func composition() {
        #expect(GermanAnalyzer.canonicallyComposed("„Bu\u{0308}rger“") == "„Bürger“")
        #expect(GermanAnalyzer.canonicallyComposed("e\u{0301}") == "é")
    }
}
