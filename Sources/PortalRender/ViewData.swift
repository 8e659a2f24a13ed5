/// The data a template sees: an object of named values (text, flags, numbers, lists, nested objects).
///
/// Page builders fill it with everything already formatted, sorted and labelled, so templates need no logic.
/// `TemplateRenderer` looks values up by key, and a key that was set to `nil` renders as empty instead of
/// falling back to a value of the same name further up the context stack.
struct ViewData: Sendable {
    /// One value in the view.
    enum Value: Sendable {
        case text(String)
        case flag(Bool)
        case number(Int)
        case list([ViewData])
        /// A list whose items are made one at a time while it is rendered, for lists of thousands (the measures
        /// register, the A–Z index, the timeline): their views never exist all at once.
        case items(ItemList)
        case texts([String])
        case object(ViewData)
        /// Deliberately empty: sections skip it, inverted sections show, and lookups stop here.
        case null
    }

    private(set) var values: [String: Value]

    /// An empty view with room for eight values: links and list items hold a handful, which an empty dictionary
    /// reached through two or three reallocations, rehashing each time.
    init() {
        values = Dictionary(minimumCapacity: 8)
    }

    /// An empty view with room for `capacity` values.
    init(capacity: Int) {
        values = Dictionary(minimumCapacity: capacity)
    }

    /// Makes room for `count` values in all, so that adding them does not reallocate on the way.
    mutating func reserveCapacity(_ count: Int) {
        values.reserveCapacity(count)
    }

    init(_ values: [String: Value]) {
        self.values = values
    }

    /// Text; empty text and `nil` are stored as null so `{{#key}}` sections skip them.
    subscript(key: String) -> String? {
        get {
            if case .text(let text) = values[key] { return text }
            return nil
        }
        set { values[key] = newValue.flatMap { $0.isEmpty ? nil : .text($0) } ?? .null }
    }

    /// A flag for `{{#key}}…{{/key}}` and `{{^key}}…{{/key}}`.
    subscript(flag key: String) -> Bool {
        get {
            if case .flag(let flag) = values[key] { return flag }
            return false
        }
        set { values[key] = .flag(newValue) }
    }

    /// A count or number.
    subscript(number key: String) -> Int? {
        get {
            if case .number(let number) = values[key] { return number }
            return nil
        }
        set { values[key] = newValue.map(Value.number) ?? .null }
    }

    /// A list of objects; an empty list renders `{{^key}}` sections. Reading a list of items made on demand
    /// makes them all.
    subscript(list key: String) -> [ViewData] {
        get {
            switch values[key] {
            case .list(let list): return list
            case .items(let items): return items.all
            default: return []
            }
        }
        set { values[key] = .list(newValue) }
    }

    /// A list of `count` objects made by `item` when the template reaches them; renders like `list`.
    mutating func setItems(_ key: String, count: Int, item: @escaping @Sendable (Int) -> ViewData) {
        values[key] = .items(ItemList(count: count, item: item))
    }

    /// A list of objects made on demand: how many, and how to make the one at a position.
    struct ItemList: Sendable {
        let count: Int
        let item: @Sendable (Int) -> ViewData

        /// Every item, made now.
        var all: [ViewData] { (0..<count).map(item) }

        /// The same items in reverse order.
        var reversed: ItemList {
            let count = count, item = item
            return ItemList(count: count) { item(count - 1 - $0) }
        }
    }

    /// A list of texts, rendered with `{{#key}}{{.}}{{/key}}`.
    subscript(texts key: String) -> [String] {
        get {
            if case .texts(let texts) = values[key] { return texts }
            return []
        }
        set { values[key] = .texts(newValue) }
    }

    /// A nested object, or null.
    subscript(object key: String) -> ViewData? {
        get {
            if case .object(let object) = values[key] { return object }
            return nil
        }
        set { values[key] = newValue.map(Value.object) ?? .null }
    }
}
