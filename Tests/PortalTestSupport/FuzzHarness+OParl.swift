import Foundation
import PortalContent
import PortalDiagnostics
import PortalModel

extension FuzzHarness {
    /// Where target `oparl` puts the input: an OParl JSON file beside the minimal site's motion. It sorts after
    /// that motion, so a reference both use is reported at the input.
    public static let oparlPath = "motions/fuzz.json"

    /// Target `oparl`: the input as an OParl JSON file in `motions/`, loaded with the minimal site as a build does
    /// (JSON reader, OParl import, the motion schema, references); then converted to Markdown as
    /// `portal import oparl` does, and that Markdown loaded in place of the JSON.
    ///
    /// Beyond the checks of every load, the first run checks that every `Paper` at the top level of a file that
    /// loads without errors became a motion (counted by Foundation's `JSONSerialization`, independently of the
    /// portal's reader); the second that the Markdown of such a file loads without errors as the same motions
    /// and bodies, and that the conversion is deterministic.
    public static func importOParl(_ bytes: [UInt8]) -> [FuzzRun] {
        let input = ContentFile(relativePath: oparlPath, displayPath: "content/" + oparlPath, bytes: bytes)
        var direct = load(name: "as \(oparlPath)", files: baseFiles + [input], fuzzed: [oparlPath], input: bytes)
        direct.problems += missingPaperProblems(direct, input: bytes)
        return [direct, exportRun(input, direct: direct)]
    }

    // MARK: - Papers

    /// A problem when the file loaded without errors but not every top-level Paper became a motion.
    private static func missingPaperProblems(_ run: FuzzRun, input: [UInt8]) -> [String] {
        guard let site = run.site, run.errors(in: oparlPath).isEmpty else { return [] }
        // With a repeated key the two readers may take different values (the portal warns and takes the first).
        let displayPath = "content/" + oparlPath
        if run.diagnostics.contains(where: { $0.code == .duplicateKey && $0.location.file == displayPath }) { return [] }
        guard let expected = topLevelPaperCount(input) else { return [] }
        let imported = site.motions.filter { $0.sourcePath == oparlPath }.count
        guard imported != expected else { return [] }
        return ["\(expected) Paper objects at the top level but \(imported) motions from the file, and no error in it"]
    }

    /// The number of Paper objects at the top level of a JSON text as Foundation reads it (a single object, a
    /// list of objects, or a list page's `data`), or nil when Foundation cannot read it.
    static func topLevelPaperCount(_ bytes: [UInt8]) -> Int? {
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else { return nil }
        let objects: [Any]
        if let list = root as? [Any] {
            objects = list
        } else if let object = root as? [String: Any], object["type"] == nil, let data = object["data"] as? [Any] {
            objects = data
        } else {
            objects = [root]
        }
        return objects.filter { object in
            guard let type = (object as? [String: Any])?["type"] as? String else { return false }
            // The type is a URL such as https://schema.oparl.org/1.1/Paper; its last path segment names it.
            return type.split(separator: "/").last == "Paper"
        }.count
    }

    // MARK: - Markdown export

