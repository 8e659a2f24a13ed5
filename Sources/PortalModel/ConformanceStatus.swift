/// How far the site conforms to BITV 2.0 / WCAG 2.1 AA, as the EU model accessibility statement says it.
public enum ConformanceStatus: String, Vocabulary {
    case full
    case partial
    case none

    public static let labelPrefix = "conformance"
}
