import PortalTestSupport

/// Fuzz target `frontmatter`: the input as a Markdown content file (front matter, YAML, schema validation,
/// references and prose) in motions/, measures/, updates/ and pages/ of the minimal site.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    stopOnProblems([FuzzHarness.loadDocument(fuzzInput(data, size))])
    return 0
}
