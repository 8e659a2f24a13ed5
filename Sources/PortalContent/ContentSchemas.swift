import PortalModel

/// The schemas of every content file type: the one definition the loader validates with, and docs and JSON
/// Schemas are generated from.
enum ContentSchemas {
    static let titleLimit = 100
    static let summaryLimit = 400

    private static func vocabulary<V: Vocabulary>(_ type: V.Type) -> FieldType {
        .vocabulary(V.allowedValues)
    }

    // MARK: site.yml

    static let organisation = ObjectSchema("organisation", "Die herausgebende Stelle (Impressum).", fields: [
        FieldSchema("name", .text(), required: true, "Name der Stelle.", example: "Stadt Koblenz"),
        FieldSchema("address", .text(), required: true, "Postanschrift in einer Zeile oder mehreren.", example: "\"Willi-Hörter-Platz 1, 56068 Koblenz\""),
        FieldSchema("email", .email, required: true, "Allgemeine Kontaktadresse.", example: "ki@stadt.example"),
        FieldSchema("phone", .text(), "Telefonnummer.", example: "\"+49 261 000000\""),
        FieldSchema("representedBy", .text(), required: true, "Vertretungsberechtigte Person.", example: "Oberbürgermeister Max Muster"),
        FieldSchema("supervisoryAuthority", .text(), "Aufsichtsbehörde.", example: "Aufsichts- und Dienstleistungsdirektion"),
    ])

    static let enforcementBody = ObjectSchema("enforcementBody", "Die Durchsetzungs- bzw. Schlichtungsstelle.", fields: [
        FieldSchema("name", .text(), required: true, "Name der Stelle.", example: "Landesbeauftragter für die Belange behinderter Menschen"),
        FieldSchema("url", .url, "Webadresse.", example: "https://www.example.de/schlichtung"),
        FieldSchema("email", .email, "E-Mail-Adresse.", example: "schlichtung@example.de"),
    ])

    static let knownIssue = ObjectSchema("knownIssue", "Ein nicht barrierefreier Teil der Website.", fields: [
        FieldSchema("part", .text(), required: true, "Welcher Teil.", example: "PDF-Anhänge älterer Vorlagen"),
        FieldSchema("reason", .text(), required: true, "Warum er nicht barrierefrei ist.", example: "Eingescannte Dokumente ohne Textebene"),
        FieldSchema("alternative", .text(), "Welche Alternative es gibt.", example: "Auf Anfrage als Text per E-Mail"),
    ])

    static let accessibility = ObjectSchema("accessibility", "Daten für die Erklärung zur Barrierefreiheit.", fields: [
        FieldSchema("contactEmail", .email, required: true, "Adresse für Rückmeldungen zu Barrieren.", example: "barrierefreiheit@stadt.example"),
        FieldSchema("contactPhone", .text(), "Telefon für Rückmeldungen.", example: "\"+49 261 000001\""),
        FieldSchema("enforcementBody", .object(enforcementBody), required: true, "Durchsetzungsstelle.", example: "{ name: …, url: … }"),
        FieldSchema("status", vocabulary(ConformanceStatus.self), required: true, "Vereinbarkeit mit BITV 2.0: vollständig, teilweise oder nicht.", example: "partial"),
        FieldSchema("createdOn", .date, "Datum, an dem die Erklärung erstellt wurde.", example: "2025-06-01"),
        FieldSchema("lastReviewed", .date, required: true, "Datum der letzten Überprüfung.", example: "2025-11-01"),
        FieldSchema("method", .text(), "Wie die Vereinbarkeit bewertet wurde.", example: "Selbstbewertung mit automatischen und manuellen Tests"),
        FieldSchema("knownIssues", .list(.object(knownIssue)), "Nicht barrierefreie Inhalte mit Begründung und Alternative."),
    ])

    static let privacy = ObjectSchema("privacy", "Daten für die Datenschutzerklärung.", fields: [
        FieldSchema("controller", .text(), required: true, "Verantwortliche Stelle.", example: "Stadtverwaltung Koblenz"),
        FieldSchema("dataProtectionOfficer", .text(), required: true, "Datenschutzbeauftragte Person oder Kontakt.", example: "datenschutz@stadt.example"),
        FieldSchema("supervisoryAuthority", .text(), required: true, "Datenschutz-Aufsichtsbehörde.", example: "Landesbeauftragter für den Datenschutz"),
        FieldSchema("serverLogs", .text(), "Was der Webserver protokolliert und wie lange.", example: "IP-Adressen werden nach 7 Tagen gelöscht."),
    ])

