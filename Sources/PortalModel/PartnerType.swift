/// The kind of a partner organisation.
public enum PartnerType: String, Vocabulary {
    case university
    case research
    case technologyProvider = "technology-provider"
    case itServiceProvider = "it-service-provider"
    case municipality
    case civilSociety = "civil-society"

    public static let labelPrefix = "partnerType"
}
