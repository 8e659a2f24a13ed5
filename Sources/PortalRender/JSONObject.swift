/// Builds a JSON object member by member, in the order the members are set; nil values are left out.
struct JSONObject: Sendable {
    private(set) var members: [JSONValue.Member] = []

    subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            members.removeAll { $0.key == key }
            if let newValue { members.append(JSONValue.Member(key: key, value: newValue)) }
        }
    }

    /// Sets a text member; nil leaves it out.
    subscript(text key: String) -> String? {
        get { nil }
        set { self[key] = newValue.map(JSONValue.string) }
    }

    var value: JSONValue { .object(members) }
}
