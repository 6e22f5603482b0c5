/// A value read from a descriptor, with the place it was written.
///
/// Every scalar field of the typed model is `Located`, so validation and rules can point at the
/// exact line of a value; properties of the value are reachable directly
/// (`purpose.legalBasis?.summary`).
@dynamicMemberLookup
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a located value.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// A property of the value.
    public subscript<Property>(dynamicMember keyPath: KeyPath<Value, Property>) -> Property {
        value[keyPath: keyPath]
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

extension Located: CustomStringConvertible {
    /// The value's description.
    public var description: String { String(describing: value) }
}
