/// The live-reload script of `portal serve` and how it is added to HTML pages. Only the preview server uses it;
/// published builds never contain it.
enum ReloadScript {
    /// Where the preview server serves the script; same origin, so the site's `script-src 'self'` allows it.
    static let path = "/__portal/reload.js"
    /// The Server-Sent Events stream the script listens to.
    static let eventsPath = "/__portal/events"
    /// The element added before `</body>`.
    static let tag = "<script src=\"\(path)\" defer></script>"

    /// The script: reloads the tab on a `reload` event, and after a reconnect when a build happened meanwhile.
    static let source = """
        // portal serve: reloads this tab when the site has been rebuilt. Only the preview server adds this script.
        (function () {
          "use strict";
          if (!("EventSource" in window)) return;
          var seenBuild = null;
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("hello", function (event) {
            // After a lost connection: reload if a build finished while we were not listening.
            if (seenBuild !== null && event.data !== seenBuild) location.reload();
            seenBuild = event.data;
          });
          events.addEventListener("reload", function (event) {
            seenBuild = event.data;
            location.reload();
          });
        })();

        """

    /// `html` with the script tag inserted before the last `</body>` (any letter case), or appended when there is none.
    static func inject(into html: [UInt8]) -> [UInt8] {
        let tagBytes = Array(tag.utf8)
        guard let position = lastBodyEnd(in: html) else { return html + tagBytes }
        var result = html
        result.insert(contentsOf: tagBytes, at: position)
        return result
    }

    /// The index of the last `</body` (case-insensitive) in `html`.
    private static func lastBodyEnd(in html: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        guard html.count >= needle.count else { return nil }
        var index = html.count - needle.count
        while index >= 0 {
            var matches = true
            for offset in 0..<needle.count {
                var byte = html[index + offset]
                if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte |= 0x20 }
                if byte != needle[offset] {
                    matches = false
                    break
                }
            }
            if matches { return index }
            index -= 1
        }
        return nil
    }
}
