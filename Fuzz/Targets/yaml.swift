import PortalTestSupport

/// Fuzz target `yaml`: the input as site.yml, bodies.yml and partners.yml of the minimal site.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLDataFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    stopOnProblems(FuzzHarness.loadDataFile(fuzzInput(data, size)))
    return 0
}
