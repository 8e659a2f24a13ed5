/// The kind of a council body.
public enum BodyClassification: String, Vocabulary {
    case council
    case committee
    case advisoryBoard = "advisory-board"
    case districtCouncil = "district-council"
    case faction
    /// A unit or working group of the administration (OParl organizationType Verwaltungsbereich).
    case administration
    case other

    public static let labelPrefix = "classification"
}
