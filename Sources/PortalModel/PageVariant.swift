/// Whether a page is in standard language or Leichte Sprache.
public enum PageVariant: String, Vocabulary {
    case standard
    case easyLanguage = "easy-language"

    public static let labelPrefix = "variant"
}
