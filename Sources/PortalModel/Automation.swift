/// How far a system decides on its own.
public enum Automation: String, Vocabulary {
    case assistive
    case decisionSupport = "decision-support"
    case partial
    case full

    public static let labelPrefix = "automation"
}
