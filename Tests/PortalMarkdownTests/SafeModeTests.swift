import PortalMarkdown
import Testing

/// Safe mode: raw HTML never reaches the page, unsafe URLs are dropped, everything is escaped.
@Suite("Safe mode")
struct SafeModeTests {
    /// One attack: the Markdown, the exact HTML expected, and what the loader should learn about it.
    struct Payload: Sendable, CustomTestStringConvertible {
        enum Finding: Sendable { case rawHTML, unsafeLink, unsafeImage, nothing }
        let name: String
        let markdown: String
        let html: String
        let finding: Finding
        var testDescription: String { name }
    }

    static let payloads: [Payload] = [
        Payload(name: "script block", markdown: "<script>alert(1)</script>", html: "", finding: .rawHTML),
        Payload(name: "script inside a paragraph", markdown: "Text <script>alert(1)</script> danach",
                html: "<p>Text alert(1) danach</p>\n", finding: .rawHTML),
        Payload(name: "img onerror block", markdown: "<img src=x onerror=alert(1)>", html: "", finding: .rawHTML),
        Payload(name: "img onerror inline", markdown: "Bild <img src=x onerror=\"alert(1)\"> hier",
                html: "<p>Bild  hier</p>\n", finding: .rawHTML),
        Payload(name: "HTML anchor with javascript:", markdown: "<a href=\"javascript:alert(1)\">klick</a>",
                html: "<p>klick</p>\n", finding: .rawHTML),
        Payload(name: "div onmouseover", markdown: "<div onmouseover=\"alert(1)\">\nx\n</div>", html: "",
                finding: .rawHTML),
        Payload(name: "svg onload", markdown: "<svg onload=alert(1)>", html: "", finding: .rawHTML),
        Payload(name: "iframe", markdown: "<iframe src=\"https://evil.example\"></iframe>", html: "", finding: .rawHTML),
        Payload(name: "style block", markdown: "<style>body{display:none}</style>", html: "", finding: .rawHTML),
        Payload(name: "comment hiding a script", markdown: "<!-- <script>alert(1)</script> -->", html: "",
                finding: .rawHTML),
        Payload(name: "javascript: link", markdown: "[klick](javascript:alert(1))", html: "<p>klick</p>\n",
                finding: .unsafeLink),
        Payload(name: "mixed case JaVaScRiPt:", markdown: "[klick](JaVaScRiPt:alert(1))", html: "<p>klick</p>\n",
                finding: .unsafeLink),
        Payload(name: "tab entity inside the scheme", markdown: "[klick](jav&#x09;ascript:alert(1))",
                html: "<p>klick</p>\n", finding: .unsafeLink),
        Payload(name: "newline entity inside the scheme", markdown: "[klick](java&#10;script:alert(1))",
                html: "<p>klick</p>\n", finding: .unsafeLink),
        Payload(name: "decimal entity for j", markdown: "[klick](&#106;avascript:alert(1))",
                html: "<p>klick</p>\n", finding: .unsafeLink),
        Payload(name: "named entity for the colon", markdown: "[klick](javascript&colon;alert(1))",
                html: "<p>klick</p>\n", finding: .unsafeLink),
        Payload(name: "leading control character", markdown: "[klick](<&#x01;javascript:alert(1)>)",
                html: "<p>klick</p>\n", finding: .unsafeLink),
        Payload(name: "leading spaces inside angle brackets", markdown: "[klick](<  javascript:alert(1)>)",
                html: "<p>klick</p>\n", finding: .unsafeLink),
        Payload(name: "vbscript:", markdown: "[klick](vbscript:msgbox(1))", html: "<p>klick</p>\n",
                finding: .unsafeLink),
        Payload(name: "VBScript: mixed case", markdown: "[*klick*](VBScript:msgbox(1))",
                html: "<p><em>klick</em></p>\n", finding: .unsafeLink),
        Payload(name: "data:text/html link", markdown: "[klick](data:text/html;base64,PHNjcmlwdD4=)",
                html: "<p>klick</p>\n", finding: .unsafeLink),
        Payload(name: "data:image link (only images may use it)", markdown: "[klick](data:image/png;base64,iVBOR)",
                html: "<p>klick</p>\n", finding: .unsafeLink),
        Payload(name: "file: link", markdown: "[Passwörter](file:///etc/passwd)", html: "<p>Passwörter</p>\n",
                finding: .unsafeLink),
        Payload(name: "javascript: autolink", markdown: "<javascript:alert(1)>", html: "<p>javascript:alert(1)</p>\n",
                finding: .unsafeLink),
        Payload(name: "javascript: reference definition", markdown: "[klick][x]\n\n[x]: JAVASCRIPT:alert(1)",
                html: "<p>klick</p>\n", finding: .unsafeLink),
        Payload(name: "javascript: image", markdown: "![Bild](javascript:alert(1))", html: "<p>Bild</p>\n",
                finding: .unsafeImage),
        Payload(name: "SVG data image", markdown: "![Bild](data:image/svg+xml;base64,PHN2Zz4=)",
                html: "<p>Bild</p>\n", finding: .unsafeImage),
        Payload(name: "data image with a made-up type", markdown: "![Bild](data:image/pngx;base64,iVBOR)",
                html: "<p>Bild</p>\n", finding: .unsafeImage),
        Payload(name: "PNG data image is allowed", markdown: "![Bild](DATA:image/png;base64,iVBOR)",
                html: "<p><img src=\"DATA:image/png;base64,iVBOR\" alt=\"Bild\" loading=\"lazy\" /></p>\n",
                finding: .nothing),
        Payload(name: "quotes in a title", markdown: "[x](ziel \"a\\\" onmouseover=\\\"alert(1)\")",
                html: "<p><a href=\"ziel\" title=\"a&quot; onmouseover=&quot;alert(1)\">x</a></p>\n",
                finding: .nothing),
        Payload(name: "quotes in a destination", markdown: "[x](<ziel\" onclick=\"alert(1)>)",
                html: "<p><a href=\"ziel%22%20onclick=%22alert(1)\">x</a></p>\n", finding: .nothing),
        Payload(name: "quotes in alt text", markdown: "![x\" onerror=\"alert(1)](a.png)",
                html: "<p><img src=\"a.png\" alt=\"x&quot; onerror=&quot;alert(1)\" loading=\"lazy\" /></p>\n",
                finding: .nothing),
        Payload(name: "apostrophe and ampersand in a URL", markdown: "[a](https://ok.example/?q='x'&y=1)",
                html: "<p><a href=\"https://ok.example/?q=&#x27;x&#x27;&amp;y=1\">a</a></p>\n", finding: .nothing),
        Payload(name: "script in a code span", markdown: "`<script>alert(1)</script>`",
                html: "<p><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></p>\n", finding: .nothing),
        Payload(name: "markup in a code block's info string",
                markdown: "```\"><script>alert(1)</script>\ncode\n```",
                html: "<pre><code class=\"language-&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">code\n</code></pre>\n",
                finding: .nothing),
        Payload(name: "escaped tags as entities stay text", markdown: "&lt;script&gt;alert(1)&lt;/script&gt;",
                html: "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n", finding: .nothing),
        Payload(name: "inline HTML in a heading", markdown: "# <script>alert(1)</script>",
                html: "<h1 id=\"alert-1\">alert(1)</h1>\n", finding: .rawHTML),
    ]

