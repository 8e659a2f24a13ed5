import PortalDiagnostics
import PortalModel
import Testing
@testable import PortalRender

@Suite("Theme overrides and template diagnostics")
struct TemplateDiagnosticsTests {
    let site: Site

    init() throws {
        site = try TestSupport.site()
    }

    @Test("A user template replaces one default file; the rest still comes from the default theme")
    func override() throws {
        let footer = "<footer class=\"site-footer\"><p>Eigene Fußzeile {{organisationName}}</p></footer>\n"
        let rendered = try TestSupport.render(site, overrides: ["partials/footer.mustache": footer])
        #expect(rendered.diagnostics.isEmpty)
        let html = TestSupport.text(rendered.files, "massnahmen/index.html")
        #expect(html.contains("<p>Eigene Fußzeile Stadtverwaltung Musterstadt</p>"))
        #expect(html.contains("<nav class=\"main-nav\""))
    }

    @Test("A parse error is reported with the template's path, line and column")
    func parseError() throws {
        let broken = "{{<layouts.base}}\n{{$main}}\n<h1>{{pageTitle}}</h1>\n{{#measures}}\n<p>{{title}</p>\n{{/main}}\n{{/layouts.base}}\n"
        let rendered = try TestSupport.render(site, overrides: ["layouts/measures.mustache": broken])
        let errors = rendered.diagnostics.sorted().filter { $0.code == .templateError }
        let parse = try #require(errors.first { $0.location.file == "custom/layouts/measures.mustache" && $0.location.line != nil })
        #expect(parse.severity == .error)
        #expect(parse.location.line == 5)
        #expect(parse.location.column != nil)
        // The pages of the broken layout are not written, and that is reported too.
        #expect(rendered.files["massnahmen/index.html"] == nil)
        #expect(errors.contains { $0.message.contains("layouts/measures.mustache is missing") })
        #expect(rendered.files["antraege/index.html"] != nil)
    }

    @Test("An unclosed section is reported at its template")
    func unclosedSection() throws {
        let broken = "<footer>\n  {{#footerLinks}}\n<a href=\"{{href}}\">{{text}}</a>\n</footer>\n"
        let rendered = try TestSupport.render(site, overrides: ["partials/footer.mustache": broken])
        let diagnostic = try #require(rendered.diagnostics.first { $0.location.file == "custom/partials/footer.mustache" })
        #expect(diagnostic.code == .templateError)
        #expect(diagnostic.location.line != nil)
    }

    @Test("A partial that includes itself is reported at its file, and its pages fail the build instead of crashing it")
    func partialIncludingItself() throws {
        let footer = "<footer>\n{{> partials/footer}}\n</footer>\n"
        let rendered = try TestSupport.render(site, overrides: ["partials/footer.mustache": footer])
        let loops = rendered.diagnostics.all.filter { $0.message.contains("nested more than") }
        #expect(loops.count == 1)
        let diagnostic = try #require(loops.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.code == .templateError)
        #expect(diagnostic.location.file == "custom/partials/footer.mustache")
        #expect(diagnostic.message.contains("'partials/footer'"))
    }

    @Test("A partial that does not exist is reported where it is used")
    func missingPartial() throws {
        let footer = "<footer>\n<p>Text</p>\n  {{> partials/fusszeile}}\n</footer>\n"
        let rendered = try TestSupport.render(site, overrides: ["partials/footer.mustache": footer])
        let diagnostic = try #require(rendered.diagnostics.first { $0.message.contains("partials/fusszeile") })
        #expect(diagnostic.location == SourceLocation(file: "custom/partials/footer.mustache", line: 3, column: 3))
    }

    @Test("A label the template uses but the translation file lacks is reported with line and column")
    func missingTemplateLabel() throws {
        let footer = "<footer>\n<p>{{t.footer.gibtEsNicht}}</p>\n</footer>\n"
        let rendered = try TestSupport.render(site, overrides: ["partials/footer.mustache": footer])
        let diagnostic = try #require(rendered.diagnostics.first { $0.message.contains("footer.gibtEsNicht") })
        #expect(diagnostic.location == SourceLocation(file: "custom/partials/footer.mustache", line: 2, column: 4))
    }

    @Test("A label the pages need but the translation file lacks is reported at the translation file")
    func missingCodeLabel() throws {
        let theme = try TestSupport.theme()
        let german = try #require(theme.translations["de"])
        let reduced = german.text.replacing("  pilot: Pilotbetrieb\n", with: "")
        let rendered = try TestSupport.render(site, overrides: ["i18n/de.yml": reduced])
        let diagnostic = try #require(rendered.diagnostics.first { $0.message.contains("'status.pilot'") })
        #expect(diagnostic.location.file == "custom/i18n/de.yml")
        #expect(diagnostic.code == .templateError)
    }

    @Test("A broken translation file is reported with line and column")
    func brokenTranslations() throws {
        let rendered = try TestSupport.render(site, overrides: ["i18n/de.yml": "nav:\n  measures: [unclosed\n"])
        let diagnostic = try #require(rendered.diagnostics.first { $0.location.file == "custom/i18n/de.yml" && $0.location.line != nil })
        #expect(diagnostic.code == .templateError)
    }

    @Test("The scanner finds partial, parent and label tags with their positions")
    func scanner() {
        let tags = TemplateScanner.tags(in: "a\n  {{> partials/x}} {{#t.nav.home}}\n{{{ body }}}{{! comment }}{{<layouts.base}}{{/layouts.base}}{{^empty(list)}}")
        #expect(tags.map(\.name) == ["partials/x", "t.nav.home", "body", "layouts.base", "list"])
        #expect(tags.map(\.line) == [2, 2, 3, 3, 3])
        #expect(tags.first?.column == 3)
        #expect(tags.map(\.kind) == [.partial, .value, .value, .parent, .value])
    }

    @Test("German and English translations have the same keys and cover every vocabulary value")
    func translationsComplete() throws {
        let german = try TestSupport.labels("de"), english = try TestSupport.labels("en")
        func keys<V: Vocabulary>(_ type: V.Type) -> [String] { V.allCases.map(\.labelKey) }
        let vocabulary = keys(MeasureStatus.self) + keys(RiskClass.self) + keys(Automation.self) + keys(PersonalData.self)
            + keys(Hosting.self) + keys(ImpactAssessmentType.self) + keys(ItemStatus.self) + keys(ConsultationResult.self)
            + keys(ConsultationRole.self) + keys(PaperType.self) + keys(UpdateType.self) + keys(BodyClassification.self)
            + keys(OrganizationType.self) + keys(PartnerType.self) + keys(PartnerRole.self) + keys(ConformanceStatus.self)
            + keys(PageVariant.self)
        for key in vocabulary {
            #expect(german.has(key), "de.yml lacks \(key)")
            #expect(english.has(key), "en.yml lacks \(key)")
        }
        #expect(german.tree.values.keys.sorted() == english.tree.values.keys.sorted())
    }
}
