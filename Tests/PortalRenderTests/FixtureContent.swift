/// A small but complete content folder for the renderer tests: every page kind, an overdue resolution item,
/// upcoming dates, a dissolved body, savings, an easy-language page and legal pages with extra text.
enum FixtureContent {
    /// Files by path below the content folder.
    static let files: [String: String] = [
        "site.yml": """
        title: KI in der Stadtverwaltung
        description: Was die Stadtverwaltung mit Künstlicher Intelligenz plant und tut.
        baseURL: https://ki.stadt.example
        language: de
        organisation:
          name: Stadtverwaltung Musterstadt
          address: "Rathausplatz 1, 56068 Musterstadt"
          email: ki@stadt.example
          phone: "+49 261 000 0000"
          representedBy: Oberbürgermeisterin Erika Muster
        accessibility:
          contactEmail: barrierefreiheit@stadt.example
          enforcementBody:
            name: Durchsetzungsstelle Barrierefreiheit
            url: https://durchsetzung.example
          status: partial
          createdOn: 2025-06-02
          lastReviewed: 2025-11-01
          knownIssues:
            - part: Ältere PDF-Anlagen
              reason: Eingescannt ohne Textebene.
              alternative: Auf Anfrage als Text per E-Mail.
        privacy:
          controller: Stadtverwaltung Musterstadt
          dataProtectionOfficer: datenschutz@stadt.example
          supervisoryAuthority: Landesbeauftragter für den Datenschutz
        areas:
          - id: buergerservice
            label: Bürgerservice
            description: Anliegen von Bürgerinnen und Bürgern
          - id: interne-ablaeufe
            label: Interne Abläufe
            description: Post, Schriftgut, Übersetzungen
          - id: bauantraege
            label: Bauanträge
            description: Bauaufsicht und Baugenehmigungen
        signLanguageVideo:
          title: Das Portal in Deutscher Gebärdensprache
          url: /assets/dgs.mp4
          duration: 185
          size: 24500000
        """,
        "bodies.yml": """
        - id: stadtrat
          name: Stadtrat
          shortName: StR
          organizationType: Gremium
          classification: council
        - id: digitalbeirat
          name: Digitalbeirat
          organizationType: Gremium
          classification: advisory-board
          startDate: 2021-03
          endDate: 2025-06-30
        - id: ausschuss-digitales
          name: Ausschuss für Digitales
          organizationType: Gremium
          classification: committee
        - id: fraktion-gruen
          name: Grüne Ratsfraktion
          organizationType: Fraktion
          classification: faction
        """,
        "partners.yml": """
        - id: hochschule
          name: Hochschule Musterstadt
          type: university
          role: cooperation
          website: https://hochschule.example
          since: 2025-09
        - id: rechenzentrum
          name: Kommunales Rechenzentrum
          type: it-service-provider
          role: contractor
        """,
        "motions/AT-0047-2025.md": """
        ---
        reference: AT/0047/2025
        name: "Einsatz von Künstlicher Intelligenz in der Stadtverwaltung"
        date: 2025-04-25
        paperType: motion
        originator: fraktion-gruen
        resolutionPreamble: "Der Stadtrat möge beschließen, die Verwaltung wird beauftragt,"
        resolutionItems:
          - id: 1
            text: einen Chatbot für den Bürgerservice zu erproben.
            status: in-progress
            due: 2025-09-30
            responsible: Bürgerbüro
            evidence: [chatbot, 2025-09-01-chatbot-startet]
          - id: 2
            text: ein Konzept für KI in der Verwaltung vorzulegen.
            status: open
            due: 2026-02-28
          - id: 3
            text: die Ergebnisse öffentlich zu berichten.
            status: done
            due: 2025-05-31
            evidence: ["https://www.stadt.example/bericht"]
        consultations:
          - date: 2025-05-08
            organization: ausschuss-digitales
            role: preliminary
            authoritative: false
            result: adopted-amended
            vote: { yes: 9, no: 2, abstain: 1 }
          - date: 2025-06-12
            organization: stadtrat
            role: decision
            authoritative: true
            agendaItem: "TOP 12"
            result: adopted
            vote: { unanimous: true }
          - date: 2025-12-04
            organization: digitalbeirat
            role: information
            result: pending
        financialImpact: nach Beratung
        climateImpact: keine
        files:
          - title: Antrag (PDF)
            url: /assets/antrag.pdf
            mediaType: application/pdf
            size: 182044
        ---
        Die Verwaltung soll prüfen, wo KI Routinearbeit abnehmen kann.

        Dabei gelten Datenschutz und Transparenz.
        """,
        "motions/AF-0012-2025.md": """
        ---
        reference: AF/0012/2025
        name: "Anfrage zu Übersetzungsprogrammen"
        date: 2025-10-02
        paperType: inquiry
        originator: [Erika Beispiel, Max Muster]
        resolutionItems:
          - id: 1
            text: Welche Übersetzungsprogramme nutzt die Verwaltung?
            status: open
        related: [AT/0047/2025]
        ---
        """,
        "measures/chatbot.md": """
        ---
        title: Chatbot für den Bürgerservice
        summary: Ein Chatbot beantwortet häufige Fragen rund um die Uhr.
        area: buergerservice
        status: pilot
        riskClass: limited
        automation: assistive
        humanOversight: Das Bürgerbüro prüft wöchentlich Stichproben.
        personalData: pseudonymised
        legalBasis: ["Art. 6 Abs. 1 lit. e DSGVO"]
        impactAssessments:
          - type: dpia
            date: 2025-08-15
            summary: Restrisiko gering.
        opportunities: ["Antworten rund um die Uhr", "Weniger Wartezeit am Telefon"]
        limits: ["Keine Rechtsberatung"]
        risks:
          - risk: Falsche Auskünfte
            mitigation: Nur geprüfte Texte
        savings:
          expected: { hoursPerYear: 1200, eurosPerYear: 54000, asOf: 2025-06 }
          realised: { hoursPerYear: 310.5, eurosPerYear: 13972.5, asOf: 2025-11 }
        vendor: Kommunales Rechenzentrum
        partners: [rechenzentrum, hochschule]
        hosting: municipal-provider
        motions: ["AT/0047/2025#1"]
        milestones:
          - date: 2025-09
            title: Start des Pilotbetriebs
          - date: 2026-03-31
            title: Auswertung des Pilotbetriebs
        contact: ki@stadt.example
        responsibleUnit: Bürgerbüro
        updated: 2025-11-01
        tags: [Chatbot, Öffentlichkeit]
        ---
        Der Chatbot beantwortet Fragen zu Ausweisen und Terminen.
        """,
        "measures/aktenablage.md": """
        ---
        title: Ähnlichkeitssuche in der Aktenablage
        summary: Findet ähnliche Vorgänge im Schriftgut.
        area: interne-ablaeufe
        status: in-use
        riskClass: minimal
        automation: decision-support
        humanOversight: Sachbearbeitende entscheiden selbst, welche Treffer sie nutzen.
        personalData: personal
        legalBasis: ["§ 3 LDSG"]
        limits: ["Findet keine handschriftlichen Vermerke"]
        savings:
          expected: { hoursPerYear: 400, eurosPerYear: 18000 }
        motions: ["AT/0047/2025"]
        contact: Zentrale Dienste
        responsibleUnit: Zentrale Dienste
        updated: 2025-10-01
        tags: [Schriftgut, Suche]
        ---
        """,
        "measures/bauantrag.md": """
        ---
        title: Vollständigkeitsprüfung von Bauanträgen
        summary: Prüft, ob Bauanträge vollständig sind.
        area: bauantraege
        status: assessment
        riskClass: high
        automation: partial
        humanOversight: Jeder Hinweis wird geprüft.
        personalData: personal
        legalBasis: ["§ 63 LBauO"]
        euDatabaseURL: https://ec.europa.eu/ai-database/beispiel
        contact: bauaufsicht@stadt.example
        responsibleUnit: Bauaufsicht
        updated: 2025-09-30
        tags: [schriftgut]
        ---
        """,
        "updates/2025-06-12-stadtrat-beschliesst.md": """
        ---
        title: Stadtrat beschließt KI-Antrag
        date: 2025-06-12
        summary: Der Stadtrat hat den Antrag einstimmig beschlossen.
        type: decision
        related: ["AT/0047/2025"]
        tags: [Stadtrat]
        ---
        Der Stadtrat hat den [Antrag](/antraege/at-0047-2025/) beschlossen.
        """,
        "updates/2025-09-01-chatbot-startet.md": """
        ---
        title: Chatbot startet
        date: 2025-09-01
        type: milestone
        related: [chatbot]
        ---
        Der Chatbot ist online.
        """,
        "updates/2025-11-10-workshop.md": """
        ---
        title: Workshop zu KI & Ethik
        date: 2025-11-10
        summary: "Offener Workshop; alle sind eingeladen."
        type: event
        ---
        Ein offener Workshop.
        """,
        "pages/chancen.md": """
        ---
        title: Chancen von KI
        lastReviewed: 2025-11-01
        ---
        KI kann Routinearbeit abnehmen.
        """,
        "pages/barrierefreiheit.md": """
        ---
        title: Erklärung zur Barrierefreiheit
        ---
        Wir arbeiten an weiteren Verbesserungen.
        """,
        "pages/ueber-uns.md": """
        ---
        title: Über das Portal
        menu: 1
        ---
        Dieses Portal macht sichtbar, wie die Verwaltung KI einsetzt.
        """,
        "pages/ueber-uns-leicht.md": """
        ---
        title: Über das Portal in Leichter Sprache
        variant: easy-language
        translationOf: ueber-uns
        ---
        Hier steht: Was macht die Stadt mit KI?
        """,
    ]

    /// The assets the fixture links to, as the build stage would list them.
    static let assetPaths = ["antrag.pdf", "dgs.mp4"]
}