    @Test("Payload is neutralised", arguments: payloads)
    func payloadIsNeutralised(_ payload: Payload) {
        let document = MarkdownDocument.parse(payload.markdown)
        let html = MarkdownHTMLRenderer().render(document)
        #expect(html == payload.html)
        #expect(HTMLSafetyChecker.problems(in: html).isEmpty)
        #expect(!html.lowercased().contains("<script"))
        switch payload.finding {
        case .rawHTML:
            #expect(!document.rawHTML.isEmpty)
        case .unsafeLink:
            #expect(document.links.contains { $0.kind == .link && !$0.isSafe })
        case .unsafeImage:
            #expect(document.links.contains { $0.kind == .image && !$0.isSafe })
        case .nothing:
            #expect(document.rawHTML.isEmpty)
            #expect(document.links.allSatisfy { $0.isSafe })
        }
    }

    @Test("Raw HTML is reported with its position and kind")
    func rawHTMLIsReported() {
        let markdown = """
            Absatz mit <b>fett</b>.

            <div>
            Block
            </div>

            <!-- Notiz -->
            """
        let document = MarkdownDocument.parse(markdown)
        let found = document.rawHTML.map { "\($0.position) \($0.isBlock ? "block" : "inline") \($0.isComment)" }
        #expect(found == ["1:12 inline false", "1:19 inline false", "3:1 block false", "7:1 block true"])
        #expect(document.rawHTML[0].html == "<b>")
        #expect(MarkdownHTMLRenderer().render(document) == "<p>Absatz mit fett.</p>\n")
    }

    @Test("A comment followed by markup is not just a comment")
    func commentFollowedByMarkup() {
        let document = MarkdownDocument.parse("<!-- a --><script>alert(1)</script><!-- b -->")
        #expect(document.rawHTML.count == 1)
        #expect(document.rawHTML[0].isComment == false)
    }

    /// Destinations and whether they are safe as a link and as an image.
    static let urls: [(url: String, link: Bool, image: Bool)] = [
        ("https://example.org", true, true),
        ("HTTP://example.org", true, true),
        ("mailto:presse@example.org", true, true),
        ("../measures/x.md", true, true),
        ("#begruendung", true, true),
        ("", true, true),
        ("javascript-guide.md", true, true),
        ("docs/javascript:notes", true, true),
        ("javascript:alert(1)", false, false),
        (" \u{1}\u{1F}javascript:alert(1)", false, false),
        ("j\na\rv\ta\nscript:alert(1)", false, false),
        ("JAVASCRIPT:alert(1)", false, false),
        ("vbscript:x", false, false),
        ("file:///C:/x", false, false),
        ("FILE://server/share", false, false),
        ("data:text/html,x", false, false),
        ("data:image/png;base64,AAAA", false, true),
        ("data:image/GIF,AAAA", false, true),
        ("data:image/jpeg;base64,AAAA", false, true),
        ("data:image/webp;base64,AAAA", false, true),
        ("data:image/svg+xml,<svg/>", false, false),
        ("data:image/png", false, false),
        ("\u{A0}javascript:alert(1)", true, true),
    ]

    @Test("URL policy", arguments: urls.indices)
    func urlPolicy(_ index: Int) {
        let (url, link, image) = Self.urls[index]
        #expect(MarkdownURLPolicy.isSafe(url, for: .link) == link, "\(String(reflecting: url))")
        #expect(MarkdownURLPolicy.isSafe(url, for: .image) == image, "\(String(reflecting: url))")
    }
}
