/// What kind of personal data a measure processes.
public enum PersonalData: String, Vocabulary {
    case none
    case pseudonymised
    case personal
    case specialCategory = "special-category"

    public static let labelPrefix = "personalData"
}
