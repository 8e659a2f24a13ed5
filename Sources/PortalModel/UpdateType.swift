/// The kind of an update.
public enum UpdateType: String, Vocabulary {
    case news
    case decision
    case milestone
    case event
    case evaluation

    public static let labelPrefix = "updateType"
}
