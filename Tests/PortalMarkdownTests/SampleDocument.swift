/// A realistic measure description of about 600 words, for throughput measurements and large inputs.
enum SampleDocument {
    /// The number of headings in ``text``.
    static let headingCount = 5

    static let text = """
        Die Stadtverwaltung setzt seit dem Frühjahr 2025 ein **KI-gestütztes Assistenzsystem** ein, das \
        Sachbearbeiterinnen und Sachbearbeiter bei der Beantwortung von Bürgeranfragen unterstützt. Das System \
        schlägt Antworten vor; die Entscheidung, was versendet wird, trifft immer ein Mensch. Grundlage ist der \
        Beschluss des Stadtrats zum [Antrag AT/0047/2025](../motions/AT-0047-2025.md#beschluss), der eine \
        schrittweise und *transparente* Einführung verlangt.

        ## Worum es geht

        Jeden Monat erreichen das Bürgerbüro rund 4.000 Anfragen per E-Mail und Kontaktformular. Viele davon \
        betreffen wiederkehrende Themen: Öffnungszeiten, Unterlagen für den Personalausweis, Termine beim \
        Standesamt oder die Anmeldung eines Wohnsitzes. Das Assistenzsystem erkennt das Thema einer Anfrage, \
        sucht die passenden Textbausteine aus der Wissensdatenbank und formuliert einen Antwortentwurf.

        Die Mitarbeitenden prüfen jeden Entwurf, passen ihn an und versenden ihn erst dann. Anfragen, die das \
        System nicht sicher einordnen kann, werden ohne Vorschlag in die normale Bearbeitung gegeben. So bleibt \
        die Verantwortung für jede Antwort in der Verwaltung, und niemand erhält eine Auskunft, die nicht von \
        einem Menschen gelesen wurde.

        ## Was das System nicht tut

        - Es trifft **keine** Entscheidungen über Anträge, Gebühren oder Leistungen.
        - Es greift nicht auf Fachverfahren wie das Melderegister zu.
        - Es speichert Anfragen nicht dauerhaft; Protokolle werden nach 30 Tagen gelöscht.
        - Es wird nicht mit den Daten der Bürgerinnen und Bürger trainiert.

        > Künstliche Intelligenz soll uns Routinearbeit abnehmen, damit mehr Zeit für die Menschen bleibt, \
        > deren Anliegen nicht in ein Formular passen.
        >
        > — Aus der Begründung des Antrags

        ## Datenschutz und Sicherheit

        Vor dem Einsatz wurde eine Datenschutz-Folgenabschätzung durchgeführt. Personenbezogene Daten in den \
        Anfragen werden vor der Verarbeitung pseudonymisiert: Namen, Anschriften, Telefonnummern und \
        Aktenzeichen ersetzt ein vorgeschalteter Filter durch Platzhalter wie `[NAME]` oder `[ADRESSE]`. \
        Das Sprachmodell läuft auf Servern des kommunalen Rechenzentrums in Deutschland; es werden keine \
        Daten an Anbieter außerhalb der Europäischen Union übermittelt.

        Die technische Konfiguration sieht so aus:

        ```yaml
        modell: offenes-sprachmodell-8b
        hosting: kommunales-rechenzentrum
        protokolle_aufbewahren_tage: 30
        pseudonymisierung: aktiv
        ```

        Der behördliche Datenschutzbeauftragte hat die Einführung begleitet. Seine Stellungnahme und die \
        Folgenabschätzung sind auf der Seite [Datenschutz](../pages/datenschutz.md) verlinkt.

        ## Erste Ergebnisse

        Nach drei Monaten im Pilotbetrieb zeigt die Auswertung:

        1. Für etwa 60 Prozent der Anfragen lag ein brauchbarer Entwurf vor.
        2. Die durchschnittliche Bearbeitungszeit sank von elf auf sieben Minuten.
        3. In 4 Prozent der Fälle enthielt ein Entwurf einen sachlichen Fehler, der bei der Prüfung auffiel \
        und korrigiert wurde.

        Die Fehlerquote zeigt, warum die menschliche Prüfung unverzichtbar bleibt. Die Verwaltung \
        veröffentlicht die Zahlen vierteljährlich unter [Aktuelles](../updates/2025-07-01-zwischenbericht.md) \
        und legt dem Ausschuss für Digitalisierung einen ausführlichen Bericht vor.

        ![Diagramm der Bearbeitungszeiten vor und nach der Einführung](../assets/bearbeitungszeiten.png \
        "Bearbeitungszeiten im Vergleich")

        Neben den Zahlen zählen die Rückmeldungen aus dem Team. Viele Kolleginnen und Kollegen berichten, dass \
        sie sich stärker auf schwierige Fälle konzentrieren können, etwa auf Anfragen von Menschen, die wenig \
        Deutsch sprechen oder mit einem Verwaltungsverfahren nicht zurechtkommen. Andere wünschen sich \
        kürzere Entwürfe und eine einfachere Sprache. Diese Hinweise fließen in die nächste Version der \
        Textbausteine ein, die gemeinsam mit dem Team für *Leichte Sprache* überarbeitet werden.

        ## Wie es weitergeht

        Bis Ende 2025 entscheidet der Stadtrat, ob das System dauerhaft eingesetzt wird. Dafür werden die \
        Erfahrungen der Mitarbeitenden in einer Befragung erhoben, und ein unabhängiges Institut der \
        [Hochschule](https://www.example.org/forschung/ki-verwaltung?projekt=42&sprache=de) bewertet die \
        Qualität der Antworten. Fragen und Hinweise nimmt die Stabsstelle Digitalisierung gern entgegen; \
        schreiben Sie an <digitalisierung@example.org>. Auch Kritik ist ausdrücklich erwünscht — \
        „Nur wer Grenzen kennt, kann Chancen nutzen.“
        """
}