    static let area = ObjectSchema("area", "Ein Verwaltungsbereich, dem Maßnahmen zugeordnet sind.", fields: [
        FieldSchema("id", .identifier, required: true, "Kennung, auf die Maßnahmen mit `area` verweisen.", example: "buergerservice"),
        FieldSchema("label", .text(maxLength: 60), required: true, "Angezeigter Name.", example: "Bürgerservice"),
        FieldSchema("description", .text(), required: true, "Ein Satz zum Bereich.", example: "Anliegen von Bürgerinnen und Bürgern"),
    ])

    static let signLanguageVideo = ObjectSchema("signLanguageVideo", "Ein Video in Deutscher Gebärdensprache.", fields: [
        FieldSchema("title", .text(), required: true, "Titel des Videos.", example: "Informationen in Deutscher Gebärdensprache"),
        FieldSchema("url", .url, required: true, "Adresse der Videodatei (z. B. /assets/dgs.mp4).", example: "/assets/dgs.mp4"),
        FieldSchema("duration", .integer(minimum: 1), required: true, "Dauer in Sekunden.", example: "185"),
        FieldSchema("size", .integer(minimum: 1), required: true, "Dateigröße in Bytes.", example: "24500000"),
        FieldSchema("captions", .url, "Untertitel (WebVTT).", example: "/assets/dgs.vtt"),
    ])

    static let site = ObjectSchema("site", "Die Einstellungen der Website (site.yml).", fields: [
        FieldSchema("title", .text(maxLength: titleLimit), required: true, "Name der Website.", example: "KI in der Stadtverwaltung Koblenz"),
        FieldSchema("description", .text(maxLength: summaryLimit), required: true, "Zweck der Website in einem Satz.", example: "Was die Verwaltung mit KI plant und tut."),
        FieldSchema("baseURL", .url, required: true, "Adresse, unter der die Website veröffentlicht wird.", example: "https://ki.stadt.example"),
        FieldSchema("language", .vocabulary(["de", "en"]), "Sprache der Website: de (Standard) oder en.", example: "de"),
        FieldSchema("organisation", .object(organisation), required: true, "Herausgebende Stelle."),
        FieldSchema("accessibility", .object(accessibility), required: true, "Erklärung zur Barrierefreiheit."),
        FieldSchema("privacy", .object(privacy), required: true, "Datenschutzerklärung."),
        FieldSchema("areas", .list(.object(area)), required: true, "Verwaltungsbereiche."),
        FieldSchema("signLanguageVideo", .object(signLanguageVideo), "Optionales Video in Gebärdensprache."),
    ])

    // MARK: bodies.yml, partners.yml

    static let body = ObjectSchema("body", "Ein Gremium (bodies.yml).", fields: [
        FieldSchema("id", .identifier, required: true, "Kennung, auf die Anträge verweisen.", example: "stadtrat"),
        FieldSchema("name", .text(), required: true, "Voller Name.", example: "Stadtrat"),
        FieldSchema("shortName", .text(maxLength: 40), "Kurzname.", example: "StR"),
        FieldSchema("organizationType", vocabulary(OrganizationType.self), required: true, "OParl-Organisationstyp.", example: "Gremium"),
        FieldSchema("classification", vocabulary(BodyClassification.self), required: true, "Art des Gremiums.", example: "council"),
        FieldSchema("startDate", .date, "Gründung.", example: "2019-07-01"),
        FieldSchema("endDate", .date, "Auflösung; ein aufgelöstes Gremium behält seine Seite.", example: "2026-03-31"),
        FieldSchema("website", .url, "Webseite.", example: "https://www.stadt.example/stadtrat"),
        FieldSchema("description", .text(), "Kurze Beschreibung.", example: "Das gewählte Hauptorgan der Stadt."),
        FieldSchema("oparlId", .url, "OParl-Adresse (id) der Organization; OParl-Vorlagen, die sie nennen, verweisen auf dieses Gremium.", example: "https://ris.stadt.example/oparl/organization/34"),
    ])

