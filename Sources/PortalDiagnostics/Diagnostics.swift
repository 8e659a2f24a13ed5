/// An ordered collection of diagnostics gathered across all phases of a build.
public struct Diagnostics: Sendable, Hashable, Sequence {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) {
        all = diagnostics
    }

    /// Adds one diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    /// Adds all diagnostics of `other`.
    public mutating func append<S: Sequence>(contentsOf other: S) where S.Element == Diagnostic {
        all.append(contentsOf: other)
    }

    /// Adds an error.
    public mutating func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) {
        all.append(.error(code, message, at: location))
    }

    /// Adds a warning.
    public mutating func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) {
        all.append(.warning(code, message, at: location))
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errorCount: Int { all.filter { $0.severity == .error }.count }
    public var warningCount: Int { all.filter { $0.severity == .warning }.count }
    public var isEmpty: Bool { all.isEmpty }
    public var count: Int { all.count }

    /// The same diagnostics with every warning turned into an error, for `--strict`.
    public func strict() -> Diagnostics {
        Diagnostics(all.map { var d = $0; d.severity = .error; return d })
    }

    /// The diagnostics sorted by file, line and column, duplicates removed, so output is stable.
    public func sorted() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.filter { seen.insert($0).inserted }.sorted {
            if $0.location != $1.location { return $0.location < $1.location }
            if $0.severity != $1.severity { return $0.severity < $1.severity }
            return ($0.code.rawValue, $0.message) < ($1.code.rawValue, $1.message)
        }
    }

    public func makeIterator() -> IndexingIterator<[Diagnostic]> {
        all.makeIterator()
    }
}
