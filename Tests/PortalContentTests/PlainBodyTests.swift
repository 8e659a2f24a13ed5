import Foundation
@testable import PortalContent
import Testing

/// Reading a document's body back from its bytes (`FrontMatter.plainBody`) gives exactly what decoding and
/// splitting gives, or leaves the file to them.
@Suite struct PlainBodyTests {
    static let cases: [String] = [
        "---\ntitle: A\n---\nText\n",
        "---\ntitle: Ä\n---\n",
        "---\ntitle: A\n---",
        "---\ntitle: A\n...\nText nach Punkten\n",
        "---\ntitle: A\n--- \t\nText\n",
        "---\ntitle: A\n  ---\nnoch YAML\n---\nText\n",
        "---\ntitle: A\n---\u{301}\nText\n---\nDanach\n",
        "---\ntitle: A\n--- \u{301}\n---\nDanach\n",
        "---\ntitle: A\nText ohne Ende\n",
        "---\n",
        "---\n---\n",
        "---  \ntitle: A\n---\nText\n",
        "\n\n---\ntitle: A\n---\nText\n",
        "\u{FEFF}---\ntitle: A\n---\nText\n",
        "---\r\ntitle: A\r\n---\r\nText\r\n",
        "---\ntitle: A\n---\nZeile\rmit CR\n",
        "---\ntitle: A\u{0}\n---\nText\n",
        "# Kein Vorspann\n",
        "",
    ]

    @Test(arguments: cases)
    func agreesWithDecodingAndSplitting(_ text: String) {
        let file = ContentFile(relativePath: "pages/a.md", displayPath: "pages/a.md", bytes: Array(text.utf8))
        if let plain = FrontMatter.plainBody(of: file.bytes) {
            #expect(plain == ContentParser.splitDocumentBody(of: file))
        }
        #expect(ContentParser.documentBody(of: file) == ContentParser.splitDocumentBody(of: file))
    }

    @Test func invalidUTF8AnywhereIsNoBody() {
        for bytes: [UInt8] in [Array("---\ntitle: \u{C4}\n---\nText\n".utf8).map { $0 == 0xC3 ? 0xFF : $0 }, Array("---\ntitle: A\n---\nText ".utf8) + [0xE2, 0x82]] {
            let file = ContentFile(relativePath: "pages/a.md", displayPath: "pages/a.md", bytes: bytes)
            #expect(FrontMatter.plainBody(of: bytes) == nil)
            #expect(ContentParser.documentBody(of: file) == nil)
        }
    }

    @Test func everyFixtureDocumentIsPlainAndAgrees() throws {
        let files = try FullFixtureCoverageTests().files().filter { $0.relativePath.hasSuffix(".md") }
        #expect(files.count > 10)
        for file in files {
            let plain = FrontMatter.plainBody(of: file.bytes)
            #expect(plain != nil, "\(file.relativePath) takes the plain path")
            #expect(plain == ContentParser.splitDocumentBody(of: file), "\(file.relativePath)")
        }
    }
}
