/// How far a resolution item has been carried out.
public enum ItemStatus: String, Vocabulary {
    case open
    case inProgress = "in-progress"
    case partiallyDone = "partially-done"
    case done
    case deferred
    case dropped

    public static let labelPrefix = "itemStatus"
}
