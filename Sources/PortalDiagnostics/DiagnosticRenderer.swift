import Foundation

/// Turns diagnostics into text: the one place that decides how a problem is shown.
public struct DiagnosticRenderer: Sendable {
    public var format: DiagnosticFormat
    /// Absolute paths below this folder are shown relative to it (normally the working directory).
    public var workingDirectory: String?

    public init(format: DiagnosticFormat, workingDirectory: String? = nil) {
        self.format = format
        self.workingDirectory = workingDirectory
    }

    /// One line for one diagnostic.
    public func render(_ diagnostic: Diagnostic) -> String {
        let path = displayPath(diagnostic.location.file)
        switch format {
        case .text:
            var location = SourceLocation(file: path, line: diagnostic.location.line, column: diagnostic.location.column)
            if location.line == nil { location.column = nil }
            return "\(location): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code.rawValue)]"
        case .github:
            var properties = ["file=\(escapeProperty(path))"]
            if let line = diagnostic.location.line {
                properties.append("line=\(line)")
                if let column = diagnostic.location.column { properties.append("col=\(column)") }
            }
            properties.append("title=\(escapeProperty("portal \(diagnostic.code.rawValue)"))")
            let message = escapeData("\(diagnostic.message) [\(diagnostic.code.rawValue)]")
            return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(message)"
        }
    }

    /// All diagnostics, sorted, one per line.
    public func render(_ diagnostics: Diagnostics) -> String {
        diagnostics.sorted().map(render).joined(separator: "\n")
    }

    /// `path` relative to the working directory when it lies below it.
    func displayPath(_ path: String) -> String {
        guard let base = workingDirectory, path.hasPrefix("/") else { return path }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Escapes a message for a GitHub workflow command.
    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a property value of a GitHub workflow command.
    private func escapeProperty(_ text: String) -> String {
        escapeData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}
