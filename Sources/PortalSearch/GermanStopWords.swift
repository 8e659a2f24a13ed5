/// German function words that are neither indexed nor searched for.
///
/// The list follows Snowball's German stop list (without "weg", a noun in compounds like Radweg) plus a few
/// forms of "werden" and abbreviations common in administrative text. Words are compared in the stem alphabet,
/// so "für"/"fuer" and "daß"/"dass" both match. The same list is in `templates/static/js/search/analysis.js`;
/// `Tests/Fixtures/search/analysis-cases.json` pins it for both.
enum GermanStopWords {
    /// The stop words as written.
    static let words: [String] = """
        aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm \
        andern anders auch auf aus bei bin bis bist bzw da damit dann das dass daß dein deine deinem deinen \
        deiner deines dem demselben den denn denselben der derer derselbe derselben des desselben dessen dich \
        die dies diese diesem diesen dieser dieses dieselbe dieselben dasselbe dir doch dort du durch ein eine \
        einem einen einer eines einig einige einigem einigen einiger einiges einmal er es etwas euch euer eure \
        eurem euren eurer eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn \
        ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen \
        jener jenes jetzt kann kein keine keinem keinen keiner keines können könnte machen man manche manchem \
        manchen mancher manches mein meine meinem meinen meiner meines mich mir mit muss musste müssen nach \
        nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie sind \
        so solche solchem solchen solcher solches soll sollte sondern sonst sowie über um und uns unser unsere \
        unserem unseren unseres unter usw viel vom von vor während war waren warst was weil weiter welche \
        welchem welchen welcher welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte \
        worden würde würden wurde wurden zu zum zur zwar zwischen
        """.split(separator: " ").map(String.init)

    /// The stop words in the stem alphabet.
    private static let stemAlphabetForms: Set<String> = Set(words.map(GermanStemmer.stemAlphabet))

    /// Whether a word, given in the stem alphabet, is a stop word.
    static func contains(stemAlphabetForm: String) -> Bool {
        stemAlphabetForms.contains(stemAlphabetForm)
    }
}
