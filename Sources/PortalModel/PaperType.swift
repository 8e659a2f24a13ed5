/// The kind of a council paper (OParl Paper.paperType).
public enum PaperType: String, Vocabulary {
    case motion
    case inquiry
    case proposal
    case information
    case notice

    public static let labelPrefix = "paperType"
}