    static let partner = ObjectSchema("partner", "Eine Partnerorganisation (partners.yml).", fields: [
        FieldSchema("id", .identifier, required: true, "Kennung, auf die Maßnahmen verweisen.", example: "hochschule-koblenz"),
        FieldSchema("name", .text(), required: true, "Voller Name.", example: "Hochschule Koblenz"),
        FieldSchema("type", vocabulary(PartnerType.self), required: true, "Art der Organisation.", example: "university"),
        FieldSchema("role", vocabulary(PartnerRole.self), required: true, "Rolle in der Zusammenarbeit.", example: "cooperation"),
        FieldSchema("website", .url, "Webseite.", example: "https://www.hs-koblenz.de"),
        FieldSchema("since", .date, "Beginn der Zusammenarbeit.", example: "2025-09"),
        FieldSchema("description", .text(), "Kurze Beschreibung der Zusammenarbeit.", example: "Begleitforschung zur Evaluation."),
    ])

    // MARK: motions

    static let vote = ObjectSchema("vote", "Abstimmungsergebnis: einstimmig oder mit Stimmenzahlen.", fields: [
        FieldSchema("unanimous", .boolean, "Einstimmig.", example: "true"),
        FieldSchema("yes", .integer(minimum: 0), "Ja-Stimmen.", example: "32"),
        FieldSchema("no", .integer(minimum: 0), "Nein-Stimmen.", example: "14"),
        FieldSchema("abstain", .integer(minimum: 0), "Enthaltungen.", example: "4"),
    ])

    static let consultation = ObjectSchema("consultation", "Ein Schritt im Gremienweg (OParl Consultation).", fields: [
        FieldSchema("date", .date, "Sitzungsdatum.", example: "2025-05-08"),
        FieldSchema("organization", .identifier, required: true, "Gremium (id aus bodies.yml).", example: "stadtrat"),
        FieldSchema("role", vocabulary(ConsultationRole.self), required: true, "Rolle des Gremiums.", example: "decision"),
        FieldSchema("authoritative", .boolean, "Ob das Gremium entscheidet.", example: "true"),
        FieldSchema("agendaItem", .text(maxLength: 40), "Tagesordnungspunkt.", example: "\"TOP 12\""),
        FieldSchema("public", .boolean, "Öffentliche Sitzung (Standard: true).", example: "true"),
        FieldSchema("result", vocabulary(ConsultationResult.self), "Ergebnis (Standard: pending).", example: "adopted"),
        FieldSchema("vote", .object(vote), "Abstimmung.", example: "{ yes: 32, no: 14, abstain: 4 }"),
        FieldSchema("referredTo", .identifier, "Gremium, an das verwiesen wurde.", example: "fachausschuss-digitalisierung"),
        FieldSchema("resolutionText", .markdown, "Beschlusstext (Markdown).", example: "\"Der Antrag wird in den Fachausschuss verwiesen.\""),
        FieldSchema("roleText", .text(maxLength: 120), "Rolle im Wortlaut des Ratsinformationssystems; wird statt `role` angezeigt.", example: "\"Vorberatung und Empfehlung\""),
        FieldSchema("resultText", .text(maxLength: 120), "Ergebnis im Wortlaut des Ratsinformationssystems; wird statt `result` angezeigt.", example: "\"Mit Maßgaben beschlossen\""),
        FieldSchema("extensions", .list(.object(oparlExtension)), "Herstellerfelder aus OParl (z. B. `sessionnet:votes`), unverändert wieder exportiert."),
    ])

    static let oparlExtension = ObjectSchema("oparlExtension", "Ein Herstellerfeld aus OParl: Name mit Präfix und Wert als JSON.", fields: [
        FieldSchema("key", .text(maxLength: 120), required: true, "Name des Feldes mit Präfix.", example: "\"sessionnet:votes\""),
        FieldSchema("value", .text(), required: true, "Wert als JSON.", example: "'{\"yes\":32,\"no\":14,\"abstain\":4}'"),
    ])

