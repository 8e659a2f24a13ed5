/// The section ids the theme puts on generated pages, so Markdown links such as
/// `AT-0047-2025.md#begruendung` can be checked at build time and headings in prose do not collide with them.
public enum PageAnchors {
    public static let motion: [String] = [
        "inhalt", "beschlussentwurf", "begruendung", "gremienweg", "auswirkungen", "massnahmen", "anlagen", "meldungen",
    ]
    public static let measure: [String] = [
        "inhalt", "steckbrief", "beschreibung", "chancen", "grenzen", "risiken", "aufsicht", "rechtsgrundlagen",
        "folgenabschaetzungen", "einsparungen", "zeitleiste", "beschluesse", "partner", "meldungen",
    ]
    public static let update: [String] = ["inhalt", "bezuege"]
    public static let page: [String] = ["inhalt", "massnahmen"]

    /// The id of a resolution item's section on its motion page: `punkt-3`.
    public static func resolutionItem(_ id: Int) -> String { "punkt-\(id)" }
}
