/// Prose written in Markdown, checked by the content stage and kept as Markdown until a page needs it.
///
/// A site holds no rendered HTML or plain text: for 10,000 articles that took more memory than everything else
/// in the model together (measured). The content stage checks the Markdown, records what rendering needs
/// (where links to content files go, which heading ids are taken, the headings, the start of the plain text),
/// and the render stage turns it into HTML or plain text when a page or file needs it (`RichText+Rendering` in
/// PortalMarkdown), with the same parser, so the result is the same on every call.
public struct RichText: Sendable, Hashable, Codable {
    /// The Markdown as the author wrote it.
    public internal(set) var markdown: String
    /// Where the text's links to content files point: each destination as written (and as the Markdown parser
    /// decoded it) → the page URL to publish. Destinations not listed are published as written.
    public var linkTargets: [String: String]
    /// Ids the page template uses for its own sections, which headings must not take.
    public var reservedHeadingIDs: [String]
    /// Whether a text of one paragraph renders without its `<p>` (Markdown inside a YAML value).
    public var isInline: Bool
    /// The headings, for tables of contents and anchors.
    public var headings: [Heading]
    /// The start of the plain text: all of it, or the part with at least ``leadLength`` characters once white
    /// space is collapsed — enough for every excerpt and description a page shows.
    public var leadText: String
    /// Whether the author wrote nothing but white space.
    public internal(set) var isEmpty: Bool

    /// How many characters (white-space runs counted once) ``leadText`` keeps at least when it is cut.
    public static let leadLength = 400

    /// Creates prose; the content stage fills in links, headings and the lead once it has checked the Markdown.
    public init(
        markdown: String, linkTargets: [String: String] = [:], reservedHeadingIDs: [String] = [], isInline: Bool = false,
        headings: [Heading] = [], leadText: String? = nil
    ) {
        self.markdown = markdown
        self.linkTargets = linkTargets
        self.reservedHeadingIDs = reservedHeadingIDs
        self.isInline = isInline
        self.headings = headings
        self.leadText = leadText ?? markdown
        isEmpty = markdown.allSatisfy(\.isWhitespace)
    }

    /// The same prose with another Markdown text (whose links, headings and lead the caller knows to be these).
    public func replacingMarkdown(_ markdown: String) -> RichText {
        var copy = self
        copy.markdown = markdown
        copy.isEmpty = markdown.allSatisfy(\.isWhitespace)
        return copy
    }

    /// The same prose without its Markdown, for storing: everything else, `isEmpty` included, stays as it is
    /// (`replacingMarkdown` puts the text back).
    public func withoutMarkdown() -> RichText {
        var copy = self
        copy.markdown = ""
        return copy
    }

    /// Empty prose.
    public static let empty = RichText(markdown: "")

    /// The start of `plainText` that ``leadText`` keeps: the whole text when it is short, else the shortest prefix
    /// holding more than ``leadLength`` characters with every run of white space counted as one.
    public static func lead(of plainText: String) -> String {
        // Counted by scalars while each scalar is a character of its own (the Latin letters below U+0300, the
        // punctuation and currency signs German text uses), which spares finding character boundaries: 1.5 % of
        // a 10,000-article build's processor time. Anything else is counted by characters from the start.
        let scalars = plainText.unicodeScalars
        var counted = 0
        var inWhitespace = false
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard isOwnCharacter(scalar) else { return leadByCharacters(of: plainText) }
            let isWhitespace = isOwnWhitespace(scalar)
            if !isWhitespace || !inWhitespace { counted += 1 }
            inWhitespace = isWhitespace
            let next = scalars.index(after: index)
            if counted > leadLength, !isWhitespace {
                if next < scalars.endIndex, !isOwnCharacter(scalars[next]) { return leadByCharacters(of: plainText) }
                return String(plainText[..<next])
            }
            index = next
        }
        return plainText
    }

    /// Whether a scalar forms a character by itself whatever surrounds it (apart from CR LF, white space either
    /// way): Unicode gives it the grapheme break property Other or Control, and no scalar in these ranges extends
    /// another.
    private static func isOwnCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205F, 0x20A0...0x20C0: true
        default: false
        }
    }

    /// Whether a scalar that ``isOwnCharacter(_:)`` is white space as `Character.isWhitespace` sees it (Unicode's
    /// White_Space property, of which these ranges hold only these).
    private static func isOwnWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x205F: true
        default: false
        }
    }

    /// ``lead(of:)`` counted character by character.
    static func leadByCharacters(of plainText: String) -> String {
        var counted = 0
        var inWhitespace = false
        for index in plainText.indices {
            let isWhitespace = plainText[index].isWhitespace
            if !isWhitespace || !inWhitespace { counted += 1 }
            inWhitespace = isWhitespace
            if counted > leadLength, !isWhitespace {
                return String(plainText[...index])
            }
        }
        return plainText
    }

    public struct Heading: Sendable, Hashable, Codable {
        public var level: Int
        public var text: String
        public var id: String

        public init(level: Int, text: String, id: String) {
            self.level = level
            self.text = text
            self.id = id
        }
    }
}
