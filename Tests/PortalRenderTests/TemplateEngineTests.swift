import Mustache
import PortalModel
import PortalTestSupport
import Testing
@testable import PortalRender

/// portal's template engine against swift-mustache 2.1.1, the engine the default theme was written for and
/// portal used before: every page of two sites and every case below must come out byte for byte the same.
@Suite("Template engine")
struct TemplateEngineTests {
    // MARK: - Whole sites

    @Test("Every page of the fixture site and of the example site renders exactly as with swift-mustache", arguments: ["fixture", "example"])
    func wholeSite(_ which: String) throws {
        let site = which == "fixture" ? try TestSupport.site() : try TestSupport.repositorySite()
        let theme = try TestSupport.theme()
        let labels = try TestSupport.labels()
        let templates = TemplateSet(theme: theme, labels: labels)
        #expect(templates.diagnostics.isEmpty)
        var texts: [String: String] = [:]
        for file in theme.templates.values {
            let text = file.text.hasSuffix("\n") ? String(file.text.dropLast()) : file.text
            texts[TemplateSet.name(of: file.relativePath)] = TemplateScanner.substitutingLabels(in: text, labels: labels)
        }
        let reference = try Reference(texts)
        let builder = try TestSupport.builder(site)
        let requests = builder.allRequests()
        #expect(requests.count > 40)
        for request in requests {
            let page = builder.page(for: request)
            let ours = try #require(templates.render(page.view, with: page.template))
            let theirs = try #require(reference.render(page.view, template: page.template))
            #expect(ours.bytes == Array(theirs.utf8), "\(page.path) differs")
            #expect(ours.refusedInclusion == nil)
        }
    }

    // MARK: - Cases

    /// A template case: templates by name (the first is rendered) and the data.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let templates: [(String, String)]
        let view: ViewData
        var testDescription: String { name }

        init(_ name: String, _ template: String, _ view: ViewData = Self.sample, partials: [(String, String)] = []) {
            self.name = name
            templates = [("main", template)] + partials
            self.view = view
        }

