import PortalTestSupport

/// Fuzz target `oparl`: the input as an OParl JSON file in motions/ of the minimal site (JSON reader, OParl
/// import, motion schema, references), then converted to Markdown as `portal import oparl` does and loaded again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOParl(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    stopOnProblems(FuzzHarness.importOParl(fuzzInput(data, size)))
    return 0
}
