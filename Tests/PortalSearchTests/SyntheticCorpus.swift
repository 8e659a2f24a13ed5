import Foundation
import PortalTestSupport
@testable import PortalSearch

/// A generated German site for size and speed measurements: deterministic for a seed.
///
/// Words follow a Zipf distribution: about 45 % function words, the rest content words: the 35,033 words of the
/// Snowball vocabulary in a seeded order, with ~220 municipal nouns placed at seeded ranks among the first 3,000
/// and 4,000 compounds of two municipal nouns (with a linking element) among the first 30,000.
struct SyntheticCorpus {
    static let municipalNouns: [String] = """
        Antrag Bau Wohngeld Bürger Service Verwaltung Stadt Rat Ausschuss Amt Verfahren Daten Schutz Gesicht \
        Erkennung Straße Schaden Personal Übersetzung Beirat Fach Chatbot Sprache Modell Auskunft Termin Gebühr \
        Bescheid Genehmigung Prüfung Akte Vorgang Post Eingang Steuer Haushalt Mittel Förderung Schule Kita \
        Verkehr Planung Umwelt Klima Energie Wasser Abfall Grün Fläche Park Gebäude Wohnung Miete Sozial Hilfe \
        Jugend Familie Kind Senior Pflege Gesundheit Feuerwehr Rettung Ordnung Sicherheit Kamera Video Bild \
        Text Dokument Formular Portal Konto Zugang Schnittstelle Software Anbieter Vertrag Vergabe Kosten \
        Nutzen Risiko Transparenz Aufsicht Kontrolle Prüfer Bericht Register Verzeichnis Eintrag Beschluss \
        Sitzung Fraktion Anfrage Vorlage Tagesordnung Protokoll Bürgerin Einwohner Quartier Bezirk Ortsteil \
        Bibliothek Museum Kultur Sport Bad Halle Markt Wirtschaft Betrieb Gewerbe Anmeldung Meldung Ausweis \
        Pass Führerschein Fahrzeug Parkplatz Ampel Radweg Bus Bahn Haltestelle Baum Lärm Luft Messung Sensor \
        Netz Glasfaser Rechenzentrum Server Cloud Algorithmus Training Qualität Fehler Beschwerde Hinweis \
        Frage Antwort Telefon Mail Brief Akteneinsicht Einsicht Recht Gesetz Verordnung Richtlinie Norm \
        Ethik Grundrecht Diskriminierung Fairness Erklärung Begründung Entscheidung Mensch Mitarbeiter Team \
        Schulung Kompetenz Stelle Bewerbung Einstellung Urlaub Krankheit Lohn Rechnung Zahlung Kasse Mahnung
        """.split(separator: " ").map(String.init)

    static let linkingElements = ["", "s", "en", "n", "e", "er", "es"]

    let documents: [SearchDocument]

    /// Generates `count` documents of about `bodyWords` words each.
    init(count: Int, bodyWords: Int = 600, seed: UInt64 = 2025, snowballVocabulary: [String]) {
        var random = SeededGenerator(seed: seed)
        var ranked = snowballVocabulary.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        for index in stride(from: ranked.count - 1, to: 0, by: -1) {
            ranked.swapAt(index, random.below(index + 1))
        }
        var compounds: [String] = []
        var seen: Set<String> = []
        while compounds.count < 4_000 {
            let first = Self.municipalNouns[random.below(Self.municipalNouns.count)]
            let second = Self.municipalNouns[random.below(Self.municipalNouns.count)].lowercased()
            let compound = first + Self.linkingElements[random.below(Self.linkingElements.count)] + second
            if seen.insert(compound).inserted { compounds.append(compound) }
        }
        // Place municipal nouns and compounds at seeded ranks: sort by (rank key, group, position).
        var keyed: [(key: Int, group: Int, position: Int, word: String)] = []
        for (position, word) in ranked.enumerated() { keyed.append((position, 2, position, word)) }
        for (position, word) in Self.municipalNouns.enumerated() {
            keyed.append((20 + random.below(2_980), 0, position, word))
        }
        for (position, word) in compounds.enumerated() {
            keyed.append((300 + random.below(29_700), 1, position, word))
        }
        keyed.sort { ($0.key, $0.group, $0.position) < ($1.key, $1.group, $1.position) }
        ranked = keyed.map(\.word)
        let stopWords = GermanStopWords.words
        let contentTable = ZipfTable(count: ranked.count, exponent: 1.0, offset: 2.7)
        let stopTable = ZipfTable(count: stopWords.count, exponent: 1.1, offset: 1.0)

        func word() -> String {
            let roll = random.unit()
            if roll < 0.45 { return stopWords[stopTable.sample(random.unit())] }
            return ranked[contentTable.sample(random.unit())]
        }
        func text(words count: Int) -> String {
            var sentence = 0
            var output: [String] = []
            for _ in 0..<count {
                var next = word()
                sentence += 1
                if sentence > 8 + random.below(12) {
                    next += "."
                    sentence = 0
                }
                output.append(next)
            }
            return output.joined(separator: " ") + "."
        }

        let kinds = ["measure", "motion", "update", "page", "body"]
        let sections = ["massnahmen", "antraege", "neuigkeiten", "seiten", "gremien"]
        let areas = ["buergerservice", "bauen", "soziales", "verkehr", "umwelt", "personal", "digitales", "ordnung"]
        let statuses = ["idea", "assessment", "pilot", "in-use", "retired"]
        var documents: [SearchDocument] = []
        for number in 0..<count {
            let kind = random.below(kinds.count)
            let title = text(words: 4 + random.below(5))
            documents.append(SearchDocument(
                url: "/\(sections[kind])/seite-\(number)/",
                title: String(title.dropLast()),
                summary: text(words: 25 + random.below(20)),
                body: text(words: bodyWords - 50 + random.below(100)),
                kind: kinds[kind],
                area: kind == 0 || kind == 1 ? areas[random.below(areas.count)] : nil,
                status: kind == 0 ? statuses[random.below(statuses.count)] : nil,
                date: "20\(20 + random.below(6))-0\(1 + random.below(9))-1\(random.below(10))"
            ))
        }
        self.documents = documents
    }

    /// Samples ranks 0..<count with probability ∝ 1 / (rank + offset)^exponent.
    struct ZipfTable {
        let cumulative: [Double]

        init(count: Int, exponent: Double, offset: Double) {
            var total = 0.0
            var cumulative: [Double] = []
            cumulative.reserveCapacity(count)
            for rank in 0..<count {
                total += 1 / pow(Double(rank) + offset, exponent)
                cumulative.append(total)
            }
            self.cumulative = cumulative.map { $0 / total }
        }

        func sample(_ unit: Double) -> Int {
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] < unit { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }
}

extension SeededGenerator {
    /// A number in `0..<1`.
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