        static let sample: ViewData = {
            var item1 = ViewData(), item2 = ViewData(), item3 = ViewData()
            item1["title"] = "Erster"
            item1[flag: "current"] = true
            item2["title"] = "Zweiter & <b>\"fett\"</b> 'x'"
            item3["title"] = nil
            var date = ViewData()
            date["iso"] = "2025-05-08"
            date["text"] = "8. Mai 2025"
            var view = ViewData()
            view["title"] = "Titel <em>"
            view["html"] = "<p>Absatz</p>"
            view["empty"] = ""
            view["missingText"] = nil
            view[flag: "yes"] = true
            view[flag: "no"] = false
            view[number: "zero"] = 0
            view[number: "count"] = 3
            view[list: "items"] = [item1, item2, item3]
            view[list: "none"] = []
            let made = [item1, item2, item3]
            view.setItems("madeItems", count: made.count) { made[$0] }
            view.setItems("noMadeItems", count: 0) { _ in ViewData() }
            view[texts: "tags"] = ["Verkehr", "ki", "Bürgerservice"]
            view[texts: "noTags"] = []
            view[object: "date"] = date
            view[object: "nothing"] = nil
            view["partialName"] = "p"
            return view
        }()
    }

    static let cases: [Case] = [
        Case("plain text", "Hallo\nWelt"),
        Case("variables, escaped and not", "{{title}}|{{{title}}}|{{&title}}|{{ title }}|{{html}}|{{{html}}}"),
        Case("every escaped character", "{{#items}}{{title}};{{/items}}"),
        Case("flags, numbers, null and missing values", "{{yes}} {{no}} {{zero}} {{count}} [{{missingText}}] [{{gibtsNicht}}] [{{empty}}]"),
        Case("dotted names and the current object", "{{date.iso}} {{date.text}} {{#date}}{{iso}}/{{.iso}}{{/date}} {{#tags}}<{{.}}>{{/tags}}"),
        Case("a missing key climbs the stack, a null key stops it", "{{#items}}{{title}}:{{count}}|{{/items}}"),
        Case("sections and inverted sections of every kind", """
        {{#yes}}ja{{/yes}}{{^yes}}nein{{/yes}}
        {{#no}}ja{{/no}}{{^no}}nein{{/no}}
        {{#zero}}null ist wahr{{/zero}}{{^zero}}null ist falsch{{/zero}}
        {{#none}}x{{/none}}{{^none}}leer{{/none}}
        {{#noTags}}x{{/noTags}}{{^noTags}}keine{{/noTags}}
        {{#nothing}}x{{/nothing}}{{^nothing}}nichts{{/nothing}}
        {{#gibtsNicht}}x{{/gibtsNicht}}{{^gibtsNicht}}fehlt{{/gibtsNicht}}
        {{#title}}[{{.}}]{{/title}}{{^title}}kein Titel{{/title}}
        {{#date}}{{text}}{{/date}}
        """),
        Case("standalone tags take their line with them", """
        <ul>
          {{#items}}
          <li>{{title}}</li>
          {{/items}}
          {{^none}}
            <li>leer</li>
          {{/none}}
          {{! ein Kommentar }}
        </ul>
        """),
        Case("a template whose first line is a standalone tag", "{{#items}}\n<li>{{title}}</li>\n{{/items}}\n"),
        Case("tags that share a line are not standalone", "  {{#yes}} ja {{/yes}}  \n{{#items}}{{title}}{{/items}}\n  {{! Kommentar }} Text\n"),
        Case("CRLF line breaks", "<ul>\r\n  {{#items}}\r\n  <li>{{title}}</li>\r\n  {{/items}}\r\n</ul>\r\n"),
        Case("tabs and trailing spaces around standalone tags", "a\n\t{{#yes}}\t\nb\n {{/yes}} \nc"),
        Case("comments, also over several lines", "a{{! eins }}b\n{{!\nzwei\n}}\nc\n  {{! drei }}  \nd"),
        Case("indented standalone partials indent every line", "<div>\n  {{> p}}\n    {{> q}}\n</div>", partials: [
            ("p", "<p>\n{{title}}\n</p>\n"), ("q", "{{#items}}\n<i>{{title}}</i>\n{{/items}}\n{{> p}}"),
        ]),
        Case("inline partials are not indented", "<b>{{> p}}</b> {{>p}}", partials: [("p", "x\ny\n")]),
        Case("an indented partial with a multi-line value", "  {{> p}}\n", partials: [("p", "{{html}}\n{{{html}}}\nende\n")]),
        Case("a missing partial renders nothing", "a{{> gibtsNicht}}b\n  {{> gibtsNicht}}\nc"),
        Case("a dynamic partial name from a list of texts", "{{#tags}}{{>*.}}{{/tags}}", partials: [("Verkehr", "V"), ("ki", "K")]),
        Case("inheritance with blocks, defaults and nested parents", """
        {{<base}}
        {{$main}}
          <h1>{{title}}</h1>
          <p>Zweite Zeile</p>
        {{/main}}
        {{$scripts}}<script></script>{{/scripts}}
        {{/base}}
        """, partials: [
            ("base", "<html>\n{{> header}}\n<main>\n  {{$main}}Standard{{/main}}\n</main>\n{{$scripts}}{{/scripts}}\n{{$footer}}<footer>Fuß</footer>{{/footer}}\n</html>"),
            ("header", "<header>{{$headline}}Kopf{{/headline}}</header>"),
        ]),
        Case("a child of a child overrides the outer block first", "{{<middle}}{{$a}}innen{{/a}}{{/middle}}", partials: [
            ("middle", "{{<base}}{{$a}}mitte{{/a}}{{$b}}mitte-b{{/b}}{{/base}}"),
            ("base", "[{{$a}}basis{{/a}}|{{$b}}basis-b{{/b}}|{{$c}}basis-c{{/c}}]"),
        ]),
        Case("blocks inside sections and lists", "{{<base}}{{$item}}<{{title}}>{{/item}}{{/base}}", partials: [
            ("base", "{{#items}}\n  {{$item}}{{title}}{{/item}}\n{{/items}}"),
        ]),
        Case("set delimiters", "{{=<% %>=}}\n<% title %> {{title}}\n<%#yes%>ja<%/yes%>\n<%={{ }}=%>\n{{title}}"),
        Case("transforms on lists, texts and numbers", """
        {{count(items)}} {{#empty(none)}}leer{{/empty(none)}} {{^empty(items)}}voll{{/empty(items)}}
        {{#first(items)}}{{title}}{{/first(items)}} {{#last(tags)}}{{.}}{{/last(tags)}}
        {{#reversed(tags)}}{{.}},{{/reversed(tags)}} {{#sorted(tags)}}{{.}},{{/sorted(tags)}}
        {{plusone(count)}} {{minusone(count)}} {{#even(count)}}gerade{{/even(count)}}{{#odd(count)}}ungerade{{/odd(count)}}
        {{#equalzero(zero)}}null{{/equalzero(zero)}} {{count(reversed(tags))}}
        {{#tags}}{{uppercased(.)}} {{lowercased(.)}} {{capitalized(.)}} {{reversed(.)}} {{/tags}}
        {{#empty(gibtsNicht)}}a{{/empty(gibtsNicht)}}{{^empty(gibtsNicht)}}b{{/empty(gibtsNicht)}}
        """),
        Case("the position in a list", "{{#items}}{{index()}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}{{#even()}}g{{/even()}}{{#odd()}}u{{/odd()}}{{#yes}}{{index()}}{{/yes}}{{#date}}[{{index()}}]{{/date}} {{/items}}{{index()}}"),
        Case("lists made on demand render like lists", """
        {{#madeItems}}{{index()}}{{title}}{{#last()}}.{{/last()}}|{{/madeItems}}{{^madeItems}}leer{{/madeItems}}
        {{#noMadeItems}}x{{/noMadeItems}}{{^noMadeItems}}keine{{/noMadeItems}} {{count(madeItems)}} {{#empty(noMadeItems)}}leer{{/empty(noMadeItems)}}
        {{#first(madeItems)}}{{title}}{{/first(madeItems)}} {{#last(madeItems)}}{{title}}{{/last(madeItems)}}
        {{#reversed(madeItems)}}{{title}},{{/reversed(madeItems)}} {{count(reversed(madeItems))}}
        """),
        Case("nested lists and the outer item", "{{#items}}{{#tags}}{{title}}:{{.}} {{/tags}}{{/items}}"),
        Case("text that looks like a tag", "a { b } {x} }} {{title}}} {{! x }}} {{{title}}}}"),
        Case("a tag at the very end without a line break", "Zeile\n{{title}}"),
        Case("empty and whitespace-only templates", "  \n\n\t\n"),
        Case("unicode text and values", "Grüße – „{{title}}“ 🚀\n{{#tags}}{{.}}·{{/tags}}"),
        Case("a section closed on the same line after content", "  {{#items}}<li>{{title}}</li>{{/items}}\n  {{#yes}}\n  ja\n  {{/yes}}\n"),
        Case("content type TEXT stops escaping until the template ends", "{{title}}\n{{%CONTENT_TYPE:TEXT}}\n{{title}}\n{{> p}}", partials: [("p", "{{title}}")]),
    ]

    @Test("Cases render exactly as with swift-mustache", arguments: cases)
    func sameAsReference(_ testCase: Case) throws {
        let texts = Dictionary(testCase.templates, uniquingKeysWith: { first, _ in first })
        var compiled: [String: [TemplateNode]] = [:]
        for (name, text) in texts { compiled[name] = try TemplateParser.parse(TemplateSet.contentTypeTag + text) }
        let ours = try #require(TemplateRenderer.render(testCase.view, template: "main", templates: compiled))
        let theirs = try #require(try Reference(texts).render(testCase.view, template: "main"))
        #expect(String(decoding: ours.bytes, as: UTF8.self) == theirs)
    }

    @Test("Random templates: whatever swift-mustache accepts, portal accepts and renders to the same bytes")
    func randomTemplates() throws {
        // Pieces that meet in every combination: tags of every kind, names with dots and transforms, text,
        // line breaks (LF and CRLF), indentation, stray braces. Seeded, so a failure repeats.
        let pieces = [
            "{{", "}}", "{{#", "{{^", "{{/", "{{!", "{{>", "{{<", "{{$", "{{=", "{{&", "{{{", "}}}", "{{%CONTENT_TYPE:TEXT}}",
            "items", "title", "tags", "date.iso", ".", "empty(items)", "count(tags)", "first()", "index()", "yes", "no",
            "zero", "p", "q", "base", "main", " ", "  ", "\t", "\n", "\r\n", "text", "<b>", "&", "{", "}", "=", "<% %>=",
            "{{#items}}", "{{/items}}", "{{#tags}}{{.}}{{/tags}}", "{{> p}}", "  {{> p}}\n", "{{title}}", "{{{title}}}",
            "{{<base}}", "{{/base}}", "{{$main}}", "{{/main}}", "{{^yes}}", "{{/yes}}", "{{! c }}", "\n  {{#yes}}\n",
            "{{#madeItems}}", "{{/madeItems}}", "madeItems", "{{^noMadeItems}}", "{{/noMadeItems}}",
        ]
        let partials = [("p", "<p>\n  {{title}}\n{{#items}}\n  - {{title}}\n{{/items}}\n"), ("base", "[\n  {{$main}}m{{/main}}\n]\n")]
        var random = SeededGenerator(seed: 0x5EED)
        var compared = 0
        for _ in 0..<10_000 {
            let count = random.below(14) + 1
            let text = (0..<count).map { _ in pieces[random.below(pieces.count)] }.joined()
            guard let reference = try? Reference(["main": text] .merging(partials) { first, _ in first }) else { continue }
            var compiled: [String: [TemplateNode]] = [:]
            do {
                compiled["main"] = try TemplateParser.parse(TemplateSet.contentTypeTag + text)
                for (name, partial) in partials { compiled[name] = try TemplateParser.parse(TemplateSet.contentTypeTag + partial) }
            } catch {
                Issue.record("swift-mustache accepts \(text.debugDescription), portal does not: \(error)")
                continue
            }
            let ours = TemplateRenderer.render(Case.sample, template: "main", templates: compiled).map { String(decoding: $0.bytes, as: UTF8.self) }
            let theirs = reference.render(Case.sample, template: "main")
            // A list or object in a variable tag: swift-mustache prints Swift's description of it, portal nothing.
            if let theirs, ["ReferenceView(", "[\"Verkehr\"", "[&quot;Verkehr&quot;"].contains(where: theirs.contains) { continue }
            #expect(ours == theirs, "\(text.debugDescription)")
            compared += 1
        }
        #expect(compared > 1_000)
    }

    @Test("Broken templates fail at the same line as with swift-mustache", arguments: [
        "{{title}", "a\n{{#items}}\nx", "{{#items}}x{{/tags}}", "a\n\nb {{! offen", "{{=<% %>}}", "{{%CONTENT_TYPE:XML}}",
        "{{%KEIN_TAG}}", "{{<base}}{{title}}{{/base}}", "{{<base}}{{$a(b)}}{{/a(b)}}{{/base}}", "{{empty(items}}", "{{a(b)c}}",
        "x\n  {{{title}}\n", "{{/items}}",
    ])
    func sameErrorLine(_ text: String) throws {
        var ourError: TemplateParseError?
        do { _ = try TemplateParser.parse(text) } catch { ourError = error }
        var theirLine: Int?
        do { _ = try MustacheTemplate(string: text) } catch let error as MustacheTemplate.ParserError { theirLine = error.context.lineNumber }
        let ours = try #require(ourError, "accepted: \(text.debugDescription)")
        #expect(ours.line == theirLine)
        #expect(ours.column >= 1)
    }

    @Test("Errors name the line and column where reading stopped")
    func errorPositions() {
        func position(_ text: String) -> [Int] {
            do { _ = try TemplateParser.parse(text) } catch { return [error.line, error.column] }
            return []
        }
        #expect(position("<p>\n  {{title}</p>") == [2, 10])
        #expect(position("{{#a}}\n{{/b}}") == [2, 4])
        #expect(position("{{#a}}\n\n") == [3, 1])
    }

    // MARK: - Where portal's engine is deliberately more useful

    @Test("Text values take the text transforms and name dynamic partials; lists and objects print nothing")
    func beyondReference() throws {
        let view = Case.sample
        func render(_ text: String, partials: [String: String] = [:]) throws -> String {
            var compiled = try ["main": TemplateParser.parse(text)]
            for (name, partial) in partials { compiled[name] = try TemplateParser.parse(partial) }
            return String(decoding: try #require(TemplateRenderer.render(view, template: "main", templates: compiled)).bytes, as: UTF8.self)
        }
        // swift-mustache applies no transform to text values and takes no dynamic partial name from them.
        #expect(try render("{{uppercased(title)}}|{{#empty(empty)}}leer{{/empty(empty)}}|{{^empty(title)}}da{{/empty(title)}}") == "TITEL &lt;EM&gt;||da")
        #expect(try render("{{>*partialName}}", partials: ["p": "Teil {{count}}"]) == "Teil 3")
        // swift-mustache prints Swift's description of these.
        #expect(try render("[{{items}}][{{tags}}][{{date}}]") == "[][][]")
        #expect(try render("{{plusone(count)}}") == "4")
        // swift-mustache rejects a template that ends in a lone `{`.
        #expect(try render("Ende {") == "Ende {")
    }

    @Test("A partial that includes itself stops at the depth limit and is reported; a recursion over data is fine")
    func includingItself() throws {
        var leaf = ViewData()
        leaf["name"] = "Blatt"
        // Without its own (empty) list, a leaf would find its parent's `children` up the stack, as Mustache does.
        leaf[list: "children"] = []
        var branch = ViewData()
        branch["name"] = "Ast"
        branch[list: "children"] = [leaf]
        var root = ViewData()
        root["name"] = "Stamm"
        root[list: "children"] = [branch]
        let tree = try ["main": TemplateParser.parse("{{> node}}"), "node": TemplateParser.parse("<{{name}}{{#children}}{{> node}}{{/children}}>")]
        let rendered = try #require(TemplateRenderer.render(root, template: "main", templates: tree))
        #expect(String(decoding: rendered.bytes, as: UTF8.self) == "<Stamm<Ast<Blatt>>>")
        #expect(rendered.refusedInclusion == nil)

        let looping = try ["main": TemplateParser.parse("a{{> loop}}b"), "loop": TemplateParser.parse("x{{> loop}}")]
        let stopped = try #require(TemplateRenderer.render(root, template: "main", templates: looping))
        #expect(stopped.refusedInclusion == "loop")
        #expect(String(decoding: stopped.bytes, as: UTF8.self) == "a" + String(repeating: "x", count: TemplateRenderer.maximumDepth) + "b")
        // Sections count too: a partial of 64 nested sections that includes itself stops as well.
        let sections = String(repeating: "{{#yes}}", count: 64) + "{{> deep}}" + String(repeating: "{{/yes}}", count: 64)
        var flag = ViewData()
        flag[flag: "yes"] = true
        let deep = try ["main": TemplateParser.parse("{{> deep}}"), "deep": TemplateParser.parse(sections)]
        #expect(try #require(TemplateRenderer.render(flag, template: "main", templates: deep)).refusedInclusion != nil)
        let parents = try ["main": TemplateParser.parse("{{<main}}{{/main}}")]
        #expect(try #require(TemplateRenderer.render(root, template: "main", templates: parents)).refusedInclusion == "main")
    }

    @Test("Sections nested deeper than the limit are a parse error, not a crash")
    func nestingLimit() {
        let depth = TemplateParser.maximumDepth
        let fine = String(repeating: "{{#a}}", count: depth) + String(repeating: "{{/a}}", count: depth)
        #expect((try? TemplateParser.parse(fine)) != nil)
        let deep = String(repeating: "{{#a}}", count: 100_000) + String(repeating: "{{/a}}", count: 100_000)
        #expect(throws: TemplateParseError.self) { try TemplateParser.parse(deep) }
        do { _ = try TemplateParser.parse(deep) } catch { #expect(error.kind == .nestedTooDeep) }
    }

    @Test("A number at the edge of its range has no successor instead of overflowing")
    func numberEdges() throws {
        var view = ViewData()
        view[number: "big"] = .max
        view[number: "small"] = .min
        let compiled = try ["main": TemplateParser.parse("[{{plusone(big)}}][{{minusone(small)}}]")]
        #expect(TemplateRenderer.render(view, template: "main", templates: compiled).map { String(decoding: $0.bytes, as: UTF8.self) } == "[][]")
    }
}

/// swift-mustache rendering views the way portal handed them to it: text as a custom-renderable value without
/// children, null as a value that stops lookups, and escaping of `& < > " '` on bytes.
private struct Reference {
    let library: MustacheLibrary

    init(_ texts: [String: String]) throws {
        MustacheContentTypes.register(ReferenceEscaping(), named: "PORTAL_HTML")
        var library = MustacheLibrary()
        for (name, text) in texts {
            let template = try MustacheTemplate(string: "{{%CONTENT_TYPE:PORTAL_HTML}}" + text)
            library.register(template, named: name)
            library.register(template, named: TemplateSet.dottedName(name))
        }
        self.library = library
    }

    func render(_ view: ViewData, template: String) -> String? {
        library.render(ReferenceView(data: view), withTemplate: template)
    }
}

private struct ReferenceEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}

private struct ReferenceView: MustacheParent {
    let data: ViewData

    func child(named name: String) -> Any? {
        guard let value = data.values[name] else { return nil }
        switch value {
        case .text(let text): return ReferenceText(text: text)
        case .flag(let flag): return flag
        case .number(let number): return number
        case .list(let list): return list.map(ReferenceView.init)
        case .items(let items): return items.all.map(ReferenceView.init)
        case .texts(let texts): return texts
        case .object(let object): return ReferenceView(data: object)
        case .null: return ReferenceNull()
        }
    }
}

private struct ReferenceText: MustacheCustomRenderable, MustacheParent {
    let text: String
    var renderText: String { text }
    var isNull: Bool { false }
    func child(named: String) -> Any? { nil }
}

private struct ReferenceNull: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}
