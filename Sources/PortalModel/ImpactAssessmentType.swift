/// The kind of an impact assessment (DSFA, fundamental-rights assessment…).
public enum ImpactAssessmentType: String, Vocabulary {
    case dpia
    case fria
    case threshold
    case other

    public static let labelPrefix = "impactAssessment"
}