    static let resolutionItem = ObjectSchema("resolutionItem", "Ein Punkt des Beschlussentwurfs, dessen Umsetzung verfolgt wird.", fields: [
        FieldSchema("id", .integer(minimum: 1), required: true, "Nummer des Punktes (1, 2, 3 …).", example: "1"),
        FieldSchema("text", .markdown, required: true, "Wortlaut (Markdown, ein Absatz).", example: "\"Die Verwaltung erarbeitet ein Konzept …\""),
        FieldSchema("status", vocabulary(ItemStatus.self), required: true, "Stand der Umsetzung.", example: "in-progress"),
        FieldSchema("due", .date, "Frist.", example: "2025-12-31"),
        FieldSchema("responsible", .text(), "Zuständige Stelle.", example: "Amt für Digitalisierung"),
        FieldSchema("evidence", .list(.text()), "Belege: Maßnahmen (Slug), Meldungen (Dateiname) oder URLs.", example: "[ki-konzept, https://www.stadt.example/ki]"),
        FieldSchema("note", .text(), "Anmerkung zum Stand.", example: "Entwurf liegt vor."),
    ])

    static let attachment = ObjectSchema("file", "Eine Anlage (OParl mainFile / auxiliaryFile).", fields: [
        FieldSchema("title", .text(), required: true, "Titel.", example: "Antrag (PDF)"),
        FieldSchema("url", .url, required: true, "Adresse.", example: "/assets/AT-0047-2025.pdf"),
        FieldSchema("mediaType", .text(), "MIME-Typ.", example: "application/pdf"),
        FieldSchema("size", .integer(minimum: 0), "Größe in Bytes.", example: "182044"),
    ])

    static let motion = ObjectSchema("motion", "Eine Vorlage des Rates (motions/*.md); der Text der Datei ist die Begründung.", fields: [
        FieldSchema("reference", .text(maxLength: 40), required: true, "Aktenzeichen der Vorlage; daraus wird die Adresse.", example: "AT/0047/2025"),
        FieldSchema("name", .text(maxLength: 300), required: true, "Betreff.", example: "\"Einsatz von Künstlicher Intelligenz (KI) zur Effizienzsteigerung in der Stadtverwaltung\""),
        FieldSchema("date", .date, required: true, "Datum der Vorlage.", example: "2025-04-25"),
        FieldSchema("paperType", vocabulary(PaperType.self), required: true, "Art der Vorlage.", example: "motion"),
        FieldSchema("originator", .oneOf([.identifier, .list(.text())]), required: true, "Verfasser: Gremium (id) oder Liste von Namen.", example: "fraktion-afd"),
        FieldSchema("resolutionPreamble", .text(), "Einleitung des Beschlussentwurfs.", example: "\"Der Stadtrat möge beschließen, die Verwaltung wird beauftragt,\""),
        FieldSchema("resolutionItems", .list(.object(resolutionItem)), required: true, "Punkte des Beschlussentwurfs; bei aus OParl übernommenen Vorlagen (mit `oparl`) nicht nötig.", notRequiredWith: "oparl"),
        FieldSchema("consultations", .list(.object(consultation)), "Gremienweg."),
        FieldSchema("financialImpact", .text(), "Finanzielle Auswirkungen.", example: "nach Beratung"),
        FieldSchema("climateImpact", .text(), "Auswirkungen auf den Klimaschutz.", example: "keine"),
        FieldSchema("related", .list(.text()), "Aktenzeichen verwandter Vorlagen.", example: "[AT/0012/2025]"),
        FieldSchema("files", .list(.object(attachment)), "Anlagen."),
        FieldSchema("paperTypeText", .text(maxLength: 120), "Art der Vorlage im Wortlaut des Ratsinformationssystems; wird statt `paperType` angezeigt.", example: "\"Beantwortung einer Anfrage\""),
        FieldSchema("oparl", .url, "OParl-Adresse (id) des Papers, aus dem die Vorlage übernommen wurde.", example: "https://ris.stadt.example/oparl/paper/749"),
        FieldSchema("extensions", .list(.object(oparlExtension)), "Herstellerfelder aus OParl (z. B. `sessionnet:…`), unverändert wieder exportiert."),
    ])

    // MARK: measures

