import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PortalModel
import Testing
@testable import PortalRender

@Suite("Feeds, sitemap and open data files")
struct MachineReadableTests {
    let files: [String: [UInt8]]

    init() throws {
        files = try TestSupport.render(try TestSupport.site()).files
    }

    /// Parses XML strictly and collects element names and their text.
    final class XMLCollector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var texts: [String: [String]] = [:]
        var attributes: [String: [[String: String]]] = [:]
        private var current = ""

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            elements.append(elementName)
            attributes[elementName, default: []].append(attributeDict)
            current = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            current += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            texts[elementName, default: []].append(current)
            current = ""
        }
    }

    func parseXML(_ path: String) throws -> XMLCollector {
        let parser = XMLParser(data: Data(try #require(files[path])))
        let collector = XMLCollector()
        parser.delegate = collector
        parser.shouldProcessNamespaces = false
        #expect(parser.parse(), "\(path) is not well-formed: \(String(describing: parser.parserError))")
        return collector
    }

    func parseJSON(_ path: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(try #require(files[path])))
        return try #require(object as? [String: Any])
    }

    @Test("The Atom feed is well-formed with ids, dates from the content and one entry per update")
    func atom() throws {
        let feed = try parseXML("aktuelles/atom.xml")
        #expect(feed.elements.first == "feed")
        #expect(feed.attributes["feed"]?.first?["xmlns"] == "http://www.w3.org/2005/Atom")
        #expect(feed.elements.filter { $0 == "entry" }.count == 3)
        let ids = feed.texts["id"] ?? []
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("tag:ki.stadt.example,") })
        // The feed's updated date is the newest update's date, not the build time.
        #expect(feed.texts["updated"]?.first == "2025-11-10T00:00:00Z")
        #expect(feed.texts["title"]?.contains("Workshop zu KI & Ethik") == true)
        let links = feed.attributes["link"]?.compactMap { $0["href"] } ?? []
        #expect(links.contains("https://ki.stadt.example/aktuelles/atom.xml"))
        // Relative links in the content are made absolute.
        let content = feed.texts["content"]?.joined() ?? ""
        #expect(!content.contains("href=\"/"))
    }

    @Test("The JSON Feed has version, title and items with id, url and date")
    func jsonFeed() throws {
        let feed = try parseJSON("aktuelles/feed.json")
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["title"] as? String != nil)
        #expect(feed["feed_url"] as? String == "https://ki.stadt.example/aktuelles/feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.count == 3)
        for item in items {
            #expect(item["id"] is String)
            #expect((item["url"] as? String)?.hasPrefix("https://ki.stadt.example/aktuelles/") == true)
            #expect(item["content_html"] is String)
            #expect((item["date_published"] as? String)?.hasSuffix("T00:00:00Z") == true)
        }
    }

    @Test("The sitemap lists every page except 404 with absolute URLs")
    func sitemap() throws {
        let sitemap = try parseXML("sitemap.xml")
        let locations = sitemap.texts["loc"] ?? []
        let pages = files.keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }
        #expect(locations.count == pages.count)
        #expect(locations.allSatisfy { $0.hasPrefix("https://ki.stadt.example/") })
        #expect(locations.contains("https://ki.stadt.example/massnahmen/chatbot/"))
        #expect(!locations.contains { $0.contains("404") })
        #expect(locations == locations.sorted())
        #expect(TestSupport.text(files, "robots.txt").contains("Sitemap: https://ki.stadt.example/sitemap.xml"))
    }

    @Test("antraege.json holds OParl Paper objects with embedded Consultation objects")
    func oparl() throws {
        let list = try parseJSON("daten/antraege.json")
        let papers = try #require(list["data"] as? [[String: Any]])
        #expect(papers.count == 2)
        let paper = try #require(papers.first { $0["reference"] as? String == "AT/0047/2025" })
        #expect(paper["type"] as? String == "https://schema.oparl.org/1.1/Paper")
        #expect(paper["paperType"] as? String == "Antrag")
        #expect(paper["date"] as? String == "2025-04-25")
        #expect((paper["id"] as? String)?.hasPrefix("https://ki.stadt.example/") == true)
        #expect(paper["body"] as? String == "https://ki.stadt.example/daten/oparl/body.json")
        #expect(paper["originatorOrganization"] as? [String] == ["https://ki.stadt.example/daten/oparl/organizations.json#fraktion-gruen"])
        let consultations = try #require(paper["consultation"] as? [[String: Any]])
        #expect(consultations.count == 3)
        #expect(consultations.map { $0["role"] as? String } == ["Vorberatung", "Entscheidung", "Kenntnisnahme"])
        #expect(consultations.map { $0["authoritative"] as? Bool } == [false, true, false])
        #expect(consultations.allSatisfy { $0["type"] as? String == "https://schema.oparl.org/1.1/Consultation" })
        #expect(consultations.allSatisfy { ($0["organization"] as? [String])?.count == 1 })
        let mainFile = try #require(paper["mainFile"] as? [String: Any])
        #expect(mainFile["accessUrl"] as? String == "https://ki.stadt.example/assets/antrag.pdf")
        let items = try #require(paper["portal:resolutionItems"] as? [[String: Any]])
        #expect(items.map { $0["overdue"] as? Bool } == [true, false, false])
        let inquiry = try #require(papers.first { $0["reference"] as? String == "AF/0012/2025" })
        #expect(inquiry["paperType"] as? String == "Anfrage")
        #expect(inquiry["portal:originatorNames"] as? [String] == ["Erika Beispiel", "Max Muster"])
        #expect((inquiry["relatedPaper"] as? [String])?.count == 1)
        let links = try #require(list["links"] as? [String: Any])
        #expect(links["self"] as? String == "https://ki.stadt.example/daten/antraege.json")
    }

    @Test("The OParl body and its organization list are published, so every reference of a paper leads somewhere")
    func oparlBody() throws {
        let body = try parseJSON("daten/oparl/body.json")
        #expect(body["id"] as? String == "https://ki.stadt.example/daten/oparl/body.json")
        #expect(body["type"] as? String == "https://schema.oparl.org/1.1/Body")
        #expect(body["paper"] as? String == "https://ki.stadt.example/daten/antraege.json")
        #expect(body["organization"] as? String == "https://ki.stadt.example/daten/oparl/organizations.json")
        #expect((body["legislativeTerm"] as? [Any])?.isEmpty == true)
        let organizations = try #require(try parseJSON("daten/oparl/organizations.json")["data"] as? [[String: Any]])
        let green = try #require(organizations.first { $0["id"] as? String == "https://ki.stadt.example/daten/oparl/organizations.json#fraktion-gruen" })
        #expect(green["type"] as? String == "https://schema.oparl.org/1.1/Organization")
        #expect(green["body"] as? String == body["id"] as? String)
        #expect(green["web"] as? String == "https://ki.stadt.example/gremien/fraktion-gruen/")
        for list in ["daten/oparl/persons.json", "daten/oparl/meetings.json"] {
            #expect((try parseJSON(list)["data"] as? [Any])?.isEmpty == true, "\(list)")
        }
    }

    @Test("An object whose last array is written element by element is the same text as the whole value", arguments: [0, 1, 3])
    func streamedArray(count: Int) {
        let members = [JSONValue.Member(key: "title", value: .string("Maßnahmen \"KI\"")), JSONValue.Member(key: "count", value: .int(count))]
        func element(_ position: Int) -> JSONValue {
            .object([JSONValue.Member(key: "slug", value: .string("m\(position)")), JSONValue.Member(key: "tags", value: .array([.string("a"), .null]))])
        }
        let whole = JSONValue.object(members + [JSONValue.Member(key: "measures", value: .array((0..<count).map(element)))]).serialized()
        #expect(JSONValue.serializedObject(members, thenArray: "measures", count: count, element: element) == Array(whole.utf8))
        #expect(JSONValue.serializedObject([], thenArray: "measures", count: count, element: element)
                == Array(JSONValue.object([JSONValue.Member(key: "measures", value: .array((0..<count).map(element)))]).serialized().utf8))
    }

    @Test("massnahmen.json holds every measure with ids and labels")
    func measuresJSON() throws {
        let document = try parseJSON("daten/massnahmen.json")
        #expect(document["count"] as? Int == 3)
        #expect(document["asOf"] as? String == "2025-11-14")
        let measures = try #require(document["measures"] as? [[String: Any]])
        let chatbot = try #require(measures.first { $0["slug"] as? String == "chatbot" })
        let status = try #require(chatbot["status"] as? [String: Any])
        #expect(status["id"] as? String == "pilot")
        #expect(status["label"] as? String == "Pilotbetrieb")
        let savings = try #require(chatbot["savings"] as? [String: Any])
        let realised = try #require(savings["realised"] as? [String: Any])
        #expect(realised["eurosPerYear"] as? Double == 13972.5)
        #expect((chatbot["motions"] as? [[String: Any]])?.first?["url"] as? String == "https://ki.stadt.example/antraege/at-0047-2025/#punkt-1")
    }

    @Test("massnahmen.csv follows RFC 4180: header row, CRLF, quoted fields")
    func csv() throws {
        let text = TestSupport.text(files, "daten/massnahmen.csv")
        #expect(text.hasSuffix("\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count == 4)
        let header = try #require(lines.first)
        #expect(header.hasPrefix("Kennung,Titel,Kurzbeschreibung,Bereich,Status,Risikoklasse"))
        #expect(header.split(separator: ",").count == MeasuresCSV.columns.count)
        let chatbot = try #require(lines.first { $0.hasPrefix("chatbot,") })
        #expect(chatbot.contains(",Pilotbetrieb,Begrenztes Risiko,"))
        #expect(chatbot.contains(",1200,54000,310.5,13972.5,"))
        #expect(chatbot.contains("\"Art. 6 Abs. 1 lit. e DSGVO\"") == false)
        #expect(MeasuresCSV.field("a, \"b\"") == "\"a, \"\"b\"\"\"")
        #expect(MeasuresCSV.field("Zeile\neins") == "\"Zeile\neins\"")
        #expect(MeasuresCSV.field("einfach") == "einfach")
    }
}