    /// Converts the input as `portal import oparl` does and, when neither the conversion nor the load of the
    /// JSON reported an error, loads the Markdown in its place.
    private static func exportRun(_ input: ContentFile, direct: FuzzRun) -> FuzzRun {
        let bodies = baseFiles.first { $0.relativePath == "bodies.yml" }!
        let result = OParlMarkdownExport.convert(files: [input], bodies: bodies)
        let diagnostics = Diagnostics(result.diagnostics)
        var problems: [String] = []
        let lines = FuzzInvariants.lineLengths(of: input.bytes)
        for diagnostic in result.diagnostics where diagnostic.location.file == input.displayPath {
            if let problem = FuzzInvariants.positionProblem(diagnostic.location, lineLengths: lines) {
                problems.append("conversion: \(problem): \(diagnostic)")
            }
        }
        if checksDeterminism(of: input.bytes) {
            let again = OParlMarkdownExport.convert(files: [input], bodies: bodies)
            if again.motions != result.motions || again.bodyEntries != result.bodyEntries
                || Diagnostics(again.diagnostics).sorted() != diagnostics.sorted() {
                problems.append("converting the same file twice gave different results")
            }
        }
        let name = "converted to Markdown"
        guard !result.hasErrors, let original = direct.site, direct.errors(in: oparlPath).isEmpty else {
            return FuzzRun(name: name, site: nil, diagnostics: diagnostics, problems: problems)
        }
        // As `portal import oparl` does: the motions as new files, the new bodies added to bodies.yml.
        var bodiesText = String(decoding: bodies.bytes, as: UTF8.self)
        switch result.bodyCount > 0 ? result.bodiesFile(updating: bodies) : .success(bodiesText) {
        case .success(let text): bodiesText = text
        case .failure(let diagnostic):
            problems.append("the new bodies could not be added to the minimal site's bodies.yml: \(diagnostic)")
            return FuzzRun(name: name, site: nil, diagnostics: diagnostics, problems: problems)
        }
        var files = baseFiles.filter { $0.relativePath != "bodies.yml" }
        files.append(ContentFile(relativePath: "bodies.yml", displayPath: bodies.displayPath, bytes: Array(bodiesText.utf8)))
        let taken = Set(files.map { $0.relativePath.lowercased() })
        if result.motions.contains(where: { taken.contains($0.relativePath.lowercased()) }) {
            // `portal import oparl` refuses to overwrite a file; the JSON loaded beside it, so it is no finding.
            return FuzzRun(name: name, site: nil, diagnostics: diagnostics, problems: problems)
        }
        let exported = result.motions.map { motion in
            ContentFile(relativePath: motion.relativePath, displayPath: "export/" + motion.relativePath, bytes: Array(motion.text.utf8))
        }
        let (site, loadDiagnostics) = ContentLoader.load(files: files + exported, assets: [], asOf: asOf)
        let exportedPaths = Set(exported.map(\.displayPath) + [bodies.displayPath])
        for diagnostic in loadDiagnostics where diagnostic.severity == .error && exportedPaths.contains(diagnostic.location.file) {
            problems.append("the Markdown of a file that loads without errors has an error: \(diagnostic)\n\(excerpt(of: diagnostic, in: exported))")
        }
        if let site {
            problems += FuzzInvariants.renderedHTMLProblems(in: site)
            problems += differences(from: original, to: site, exported: Set(exported.map(\.relativePath)))
        } else {
            problems.append("the site was refused after the conversion to Markdown")
        }
        return FuzzRun(name: name, site: site, diagnostics: Diagnostics(diagnostics.all + loadDiagnostics.all), problems: problems)
    }

    /// How the motions and bodies loaded from the Markdown differ from those loaded from the JSON.
    private static func differences(from original: Site, to converted: Site, exported: Set<String>) -> [String] {
        func motions(_ site: Site, from paths: Set<String>) -> [Motion] {
            site.motions.filter { paths.contains($0.sourcePath) }.map { motion in
                var motion = motion
                motion.sourcePath = ""
                return motion
            }.sorted { $0.reference < $1.reference }
        }
        var problems: [String] = []
        let before = motions(original, from: [oparlPath]), after = motions(converted, from: exported)
        if before.count != after.count {
            problems.append("\(before.count) motions from the JSON but \(after.count) from its Markdown")
        } else {
            for (expected, actual) in zip(before, after) where expected != actual {
                problems.append("the motion \(expected.reference) differs after the conversion to Markdown:\(difference(expected, actual))")
            }
        }
        if original.bodies != converted.bodies {
            let changed = original.bodies.count == converted.bodies.count
                ? zip(original.bodies, converted.bodies).filter { $0 != $1 }.map { difference($0, $1) }.joined()
                : " (\(original.bodies.count) from the JSON, \(converted.bodies.count) from the Markdown)"
            problems.append("the bodies differ after the conversion to Markdown\(changed)")
        }
        return problems
    }

    /// A value's description, shortened for a fuzzer's report.
    private static func clipped(_ value: Any) -> String {
        let text = String(describing: value)
        return text.count > 2_000 ? text.prefix(2_000) + " …" : text
    }

    /// Where the descriptions of two values part, for a fuzzer's report: each from a little before the first
    /// character that differs.
    private static func difference(_ expected: Any, _ actual: Any) -> String {
        let before = Array(String(reflecting: expected)), after = Array(String(reflecting: actual))
        let common = zip(before, after).prefix { $0 == $1 }.count
        let start = max(0, common - 80)
        func part(_ text: [Character]) -> String { (start > 0 ? "…" : "") + String(text[start..<min(text.count, common + 300)]) }
        return "\n  JSON:     \(part(before))\n  Markdown: \(part(after))"
    }

    /// The line of the exported file a diagnostic points at, for a fuzzer's report.
    private static func excerpt(of diagnostic: Diagnostic, in files: [ContentFile]) -> String {
        guard let file = files.first(where: { $0.displayPath == diagnostic.location.file }), let line = diagnostic.location.line else {
            return ""
        }
        let lines = String(decoding: file.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return line >= 1 && line <= lines.count ? "  line \(line): \(clipped(String(lines[line - 1])).debugDescription)" : ""
    }
}
