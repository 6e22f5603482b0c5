import CadreModel

/// The collections of each part of a descriptor, as ``SystemTree`` walks it: the fields the format
/// declares as lists (`data`, `purposes`, `subjects`, `uses`…) or as mappings of free keys (a
/// table's `columns`), which rules read as empty read-only tables when a descriptor leaves them
/// out — so `for _, item in ipairs(system.data)` needs no `or {}`.
///
/// A tree that follows the format (``DescriptorSchema``): a mapping's parts are found by key, a
/// list's by its element.
final class DescriptorCollections: Sendable {
    /// The keys of this part's collections, in the format's order (a mapping with declared fields).
    let keys: [String]
    /// The shape of each field that holds parts (a mapping with declared fields).
    private let fields: [String: DescriptorCollections]
    /// The part each element is (a list, or a mapping of free keys).
    let element: DescriptorCollections?

    /// A descriptor's root.
    static let system = DescriptorCollections(DescriptorSchema.system)

    private init(_ object: ObjectShape) {
        keys = object.fields.filter(\.shape.isCollection).map(\.key)
        var fields: [String: DescriptorCollections] = [:]
        for field in object.fields {
            if let part = Self.part(field.shape) { fields[field.key] = part }
        }
        self.fields = fields
        element = nil
    }

    private init(element: DescriptorCollections) {
        keys = []
        fields = [:]
        self.element = element
    }

    /// The part a value of `shape` is, when it holds collections somewhere below; nil otherwise.
    private static func part(_ shape: ValueShape) -> DescriptorCollections? {
        switch shape {
        case .object(let object):
            let part = DescriptorCollections(object)
            return part.keys.isEmpty && part.fields.isEmpty ? nil : part
        case .list(let inner), .dictionary(_, let inner):
            return part(inner).map { DescriptorCollections(element: $0) }
        default:
            return nil
        }
    }

    /// The part the value at `key` of this mapping is.
    func part(at key: String) -> DescriptorCollections? {
        element ?? fields[key]
    }

    /// The collections of this part that `entries` leave out, or give no value (`data: ~`).
    func absent(from entries: [LocatedNode.Entry]) -> [String] {
        keys.filter { key in
            guard let entry = entries.first(where: { $0.key == key }) else { return true }
            if case .null? = entry.value.scalar?.value { return true }
            return false
        }
    }
}

extension ValueShape {
    /// A list, or a mapping of free keys: a collection a rule iterates.
    var isCollection: Bool {
        switch self {
        case .list, .dictionary: true
        default: false
        }
    }
}
