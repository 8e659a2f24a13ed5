import PortalTestSupport

/// Fuzz target `markdown`: the input through PortalMarkdown (parse, render with a link rewriter, plain text,
/// links), then as the body of a page of the minimal site (link resolution and rewriting by the loader).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    stopOnProblems(FuzzHarness.renderMarkdown(fuzzInput(data, size)))
    return 0
}
