import PortalDiagnostics
import Testing

/// How diagnostics are printed for people and for GitHub Actions.
@Suite struct DiagnosticRendererTests {
    let diagnostic = Diagnostic.error(.invalidValue, "status must be one of idea, pilot; 'x' is not allowed.", at: SourceLocation(file: "/work/site/content/measures/a.md", line: 4, column: 9))

    @Test func textIsRelativeToWorkingDirectory() {
        let renderer = DiagnosticRenderer(format: .text, workingDirectory: "/work/site")
        #expect(renderer.render(diagnostic) == "content/measures/a.md:4:9: error: status must be one of idea, pilot; 'x' is not allowed. [invalid-value]")
    }

    @Test func githubAnnotationEscapesProperties() {
        let renderer = DiagnosticRenderer(format: .github, workingDirectory: "/work/site")
        let warning = Diagnostic.warning(.unknownKey, "100% wrong,\nreally", at: SourceLocation(file: "content/a,b.md"))
        #expect(renderer.render(diagnostic) == "::error file=content/measures/a.md,line=4,col=9,title=portal invalid-value::status must be one of idea, pilot; 'x' is not allowed. [invalid-value]")
        #expect(renderer.render(warning) == "::warning file=content/a%2Cb.md,title=portal unknown-key::100%25 wrong,%0Areally [unknown-key]")
    }

    @Test func sortsAndDeduplicates() {
        let a = Diagnostic.error(.missingKey, "m", at: SourceLocation(file: "b.md", line: 2, column: 1))
        let b = Diagnostic.warning(.unknownKey, "u", at: SourceLocation(file: "a.md", line: 9, column: 1))
        let c = Diagnostic.error(.missingKey, "m", at: SourceLocation(file: "b.md", line: 1))
        let all = Diagnostics([a, b, c, a])
        #expect(all.sorted() == [b, c, a])
        #expect(all.strict().warningCount == 0)
        #expect(all.strict().errorCount == 4)
    }

    @Test(arguments: [("titel", "title"), ("staus", "status"), ("riskclass", "riskClass"), ("xyz", nil)] as [(String, String?)])
    func suggestsNearNames(_ typo: String, _ expected: String?) {
        #expect(NameSuggester.suggestion(for: typo, among: ["title", "status", "riskClass", "summary"]) == expected)
    }

    @Test func everyCodeIsDocumented() {
        for code in DiagnosticCode.allCases {
            #expect(!code.summary.isEmpty)
            #expect(code.rawValue == code.rawValue.lowercased())
        }
    }
}
