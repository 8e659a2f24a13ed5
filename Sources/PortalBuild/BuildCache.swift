import Foundation
import PortalDiagnostics
import PortalModel

/// What the last successful build of an output folder left behind: the fingerprint of all its inputs, its
/// diagnostics and counts, and the manifest of the published files (path → fingerprint and stamp).
///
/// Kept in `.portal-cache/` in the working directory, never in the published folder. A missing, unreadable or
/// foreign cache file simply means a full build; the cache never decides what a page contains, only whether a file
/// already on disk has exactly the bytes that would be written.
struct BuildCache: Sendable {
    /// The fingerprint of every input: content, assets, theme, options, the as-of date and the executable.
    var fingerprint: String
    var diagnostics: [Diagnostic]
    var pagesWritten: Int
    var filesWritten: Int
    /// The executable's stamp and hash, so an unchanged binary need not be hashed again.
    var executable: (stamp: FileStamp, hash: String)?
    /// Every published file by path below the site root.
    var manifest: [String: PublishedFile]
    /// Every file of the site this build replaced, kept in the spare folder for the next build (empty when none
    /// was kept or its files are unknown).
    var spare: [String: PublishedFile] = [:]

    private static let header = "portal-cache 2"

    /// The cache file for `outputDirectory` (canonical) below `workingDirectory`.
    static func location(outputDirectory: String, workingDirectory: String) -> String {
        let name = (outputDirectory as NSString).lastPathComponent.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        var hash = ContentHash()
        hash.add(outputDirectory)
        return workingDirectory + "/.portal-cache/" + name + "-" + hash.hex.prefix(16) + ".cache"
    }

    /// The folder that keeps the site an incremental build replaced, beside its cache file (see `SitePublisher`).
    static func spareLocation(cachePath: String) -> String {
        cachePath.replacingSuffix(".cache", with: ".spare")
    }

    /// Reads the cache file; `nil` when it is missing or not understood.
    static func read(from path: String) -> BuildCache? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), String(decoding: first, as: UTF8.self) == header else { return nil }
        var cache = BuildCache(fingerprint: "", diagnostics: [], pagesWritten: 0, filesWritten: 0, executable: nil, manifest: [:])
        var complete = false
        for line in lines {
            let fields = line.split(separator: 9, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            switch fields.first {
            case "fingerprint" where fields.count == 2: cache.fingerprint = fields[1]
            case "pages" where fields.count == 2: cache.pagesWritten = Int(fields[1]) ?? 0
            case "files" where fields.count == 2: cache.filesWritten = Int(fields[1]) ?? 0
            case "executable" where fields.count == 3:
                if let stamp = FileStamp(text: fields[1][...]) { cache.executable = (stamp, fields[2]) }
            case "diagnostic" where fields.count == 7:
                guard let severity = Severity(rawValue: fields[1]), let code = DiagnosticCode(rawValue: fields[2]) else { return nil }
                let location = SourceLocation(file: unescape(fields[5][...]), line: Int(fields[3]), column: Int(fields[4]))
                cache.diagnostics.append(Diagnostic(severity, code, unescape(fields[6][...]), at: location))
            case "file" where fields.count == 4:
                guard let stamp = FileStamp(text: fields[2][...]) else { return nil }
                cache.manifest[unescape(fields[3][...])] = PublishedFile(hash: fields[1], stamp: stamp)
            case "spare" where fields.count == 4:
                guard let stamp = FileStamp(text: fields[2][...]) else { return nil }
                cache.spare[unescape(fields[3][...])] = PublishedFile(hash: fields[1], stamp: stamp)
            case "end": complete = true
            case nil, "": continue
            default: return nil
            }
        }
        return complete && !cache.fingerprint.isEmpty ? cache : nil
    }

    /// Writes the cache file atomically (a temporary file renamed over it). Failing to write is not an error of
    /// the build: the next build is simply a full one.
    func write(to path: String) {
        var text = Self.header + "\n"
        text += "fingerprint\t\(fingerprint)\npages\t\(pagesWritten)\nfiles\t\(filesWritten)\n"
        if let executable { text += "executable\t\(executable.stamp.text)\t\(executable.hash)\n" }
        for diagnostic in diagnostics {
            let line = diagnostic.location.line.map(String.init) ?? "-", column = diagnostic.location.column.map(String.init) ?? "-"
            text += "diagnostic\t\(diagnostic.severity.rawValue)\t\(diagnostic.code.rawValue)\t\(line)\t\(column)\t\(Self.escape(diagnostic.location.file))\t\(Self.escape(diagnostic.message))\n"
        }
        for (kind, files) in [("file", manifest), ("spare", spare)] {
            for path in files.keys.sorted() {
                guard let file = files[path] else { continue }
                text += "\(kind)\t\(file.hash)\t\(file.stamp.text)\t\(Self.escape(path))\n"
            }
        }
        text += "end\n"
        try? CacheFile.writeAtomically(Array(text.utf8), to: path)
    }

    /// Deletes the cache file, so the next build is a full one.
    static func remove(at path: String) {
        unlink(path)
    }

    /// Whether every file of the manifest is still in `outputDirectory` exactly as published (same stamp).
    func publishedSiteIsIntact(in outputDirectory: String) -> Bool {
        guard !manifest.isEmpty else { return false }
        let entries = Array(manifest)
        return !Parallel.map(entries) { path, file in FileStamp.of(outputDirectory + "/" + path) == file.stamp }.contains(false)
    }

    /// The text with backslash, tab, line feed and carriage return escaped (scalar by scalar), so it fits a field.
    private static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
            case "\t": result.append(contentsOf: "\\t".unicodeScalars)
            case "\n": result.append(contentsOf: "\\n".unicodeScalars)
            case "\r": result.append(contentsOf: "\\r".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Reverses `escape`.
    private static func unescape(_ text: Substring) -> String {
        guard text.unicodeScalars.contains("\\") else { return String(text) }
        var result = String.UnicodeScalarView(), escaped = false
        for scalar in text.unicodeScalars {
            if escaped {
                switch scalar {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
