/// Where a node sits in a document: the keys and indexes that lead to it from the root.
///
/// `description` reads like an expression, `purposes[1].legal_basis`; `jsonPointer` is the
/// RFC 6901 form, `/purposes/1/legal_basis`, for tools that want one.
public struct NodePath: Sendable, Hashable, Codable, CustomStringConvertible,
    ExpressibleByArrayLiteral
{
    /// One step: a mapping key or a sequence index (0-based).
    public enum Component: Sendable, Hashable, Codable, CustomStringConvertible {
        case key(String)
        case index(Int)

        public var description: String {
            switch self {
            case .key(let key): key
            case .index(let index): "[\(index)]"
            }
        }
    }

    /// The steps from the root.
    public var components: [Component]

    /// Creates a path from its steps.
    public init(_ components: [Component] = []) { self.components = components }

    public init(arrayLiteral elements: Component...) { self.components = elements }

    /// The root of a document.
    public static let root = NodePath()

    /// This path followed by the key `key`.
    public func appending(_ key: String) -> NodePath { appending(step: .key(key)) }

    /// This path followed by the index `index`.
    public func appending(_ index: Int) -> NodePath { appending(step: .index(index)) }

    /// This path followed by `step` (one array built, not two).
    private func appending(step: Component) -> NodePath {
        var steps: [Component] = []
        steps.reserveCapacity(components.count + 1)
        steps.append(contentsOf: components)
        steps.append(step)
        return NodePath(steps)
    }

    /// The last mapping key on the path, if any (`legal_basis` in `purposes[1].legal_basis`).
    public var lastKey: String? {
        for component in components.reversed() { if case .key(let key) = component { return key } }
        return nil
    }

    /// `purposes[1].legal_basis`; keys that are not plain words are quoted: `columns["e-mail"]`.
    public var description: String {
        if components.isEmpty { return "(root)" }
        var text = ""
        for component in components {
            switch component {
            case .index(let index): text += "[\(index)]"
            case .key(let key):
                if key.isPlainPathWord {
                    text += text.isEmpty ? key : ".\(key)"
                } else {
                    text += "[\"\(key.replacingOccurrences(of: "\"", with: "\\\""))\"]"
                }
            }
        }
        return text
    }

    /// RFC 6901 JSON Pointer: `/purposes/1/legal_basis` (the root is the empty string).
    public var jsonPointer: String {
        components.map { component -> String in
            switch component {
            case .index(let index): "/\(index)"
            case .key(let key):
                "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            }
        }.joined()
    }
}

extension String {
    /// Letters, digits, `_` and `-`, not starting with a digit: printed bare in a ``NodePath``.
    var isPlainPathWord: Bool {
        guard let first = unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "-"
        }
    }
}
