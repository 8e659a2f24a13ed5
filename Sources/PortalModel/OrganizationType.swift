/// The OParl organisation type of a body.
public enum OrganizationType: String, Vocabulary {
    case gremium = "Gremium"
    case fraktion = "Fraktion"
    case verwaltungsbereich = "Verwaltungsbereich"
    case externesGremium = "externes Gremium"
    case sonstiges = "Sonstiges"

    public static let labelPrefix = "organizationType"
}
