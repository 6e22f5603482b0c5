/// A node of a parsed YAML or JSON document that remembers where it was written.
///
/// This is the generic tree of a whole document, `x-` keys and all: the typed
/// ``SystemDescriptor`` is read from it, and the rule engine hands it to Lua as read-only
/// tables, each tagged with its node's ``location`` so a finding points back at the line that
/// causes it. Mappings keep their keys in document order, with the location of each key.
///
/// An alias (`*name`) is expanded into a copy of its anchor's node, which keeps the anchor's
/// location.
public struct LocatedNode: Sendable, Hashable {
    /// What the node holds.
    public enum Content: Sendable, Hashable {
        case scalar(Scalar)
        case sequence([LocatedNode])
        case mapping([Entry])
    }

    /// One `key: value` pair of a mapping.
    public struct Entry: Sendable, Hashable {
        /// The key's text.
        public var key: String
        /// Where the key is written.
        public var keyLocation: SourceLocation
        /// The value.
        public var value: LocatedNode

        public init(key: String, keyLocation: SourceLocation, value: LocatedNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts (for a block mapping, its first key; for a flow one, its `{`).
    public var location: SourceLocation

    /// Creates a node.
    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The scalar, if this node is one.
    public var scalar: Scalar? { if case .scalar(let s) = content { s } else { nil } }

    /// The elements, if this node is a sequence.
    public var sequence: [LocatedNode]? { if case .sequence(let s) = content { s } else { nil } }

    /// The entries in document order, if this node is a mapping.
    public var mapping: [Entry]? { if case .mapping(let m) = content { m } else { nil } }

    /// True for a null scalar (`~`, `null`, or an empty value).
    public var isNull: Bool { scalar?.value == .null }

    /// The value of `key`, if this node is a mapping that has it.
    public subscript(key: String) -> LocatedNode? {
        guard case .mapping(let entries) = content else { return nil }
        // By index: only the value found is copied, not every entry looked at.
        for index in entries.indices where entries[index].key == key { return entries[index].value }
        return nil
    }

    /// The element at `index` (0-based), if this node is a sequence that long.
    public subscript(index: Int) -> LocatedNode? {
        guard let elements = sequence, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The entry for `key`, with the key's own location.
    public func entry(forKey key: String) -> Entry? {
        guard case .mapping(let entries) = content else { return nil }
        for index in entries.indices where entries[index].key == key { return entries[index] }
        return nil
    }

    /// The kind of node in the words diagnostics use: `mapping`, `list`, `string`, `integer`,
    /// `number`, `boolean` or `null`.
    public var kindName: String {
        switch content {
        case .mapping: "mapping"
        case .sequence: "list"
        case .scalar(let scalar): scalar.value.kindName
        }
    }
}

extension LocatedNode {
    /// This node without the entry at `path` (keys of nested mappings), every other node where
    /// it was; unchanged when there is no such entry. A document with a part set aside, to ask
    /// the rules what they say without it (`cadre dpia`: the recorded DPIA set aside).
    public func removing(_ path: [String]) -> LocatedNode {
        guard let key = path.first, case .mapping(var entries) = content,
            let index = entries.firstIndex(where: { $0.key == key })
        else { return self }
        if path.count == 1 {
            entries.remove(at: index)
        } else {
            entries[index].value = entries[index].value.removing(Array(path.dropFirst()))
        }
        return LocatedNode(.mapping(entries), at: location)
    }
}
