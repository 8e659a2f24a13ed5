/// The kind of a council body.
public enum BodyClassification: String, Vocabulary {
    case council
    case committee
    case advisoryBoard = "advisory-board"
    case districtCouncil = "district-council"
    case faction

    public static let labelPrefix = "classification"
}
