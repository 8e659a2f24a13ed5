/// The EU AI Act category of a measure (limited means transparency duties under Art. 50).
public enum RiskClass: String, Vocabulary {
    case prohibited
    case high
    case limited
    case minimal
    case notAi = "not-ai"
    case unassessed

    public static let labelPrefix = "riskClass"
}
