import PortalDiagnostics
import PortalModel

/// A checked value from a content file, with the position it came from.
struct Value: Sendable {
    enum Kind: Sendable {
        case text(String)
        case date(LocalDate)
        case boolean(Bool)
        case integer(Int)
        case number(Double)
        case list([Value])
        case object(ObjectValue)
        /// A value that failed its check (already reported) or was empty.
        case invalid
    }

    var kind: Kind
    var location: SourceLocation

    var text: String? { if case .text(let value) = kind { value } else { nil } }
    var date: LocalDate? { if case .date(let value) = kind { value } else { nil } }
    var boolean: Bool? { if case .boolean(let value) = kind { value } else { nil } }
    var integer: Int? { if case .integer(let value) = kind { value } else { nil } }
    var list: [Value]? { if case .list(let value) = kind { value } else { nil } }
    var object: ObjectValue? { if case .object(let value) = kind { value } else { nil } }

    var number: Double? {
        switch kind {
        case .number(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }
}

/// A checked mapping: its values by key, and where it stands.
struct ObjectValue: Sendable {
    var values: [String: Value]
    var location: SourceLocation

    subscript(key: String) -> Value? { values[key] }

    func text(_ key: String) -> String? { values[key]?.text }
    func date(_ key: String) -> LocalDate? { values[key]?.date }
    func boolean(_ key: String) -> Bool? { values[key]?.boolean }
    func integer(_ key: String) -> Int? { values[key]?.integer }
    func number(_ key: String) -> Double? { values[key]?.number }
    func object(_ key: String) -> ObjectValue? { values[key]?.object }
    func list(_ key: String) -> [Value] { values[key]?.list ?? [] }
    func texts(_ key: String) -> [String] { list(key).compactMap(\.text) }
    func objects(_ key: String) -> [ObjectValue] { list(key).compactMap(\.object) }

    /// The position of a key's value, or of the mapping itself when the key is absent.
    func location(of key: String) -> SourceLocation { values[key]?.location ?? location }

    /// A vocabulary value, already checked against its allowed words.
    func vocabulary<V: Vocabulary>(_ key: String, as type: V.Type) -> V? {
        values[key]?.text.flatMap(V.init(rawValue:))
    }
}
