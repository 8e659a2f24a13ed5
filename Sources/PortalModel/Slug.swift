/// Turns names, references and file names into clean, German-aware URL segments.
public enum Slug {
    /// A lowercase ASCII slug: umlauts spelt out (ä → ae, ß → ss), every other run of non-alphanumerics one '-'.
    ///
    /// `AT/0047/2025` → `at-0047-2025`, `Bürgerservice Chatbot` → `buergerservice-chatbot`.
    public static func make(from text: String) -> String {
        var result = ""
        var pendingDash = false
        for character in text.lowercased() {
            let replacement: String?
            switch character {
            case "ä": replacement = "ae"
            case "ö": replacement = "oe"
            case "ü": replacement = "ue"
            case "ß", "ẞ": replacement = "ss"
            case "à", "á", "â", "ã", "å": replacement = "a"
            case "è", "é", "ê", "ë": replacement = "e"
            case "ì", "í", "î", "ï": replacement = "i"
            case "ò", "ó", "ô", "õ", "ø": replacement = "o"
            case "ù", "ú", "û": replacement = "u"
            case "ç": replacement = "c"
            case "ñ": replacement = "n"
            default:
                if character.isASCII, character.isLetter || character.isNumber {
                    replacement = String(character)
                } else {
                    replacement = nil
                }
            }
            if let replacement {
                if pendingDash, !result.isEmpty { result += "-" }
                pendingDash = false
                result += replacement
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// Whether `text` is already a clean slug (so it can be used as an id as written).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(from: text) == text
    }
}
