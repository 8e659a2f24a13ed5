/// Why a template could not be compiled, and where: the line and column (both from 1) where reading stopped.
struct TemplateParseError: Error, Sendable, Equatable {
    /// What is wrong.
    enum Kind: Error, Sendable, Equatable {
        case sectionCloseNameIncorrect
        case unfinishedName
        case expectedSectionEnd
        case invalidSetDelimiter
        case transformAppliedToInheritanceSection
        case illegalTokenInsideInheritSection
        case invalidConfigVariableSyntax
        case unrecognisedConfigVariable
        case unfinishedComment
        case nestedTooDeep
    }

    let kind: Kind
    let line: Int
    let column: Int

    /// What the author reads: what is wrong, in words a template author knows.
    var description: String {
        switch kind {
        case .sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
        case .unfinishedName: "a tag is not closed with }}"
        case .expectedSectionEnd: "a section is opened but never closed"
        case .invalidSetDelimiter: "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: "an inheritance section contains a tag that is not a block"
        case .invalidConfigVariableSyntax: "a configuration tag is malformed"
        case .unrecognisedConfigVariable: "a configuration tag is unknown (only CONTENT_TYPE:HTML and CONTENT_TYPE:TEXT exist)"
        case .unfinishedComment: "a comment is not closed with }}"
        case .nestedTooDeep: "sections are nested more than \(TemplateParser.maximumDepth) levels deep"
        }
    }
}