    static let impactAssessment = ObjectSchema("impactAssessment", "Eine Folgenabschätzung.", fields: [
        FieldSchema("type", vocabulary(ImpactAssessmentType.self), required: true, "dpia (DSFA), fria (Grundrechte), threshold (Schwellwertanalyse), other.", example: "dpia"),
        FieldSchema("date", .date, "Datum.", example: "2025-09-15"),
        FieldSchema("url", .url, "Veröffentlichung.", example: "/assets/dsfa-chatbot.pdf"),
        FieldSchema("summary", .text(), "Ergebnis in einem Satz.", example: "Restrisiko gering nach Maßnahmen."),
    ])

    static let risk = ObjectSchema("risk", "Ein Risiko und wie ihm begegnet wird.", fields: [
        FieldSchema("risk", .text(), required: true, "Das Risiko.", example: "Falsche Auskünfte"),
        FieldSchema("mitigation", .text(), "Gegenmaßnahme.", example: "Antworten nur aus geprüften Texten; Hinweis auf Servicetelefon"),
    ])

    static let savingsFigure = ObjectSchema("savingsFigure", "Einsparung pro Jahr.", fields: [
        FieldSchema("hoursPerYear", .number(minimum: 0), "Stunden pro Jahr.", example: "1200"),
        FieldSchema("eurosPerYear", .number(minimum: 0), "Euro pro Jahr.", example: "54000"),
        FieldSchema("asOf", .date, "Stand.", example: "2025-10"),
        FieldSchema("note", .text(), "Wie die Zahl ermittelt wurde.", example: "Schätzung auf Basis von 8.000 Anfragen"),
    ])

    static let savings = ObjectSchema("savings", "Erwartete und erreichte Einsparungen.", fields: [
        FieldSchema("expected", .object(savingsFigure), "Erwartet."),
        FieldSchema("realised", .object(savingsFigure), "Erreicht."),
    ])

    static let dataSource = ObjectSchema("dataSource", "Eine Datenquelle.", fields: [
        FieldSchema("title", .text(), required: true, "Bezeichnung.", example: "FAQ-Datenbank des Bürgerbüros"),
        FieldSchema("url", .url, "Adresse.", example: "https://www.stadt.example/faq"),
    ])

    static let milestone = ObjectSchema("milestone", "Ein Meilenstein der Maßnahme.", fields: [
        FieldSchema("date", .date, required: true, "Datum.", example: "2025-10"),
        FieldSchema("title", .text(maxLength: titleLimit), required: true, "Was geschieht.", example: "Start des Pilotbetriebs"),
        FieldSchema("note", .text(), "Anmerkung.", example: "Zunächst nur für Fragen zum Meldewesen"),
    ])

