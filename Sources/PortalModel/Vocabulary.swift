/// A closed list of allowed words for a field, such as a measure's `status`.
///
/// Keys and values are stable English identifiers; readers see the label from the theme's translation file,
/// looked up as `<labelPrefix>.<value>`.
public protocol Vocabulary: RawRepresentable, CaseIterable, Sendable, Hashable, Codable where RawValue == String {
    /// The prefix of this vocabulary's labels in the translation files, such as `status`.
    static var labelPrefix: String { get }
}

extension Vocabulary {
    /// Every allowed value, in declaration order.
    public static var allowedValues: [String] { allCases.map(\.rawValue) }

    /// The key of this value's label in the translation files.
    public var labelKey: String { "\(Self.labelPrefix).\(rawValue)" }
}
