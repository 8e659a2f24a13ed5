/// Small, valid sites for tests: each test changes one thing and checks what is reported.
public enum Fixtures {
    /// A minimal site that uses every kind of file and every kind of reference, with no diagnostics.
    public static let minimalSite = Txtar(#"""
-- site.yml --
title: KI-Portal Teststadt
description: Testseite.
baseURL: https://ki.test.example
language: de
organisation:
  name: Stadt Teststadt
  address: Rathausplatz 1, 12345 Teststadt
  email: info@test.example
  representedBy: Die Oberbürgermeisterin
accessibility:
  contactEmail: barrierefrei@test.example
  enforcementBody:
    name: Durchsetzungsstelle
    url: https://durchsetzung.test.example
  status: partial
  lastReviewed: 2025-11-01
privacy:
  controller: Stadt Teststadt
  dataProtectionOfficer: datenschutz@test.example
  supervisoryAuthority: Landesdatenschutz
areas:
  - id: buergerservice
    label: Bürgerservice
    description: Anliegen der Bürgerinnen und Bürger
  - id: bauantraege
    label: Bauanträge
    description: Bauaufsicht
-- bodies.yml --
- id: stadtrat
  name: Stadtrat
  organizationType: Gremium
  classification: council
- id: fraktion-a
  name: Fraktion A
  organizationType: Fraktion
  classification: faction
-- partners.yml --
- id: hochschule
  name: Hochschule Teststadt
  type: university
  role: cooperation
-- motions/AT-0001-2025.md --
---
reference: AT/0001/2025
name: Einsatz von KI prüfen
date: 2025-04-25
paperType: motion
originator: fraktion-a
resolutionItems:
  - id: 1
    text: Ein Konzept erarbeiten.
    status: in-progress
    due: 2025-12-31
    evidence: [chatbot]
consultations:
  - date: 2025-05-08
    organization: stadtrat
    role: decision
    result: adopted
    vote: {yes: 30, no: 10, abstain: 2}
---
## Begründung im Detail

Die Verwaltung soll prüfen. Siehe [Chatbot](../measures/chatbot.md).
-- measures/chatbot.md --
---
title: Chatbot im Bürgerservice
summary: Ein Chatbot beantwortet häufige Fragen.
area: buergerservice
status: pilot
riskClass: limited
automation: assistive
humanOversight: Das Team prüft Antworten wöchentlich.
personalData: none
legalBasis: ["Art. 6 Abs. 1 lit. e DSGVO"]
partners: [hochschule]
motions: ["AT/0001/2025#1"]
contact: ki@test.example
responsibleUnit: Bürgerbüro
updated: 2025-11-01
---
Der Chatbot ist ein Beispiel. Er setzt [Punkt 1](../motions/AT-0001-2025.md#punkt-1) um.
-- updates/2025-05-08-stadtrat.md --
---
title: Stadtrat beschließt
date: 2025-05-08
type: decision
related: [AT/0001/2025, chatbot]
---
Der Stadtrat hat beschlossen. Zur [Begründung](../motions/AT-0001-2025.md#begruendung-im-detail).
-- pages/chancen.md --
---
title: Chancen
menu: 1
---
## Wo KI hilft

Text mit [Abschnitt](#wo-ki-hilft).
"""#)

    /// The 1-based line and column at which `marker` first appears in `path` of `archive`.
    public static func position(of marker: String, in path: String, of archive: Txtar) -> (line: Int, column: Int)? {
        guard let text = archive[path], let range = text.range(of: marker) else { return nil }
        let prefix = text[..<range.lowerBound]
        let line = prefix.filter { $0 == "\n" }.count + 1
        let lineStart = prefix.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return (line, text[lineStart..<range.lowerBound].count + 1)
    }
}
