/// What a body does with a paper in a consultation.
public enum ConsultationRole: String, Vocabulary {
    case preliminary
    case decision
    case information
    case hearing

    public static let labelPrefix = "role"
}
