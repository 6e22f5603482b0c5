/// A value that one scalar of a descriptor can hold.
///
/// Reading is lenient: a scalar of the wrong kind gives nil, because validation has already
/// reported it with its location.
public protocol ScalarDecodable: Sendable {
    /// The value `scalar` holds, or nil.
    init?(scalar: Scalar)
}

extension String: ScalarDecodable {
    public init?(scalar: Scalar) {
        guard case .string(let text) = scalar.value else { return nil }
        self = text
    }
}

extension Int: ScalarDecodable {
    public init?(scalar: Scalar) {
        guard case .integer(let value) = scalar.value else { return nil }
        self = value
    }
}

extension Bool: ScalarDecodable {
    public init?(scalar: Scalar) {
        guard case .bool(let value) = scalar.value else { return nil }
        self = value
    }
}

extension ISODate: ScalarDecodable {
    public init?(scalar: Scalar) {
        guard case .string(let text) = scalar.value else { return nil }
        self.init(text)
    }
}

extension ISODuration: ScalarDecodable {
    public init?(scalar: Scalar) {
        guard case .string(let text) = scalar.value else { return nil }
        self.init(text)
    }
}

extension EnvironmentTemplate: ScalarDecodable {
    public init?(scalar: Scalar) {
        guard case .string(let text) = scalar.value, let template = try? EnvironmentTemplate(parsing: text) else {
            return nil
        }
        self = template
    }
}

extension DescriptorChoice {
    public init?(scalar: Scalar) {
        guard case .string(let text) = scalar.value else { return nil }
        self.init(rawValue: text)
    }
}

/// A part of a descriptor read from a mapping node.
protocol NodeDecodable {
    /// The part `node`, found at `path`, describes, or nil when the node is not a mapping or
    /// lacks a required field.
    init?(node: LocatedNode, path: NodePath)
}

extension LocatedNode {
    /// The value of `key`, with its location, if the key is there and holds a `T`.
    func value<T: ScalarDecodable>(_ key: String, as type: T.Type = T.self) -> Located<T>? {
        guard let node = self[key], let scalar = node.scalar, let value = T(scalar: scalar) else { return nil }
        return Located(value, at: node.location)
    }

    /// The elements of the list at `key` that hold a `T`, each with its location.
    func values<T: ScalarDecodable>(_ key: String, as type: T.Type = T.self) -> [Located<T>] {
        (self[key]?.sequence ?? []).compactMap { element in
            guard let scalar = element.scalar, let value = T(scalar: scalar) else { return nil }
            return Located(value, at: element.location)
        }
    }

    /// The part described by the mapping at `key`, this node being at `path`.
    func object<T: NodeDecodable>(_ key: String, at path: NodePath, as type: T.Type = T.self) -> T? {
        self[key].flatMap { T(node: $0, path: path.appending(key)) }
    }

    /// The parts described by the mappings of the list at `key`, this node being at `path`.
    func objects<T: NodeDecodable>(_ key: String, at path: NodePath, as type: T.Type = T.self) -> [T] {
        let listPath = path.appending(key)
        return (self[key]?.sequence ?? []).enumerated().compactMap { index, element in
            T(node: element, path: listPath.appending(index))
        }
    }
}
