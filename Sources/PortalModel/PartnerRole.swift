/// How a partner works with the administration.
public enum PartnerRole: String, Vocabulary {
    case cooperation
    case contractor
    case advisory

    public static let labelPrefix = "partnerRole"
}
