extension JSONNode {
    /// A key that appears a second time in the same object, with its first appearance.
    struct RepeatedKey: Sendable, Hashable {
        var first: Member
        var repeated: Member
    }

    /// Every key that repeats an earlier key of the same object, in the order of the text.
    ///
    /// JSON leaves open which of two equal keys counts, and readers differ (this one takes the first, see
    /// ``subscript(_:)``), so a repeated key is worth a warning. Keys compare as Swift strings do (canonically
    /// equivalent spellings are equal), as the subscript does. Walks without recursion.
    var repeatedKeys: [RepeatedKey] {
        var found: [RepeatedKey] = []
        var pending: [JSONNode] = [self]
        while let node = pending.popLast() {
            switch node.kind {
            case .object(let members):
                var firstByKey: [String: Member] = [:]
                for member in members {
                    if let first = firstByKey[member.key] {
                        found.append(RepeatedKey(first: first, repeated: member))
                    } else {
                        firstByKey[member.key] = member
                    }
                }
                pending += members.reversed().map(\.value)
            case .array(let values):
                pending += values.reversed()
            default:
                break
            }
        }
        return found
    }
}
