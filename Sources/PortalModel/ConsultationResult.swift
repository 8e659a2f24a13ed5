/// The outcome of a consultation.
public enum ConsultationResult: String, Vocabulary {
    case pending
    case adopted
    case adoptedAmended = "adopted-amended"
    case rejected
    case noted
    case referred
    case postponed
    case withdrawn

    public static let labelPrefix = "result"
}
