import PortalDiagnostics

/// The pages the preview server writes itself: the build error page and a fallback "not found" page. Accessible,
/// German, self-contained (no inline script), with the live-reload script so the tab recovers on its own.
enum PreviewPage {
    /// The page shown for every HTML request while the latest build has errors.
    ///
    /// Lists every diagnostic, sorted as in the terminal, with its file, line, column, message and code.
    /// Paths below `workingDirectory` are shown relative to it, as `portal build` prints them.
    static func buildFailed(_ diagnostics: Diagnostics, workingDirectory: String?) -> String {
        let sorted = diagnostics.sorted()
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        var counts = errors == 1 ? "1 Fehler" : "\(errors) Fehler"
        if warnings > 0 { counts += warnings == 1 ? " und 1 Warnung" : " und \(warnings) Warnungen" }
        var items: [String] = []
        for diagnostic in sorted {
            let location = displayLocation(diagnostic.location, workingDirectory: workingDirectory)
            let severity = diagnostic.severity == .error ? "Fehler" : "Warnung"
            var position: [String] = []
            if let line = location.line { position.append("Zeile \(line)") }
            if let column = location.column, location.line != nil { position.append("Spalte \(column)") }
            let detail = position.isEmpty ? "" : " <span class=\"detail\">(\(position.joined(separator: ", ")))</span>"
            items.append("""
                    <li class="\(diagnostic.severity.rawValue)">
                      <p class="where"><strong>\(severity)</strong> in <code>\(escape(location.description))</code>\(detail)</p>
                      <p class="message" lang="en">\(escape(diagnostic.message))</p>
                      <p class="code">Code: <code>\(escape(diagnostic.code.rawValue))</code></p>
                    </li>
            """)
        }
        let body = """
              <h1>Die Vorschau kann nicht erstellt werden</h1>
              <p>portal hat beim Erstellen der Website \(counts) gefunden. Die Seiten werden erst wieder angezeigt, wenn alle Fehler behoben sind.</p>
              <p>Korrigieren Sie die genannten Stellen und speichern Sie die Datei – diese Seite lädt dann von selbst neu. Dieselben Meldungen stehen im Terminal, in dem <code>portal serve</code> läuft.</p>
              <h2>Meldungen</h2>
              <ol class="diagnostics">
        \(items.joined(separator: "\n"))
              </ol>
        """
        return document(title: "Fehler in den Inhalten – Vorschau", body: body)
    }

    /// The page for unknown paths when the site has no `404.html` of its own.
    static func notFound(path: String) -> String {
        let body = """
              <h1>Seite nicht gefunden</h1>
              <p>Unter <code>\(escape(path))</code> gibt es in dieser Vorschau keine Seite.</p>
              <p><a href="/">Zur Startseite</a></p>
        """
        return document(title: "Seite nicht gefunden – Vorschau", body: body)
    }

    /// A complete HTML document around `body`.
    private static func document(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="de">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="robots" content="noindex">
          <title>\(escape(title))</title>
          <style>
            body { font: 1.125rem/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
            main { max-width: 48rem; margin: 0 auto; padding: 2rem 1rem; }
            h1 { font-size: 1.75rem; line-height: 1.25; }
            code { font-family: ui-monospace, monospace; font-size: 0.95em; overflow-wrap: anywhere; }
            .diagnostics { padding-left: 1.5rem; }
            .diagnostics li { margin: 0 0 1.5rem; padding: 0.5rem 1rem; border-left: 0.375rem solid #b00020; background: #fdf1f2; }
            .diagnostics li.warning { border-left-color: #8a5300; background: #fff7e6; }
            .diagnostics p { margin: 0.25rem 0; }
            .detail, .code { color: #444; }
            a { color: #0b4f9c; }
            a:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
          </style>
        </head>
        <body>
          <main>
        \(body)
          </main>
          \(ReloadScript.tag)
        </body>
        </html>

        """
    }

    /// `location` with its file shown relative to `workingDirectory` when it lies below it, and no column without a line.
    private static func displayLocation(_ location: SourceLocation, workingDirectory: String?) -> SourceLocation {
        var file = location.file
        if let base = workingDirectory, file.hasPrefix("/") {
            let prefix = base.hasSuffix("/") ? base : base + "/"
            if file.hasPrefix(prefix) { file = String(file.dropFirst(prefix.count)) }
        }
        return SourceLocation(file: file, line: location.line, column: location.line == nil ? nil : location.column)
    }

    /// Text escaped for HTML element content and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
