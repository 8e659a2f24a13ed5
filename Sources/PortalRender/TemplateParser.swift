/// Compiles Mustache template text into nodes: variables, sections, inverted sections, comments, partials,
/// inheritance (`{{< parent}}` with `{{$ block}}`), set delimiters, `{{%CONTENT_TYPE:…}}` and transforms such as
/// `{{^empty(list)}}`.
///
/// Whitespace follows swift-mustache 2.1.1, the engine the default theme was written for, rule for rule
/// (standalone tags, indented partials, block indentation), so a theme renders to the same bytes with both;
/// `TemplateEngineTests` renders every case with both engines and compares.
struct TemplateParser {
    /// What the parser knows at one level of nesting.
    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        /// Inside `{{< parent}}…{{/parent}}`.
        var inPartialDefinition = false
        /// Directly inside `{{< parent}}…{{/parent}}`, where `{{$ block}}` defines an override.
        var atPartialDefinitionTop = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        var partialDefinitionIndent: [Character]?
        /// How many sections, blocks and parents enclose this level.
        var depth = 0

        func inSection(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.depth += 1
            state.sectionName = name
            state.sectionTransforms = transforms
            state.atPartialDefinitionTop = false
            if !newLine { state.newLine = false }
            return state
        }

        func inPartialDefinition(_ name: String) -> State {
            var state = self
            state.depth += 1
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.inPartialDefinition = true
            state.atPartialDefinitionTop = true
            return state
        }
    }

    private let characters: [Character]
    private var position = 0

    private init(_ text: String) {
        characters = Array(text)
    }

    /// The nodes of `text`; throws a `TemplateParseError` with the line and column where reading stopped.
    static func parse(_ text: String) throws(TemplateParseError) -> [TemplateNode] {
        var parser = TemplateParser(text)
        do {
            return try parser.parseNodes(State())
        } catch {
            throw TemplateParseError(kind: error, line: parser.line, column: parser.column)
        }
    }

    // MARK: - Reading

    private var atEnd: Bool { position == characters.count }

    /// The current character, or NUL at the end.
    private var current: Character { atEnd ? "\0" : characters[position] }

    @discardableResult
    private mutating func read(while include: (Character) -> Bool) -> ArraySlice<Character> {
        let start = position
        while !atEnd, include(characters[position]) { position += 1 }
        return characters[start..<position]
    }

    /// Reads `expected` when it comes next, else stays where it is.
    private mutating func read(_ expected: [Character]) -> Bool {
        guard characters.count - position >= expected.count,
              characters[position..<position + expected.count].elementsEqual(expected) else { return false }
        position += expected.count
        return true
    }

    private static func isSpaceOrTab(_ character: Character) -> Bool { character == " " || character == "\t" }

    // MARK: - Parsing

    /// Sections, blocks and parents nested deeper than this are refused (no theme needs it, and it bounds the
    /// recursion of parsing and rendering).
    static let maximumDepth = 64

    private mutating func parseNodes(_ initial: State) throws(TemplateParseError.Kind) -> [TemplateNode] {
        guard initial.depth <= Self.maximumDepth else { throw .nestedTooDeep }
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespaceBefore: ArraySlice<Character> = []
        func text(_ characters: some Sequence<Character>) -> TemplateNode { .text(Array(String(characters).utf8)) }
        func flushWhitespace() {
            if !whitespaceBefore.isEmpty {
                nodes.append(text(whitespaceBefore))
                whitespaceBefore = []
            }
        }
        while !atEnd {
            if state.newLine {
                let whitespace = read(while: Self.isSpaceOrTab)
                if state.inPartialDefinition, !state.atPartialDefinitionTop {
                    // Lines of a block override lose the indentation of the block's first line.
                    if let indent = state.partialDefinitionIndent {
                        whitespaceBefore = whitespace.dropFirst(indent.count)
                    } else {
                        state.partialDefinitionIndent = Array(whitespace)
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let textBefore = readUntilTagOrLineBreak(state)
            if current.isNewline {
                nodes.append(text(whitespaceBefore + textBefore + [current]))
                state.newLine = true
                position += 1
                continue
            }
            if !textBefore.isEmpty {
                nodes.append(text(whitespaceBefore + textBefore))
                whitespaceBefore = []
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let (name, transforms) = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhitespace()
                }
                let body = try parseNodes(state.inSection(name, newLine: setNewLine, transforms: transforms))
                nodes.append(.section(TemplateReference(name: name, transforms: transforms), inverted: inverted, body: body))

            case "/":
                position += 1
                let start = position
                let (name, transforms) = try parseName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    position = start
                    throw .sectionCloseNameIncorrect
                }
                if !isStandalone(state) { flushWhitespace() }
                return nodes

            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)

            case "{", "&":
                flushWhitespace()
                let tripleMustache = current == "{"
                position += 1
                let (name, transforms) = try parseName(state)
                if tripleMustache {
                    guard read(["}"]) else { throw .unfinishedName }
                }
                nodes.append(.variable(TemplateReference(name: name, transforms: transforms), escaped: false))

            case ">":
                position += 1
                read(while: \.isWhitespace)
                var dynamic = false
                if current == "*" {
                    position += 1
                    dynamic = true
                }
                let name = try parsePartialName(state)
                if !whitespaceBefore.isEmpty { nodes.append(text(whitespaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name: name, dynamic: dynamic, indentation: Array(String(whitespaceBefore).utf8), blocks: nil))
                } else {
                    nodes.append(.partial(name: name, dynamic: dynamic, indentation: nil, blocks: nil))
                }
                whitespaceBefore = []

            case "<":
                position += 1
                read(while: \.isWhitespace)
                let sectionName = try parsePartialName(state)
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                if !whitespaceBefore.isEmpty { nodes.append(text(whitespaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                let body = try parseNodes(state.inPartialDefinition(sectionName))
                var blocks: [String: [TemplateNode]] = [:]
                for node in body {
                    switch node {
                    case .blockDefinition(let name, let body): blocks[name] = body
                    case .text: break
                    default: throw .illegalTokenInsideInheritSection
                    }
                }
                nodes.append(.partial(name: name, dynamic: dynamic, indentation: Array(String(whitespaceBefore).utf8), blocks: blocks))
                whitespaceBefore = []

            case "$":
                position += 1
                let (name, transforms) = try parseName(state)
                guard transforms.isEmpty else { throw .transformAppliedToInheritanceSection }
                if state.atPartialDefinitionTop {
                    if isStandalone(state) { setNewLine = true }
                    let body = try parseNodes(state.inSection(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name: name, body: body))
                } else {
                    if !whitespaceBefore.isEmpty { nodes.append(text(whitespaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parseNodes(state.inSection(name, newLine: setNewLine))
                    nodes.append(.block(name: name, body: body, indentation: Array(String(whitespaceBefore).utf8)))
                    whitespaceBefore = []
                }

            case "=":
                position += 1
                state = try parseSetDelimiter(state)
                setNewLine = isStandalone(state)

            case "%":
                position += 1
                nodes.append(try parseConfiguration(state))
                setNewLine = isStandalone(state)

            default:
                flushWhitespace()
                let (name, transforms) = try parseName(state)
                nodes.append(.variable(TemplateReference(name: name, transforms: transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw .expectedSectionEnd }
        return nodes
    }

    /// Reads text up to a line break (left unread) or up to and including the next opening delimiter.
    private mutating func readUntilTagOrLineBreak(_ state: State) -> [Character] {
        guard let delimiterStart = state.startDelimiter.first else { return [] }
        var text: [Character] = []
        while !atEnd {
            text += read { $0 != "\n" && $0 != "\r\n" && $0 != delimiterStart }
            if current.isNewline { break }
            if current == delimiterStart {
                if read(state.startDelimiter) { break }
                text.append(delimiterStart)
                position += 1
            }
        }
        return text
    }

    /// Whether a tag that began a line ends it too; if so, the rest of the line and its break are consumed.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var lookahead = position
        while lookahead < characters.count, Self.isSpaceOrTab(characters[lookahead]) { lookahead += 1 }
        guard lookahead < characters.count, characters[lookahead].isNewline else { return false }
        position = lookahead + 1
        return true
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameCharactersWithParentheses = nameCharacters.union("()")
    private static let partialNameCharacters = nameCharactersWithParentheses.union("/")

    /// Reads a tag's name up to and including the closing delimiter: the name and its transforms (outermost first).
    private mutating func parseName(_ state: State) throws(TemplateParseError.Kind) -> (String, [String]) {
        read(while: \.isWhitespace)
        let written = Array(read { Self.nameCharactersWithParentheses.contains($0) })
        read(while: \.isWhitespace)
        guard read(state.endDelimiter) else { throw .unfinishedName }
        guard let open = written.firstIndex(of: "(") else {
            guard !written.contains(")") else { throw .unfinishedName }
            return (String(written), [])
        }
        // `a(b(name))`: every name before an opening parenthesis is a transform.
        var transforms: [String] = []
        var rest = written[...]
        var next = open
        while true {
            transforms.append(String(rest[rest.startIndex..<next]))
            rest = rest[(next + 1)...]
            let name = rest.prefix { Self.nameCharacters.contains($0) }
            let after = rest.dropFirst(name.count)
            switch after.first {
            case "(":
                next = after.startIndex
            case ")":
                let closing = after.prefix { $0 == ")" }
                guard closing.count == transforms.count, closing.count == after.count else { throw .unfinishedName }
                return (String(name), transforms)
            default:
                throw .unfinishedName
            }
        }
    }

    private mutating func parsePartialName(_ state: State) throws(TemplateParseError.Kind) -> String {
        read(while: \.isWhitespace)
        let name = String(read { Self.partialNameCharacters.contains($0) })
        read(while: \.isWhitespace)
        guard read(state.endDelimiter) else { throw .unfinishedName }
        return name
    }

    /// Skips a comment up to and including the closing delimiter.
    private mutating func skipComment(_ state: State) throws(TemplateParseError.Kind) {
        let end = state.endDelimiter
        let start = position
        var matched = 0
        while !atEnd {
            if characters[position] == end[matched] {
                matched += 1
                if matched == end.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        position = start
        throw .unfinishedComment
    }

    private mutating func parseSetDelimiter(_ state: State) throws(TemplateParseError.Kind) -> State {
        read(while: \.isWhitespace)
        let start = Array(read { !$0.isWhitespace })
        guard !atEnd else { throw .invalidSetDelimiter }
        read(while: \.isWhitespace)
        let end = Array(read { $0 != "=" && !$0.isWhitespace })
        guard !atEnd else { throw .invalidSetDelimiter }
        read(while: \.isWhitespace)
        guard read(["="]), read(state.endDelimiter), !start.isEmpty, !end.isEmpty else {
            throw .invalidSetDelimiter
        }
        var state = state
        state.startDelimiter = start
        state.endDelimiter = end
        state.atPartialDefinitionTop = false
        return state
    }

    private mutating func parseConfiguration(_ state: State) throws(TemplateParseError.Kind) -> TemplateNode {
        read(while: \.isWhitespace)
        let variable = String(read { Self.nameCharacters.contains($0) })
        read(while: \.isWhitespace)
        guard read([":"]) else { throw .invalidConfigVariableSyntax }
        read(while: \.isWhitespace)
        let value = String(read { Self.nameCharacters.contains($0) })
        read(while: \.isWhitespace)
        guard read(state.endDelimiter), !variable.isEmpty, !value.isEmpty else { throw .invalidConfigVariableSyntax }
        guard variable == "CONTENT_TYPE" else { throw .unrecognisedConfigVariable }
        switch value {
        case "HTML": return .contentType(escapes: true)
        case "TEXT": return .contentType(escapes: false)
        default: throw .unrecognisedConfigVariable
        }
    }

    // MARK: - Position

    /// The line of the reading position, from 1.
    private var line: Int {
        characters[..<position].count { $0.isNewline } + 1
    }

    /// The column of the reading position, from 1.
    private var column: Int {
        var start = position
        while start > 0, characters[start - 1] != "\n" { start -= 1 }
        return position - start + 1
    }
}