    static let measure = ObjectSchema("measure", "Eine KI-Maßnahme (measures/<slug>.md); der Text der Datei ist die Beschreibung.", fields: [
        FieldSchema("title", .text(maxLength: titleLimit), required: true, "Name der Maßnahme.", example: "Chatbot für Fragen zum Bürgerservice"),
        FieldSchema("summary", .text(maxLength: summaryLimit), required: true, "Beschreibung in einfacher Sprache.", example: "Ein Chatbot beantwortet häufige Fragen …"),
        FieldSchema("area", .identifier, required: true, "Verwaltungsbereich (id aus site.yml).", example: "buergerservice"),
        FieldSchema("status", vocabulary(MeasureStatus.self), required: true, "Phase.", example: "pilot"),
        FieldSchema("riskClass", vocabulary(RiskClass.self), required: true, "Risikoklasse nach KI-Verordnung.", example: "limited"),
        FieldSchema("automation", vocabulary(Automation.self), required: true, "Wie weit das System selbst entscheidet.", example: "assistive"),
        FieldSchema("humanOversight", .text(), required: true, "Wer die Ergebnisse prüft und wie.", example: "Mitarbeitende prüfen jede Antwort stichprobenartig."),
        FieldSchema("personalData", vocabulary(PersonalData.self), required: true, "Verarbeitete personenbezogene Daten.", example: "pseudonymised"),
        FieldSchema("legalBasis", .list(.text()), required: true, "Rechtsgrundlagen.", example: "[\"Art. 6 Abs. 1 lit. e DSGVO\"]"),
        FieldSchema("impactAssessments", .list(.object(impactAssessment)), "Folgenabschätzungen."),
        FieldSchema("opportunities", .list(.text()), "Chancen.", example: "[\"Antworten rund um die Uhr\"]"),
        FieldSchema("limits", .list(.text()), "Grenzen.", example: "[\"Keine Rechtsberatung\"]"),
        FieldSchema("risks", .list(.object(risk)), "Risiken mit Gegenmaßnahmen."),
        FieldSchema("savings", .object(savings), "Einsparpotenziale."),
        FieldSchema("vendor", .text(), "Anbieter.", example: "Kommunales Rechenzentrum"),
        FieldSchema("partners", .list(.identifier), "Partner (ids aus partners.yml).", example: "[hochschule-koblenz]"),
        FieldSchema("hosting", vocabulary(Hosting.self), "Betrieb.", example: "municipal-provider"),
        FieldSchema("dataSources", .list(.object(dataSource)), "Datenquellen."),
        FieldSchema("motions", .list(.text()), "Vorlagen oder Beschlusspunkte, die die Maßnahme umsetzt (AT/0047/2025#3).", example: "[\"AT/0047/2025#3\"]"),
        FieldSchema("milestones", .list(.object(milestone)), "Eigene Zeitleiste."),
        FieldSchema("contact", .text(), required: true, "Ansprechstelle.", example: "ki@stadt.example"),
        FieldSchema("responsibleUnit", .text(), required: true, "Verantwortliche Organisationseinheit.", example: "Amt für Digitalisierung"),
        FieldSchema("euDatabaseURL", .url, "Eintrag in der EU-Datenbank (Pflicht bei riskClass: high).", example: "https://ec.europa.eu/…"),
        FieldSchema("updated", .date, required: true, "Datum der letzten Überprüfung dieses Eintrags.", example: "2025-11-01"),
        FieldSchema("tags", .list(.text(maxLength: 40)), "Schlagwörter.", example: "[Chatbot, Sprache]"),
    ])

    // MARK: updates, pages

    static let update = ObjectSchema("update", "Eine Meldung (updates/<JJJJ-MM-TT>-<slug>.md).", fields: [
        FieldSchema("title", .text(maxLength: titleLimit), required: true, "Überschrift.", example: "Stadtrat berät über KI-Antrag"),
        FieldSchema("date", .date, required: true, "Datum.", example: "2025-05-08"),
        FieldSchema("summary", .text(maxLength: summaryLimit), "Zusammenfassung für Listen und Feeds.", example: "Der Stadtrat hat …"),
        FieldSchema("type", vocabulary(UpdateType.self), "Art der Meldung (Standard: news).", example: "decision"),
        FieldSchema("related", .list(.text()), "Aktenzeichen von Vorlagen oder Slugs von Maßnahmen.", example: "[AT/0047/2025, chatbot-buergerservice]"),
        FieldSchema("tags", .list(.text(maxLength: 40)), "Schlagwörter.", example: "[Stadtrat]"),
    ])

    static let page = ObjectSchema("page", "Eine freie Seite (pages/<slug>.md).", fields: [
        FieldSchema("title", .text(maxLength: titleLimit), required: true, "Überschrift.", example: "Chancen von KI in der Verwaltung"),
        FieldSchema("slug", .identifier, "Adresse der Seite (Standard: der Dateiname).", example: "chancen"),
        FieldSchema("summary", .text(maxLength: summaryLimit), "Kurzbeschreibung.", example: "Wo KI der Verwaltung helfen kann."),
        FieldSchema("variant", vocabulary(PageVariant.self), "standard oder easy-language (Leichte Sprache).", example: "standard"),
        FieldSchema("translationOf", .identifier, "Bei Leichter Sprache: Slug der Standardseite.", example: "chancen"),
        FieldSchema("lastReviewed", .date, "Letzte Überprüfung.", example: "2025-11-01"),
        FieldSchema("menu", .integer(minimum: 1), "Position im Hauptmenü.", example: "3"),
    ])

    /// Every schema, for documentation and JSON Schema export.
    static let all: [ObjectSchema] = [
        site, organisation, accessibility, enforcementBody, knownIssue, privacy, area, signLanguageVideo,
        body, partner, motion, resolutionItem, consultation, vote, attachment, oparlExtension,
        measure, impactAssessment, risk, savings, savingsFigure, dataSource, milestone, update, page,
    ]
}
