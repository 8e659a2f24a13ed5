import Foundation
@testable import PortalContent
import Testing

/// The position-aware JSON reader: values with their positions, malformed input as errors with positions.
@Suite struct JSONReaderTests {
    @Test func recordsLineAndColumnOfValues() throws {
        let root = try JSONReader.parse("{\n  \"name\": \"Köln\",\n  \"list\": [1, -2.5e3, true, null]\n}").get()
        #expect(root.line == 1 && root.column == 1)
        let name = try #require(root["name"])
        #expect(name.string == "Köln" && name.line == 2 && name.column == 11)
        let list = try #require(root["list"]?.array)
        #expect(list.count == 4)
        #expect(list[0].integer == 1 && list[0].column == 12)
        #expect(list[1].integer == nil && list[1].column == 15)
        #expect(list[2].boolean == true && list[3].kind == .null)
        #expect(root.members?.map(\.keyLine) == [2, 3])
    }

    @Test func decodesEscapesAndCountsColumnsInCharacters() throws {
        let root = try JSONReader.parse(#"{"ä": "\u00e4\ud83d\ude00\n\"", "x": 1}"#).get()
        #expect(root["ä"]?.string == "ä😀\n\"")
        #expect(root["x"]?.column == 38)
    }

    @Test func canonicalTextSortsKeysAndKeepsNumbers() throws {
        let node = try JSONReader.parse(#"{ "b": [1, 2.50], "a": {"z": "\"", "y": null} }"#).get()
        #expect(node.canonicalText == #"{"a":{"y":null,"z":"\""},"b":[1,2.50]}"#)
        #expect(try JSONReader.parse(node.canonicalText).get().canonicalText == node.canonicalText)
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        Malformed(name: "missing comma", text: "{\n  \"a\": 1\n  \"b\": 2\n}", line: 3, column: 3),
        Malformed(name: "trailing comma", text: "[1, 2,]", line: 1, column: 7),
        Malformed(name: "unquoted key", text: "{ name: 1 }", line: 1, column: 3),
        Malformed(name: "single quotes", text: "{\"a\": 'x'}", line: 1, column: 7),
        Malformed(name: "unterminated string", text: "{\"a\": \"abc", line: 1, column: 11),
        Malformed(name: "unterminated object", text: "{\"a\": 1", line: 1, column: 8),
        Malformed(name: "leading zero", text: "[007]", line: 1, column: 3),
        Malformed(name: "bad escape", text: "[\"\\q\"]", line: 1, column: 5),
        Malformed(name: "lone surrogate", text: "[\"\\udc00\"]", line: 1, column: 9),
        Malformed(name: "raw line break in text", text: "[\"a\nb\"]", line: 1, column: 4),
        Malformed(name: "second value", text: "{} {}", line: 1, column: 4),
        Malformed(name: "empty", text: "  ", line: 1, column: 3),
        Malformed(name: "bare word", text: "[tru]", line: 1, column: 5),
        Malformed(name: "minus alone", text: "[-]", line: 1, column: 3),
    ])
    func malformedInputIsAnErrorWithPosition(_ example: Malformed) {
        switch JSONReader.parse(example.text) {
        case .success: Issue.record("parsed malformed JSON")
        case .failure(let error):
            #expect(error.line == example.line)
            #expect(error.column == example.column)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        guard case .failure(let error) = JSONReader.parse(text) else { Issue.record("accepted 100000 levels"); return }
        #expect(error.message.contains("deeper"))
        #expect(throws: Never.self) { try JSONReader.parse(String(repeating: "[", count: 200) + String(repeating: "]", count: 200)).get() }
    }

    /// Every prefix of a real OParl file is either parsed or reported; none traps or hangs.
    @Test func everyTruncationOfAnExampleIsHandled() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Fixtures/oparl/Meeting-01.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect((try? JSONReader.parse(text).get()) != nil)
        var failures = 0
        for length in stride(from: 0, to: text.utf8.count, by: 7) {
            let prefix = String(decoding: Array(text.utf8.prefix(length)), as: UTF8.self)
            if case .failure = JSONReader.parse(prefix) { failures += 1 }
        }
        #expect(failures == (text.utf8.count + 6) / 7)
    }
}
