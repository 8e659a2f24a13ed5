/// The phase a measure is in.
public enum MeasureStatus: String, Vocabulary {
    case idea
    case assessment
    case pilot
    case inUse = "in-use"
    case retired

    public static let labelPrefix = "status"
}
