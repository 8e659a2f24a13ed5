/// Where a system runs.
public enum Hosting: String, Vocabulary {
    case onPremises = "on-premises"
    case municipalProvider = "municipal-provider"
    case euCloud = "eu-cloud"
    case thirdCountry = "third-country"

    public static let labelPrefix = "hosting"
}
