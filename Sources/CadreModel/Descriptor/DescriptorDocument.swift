/// A valid descriptor file: the typed ``SystemDescriptor`` and the generic tree it was read from.
///
/// The rule engine hands ``root`` to Lua as read-only tables, tagging each table with its node's
/// location (``nodes()`` lists them all with their paths), so that `ctx:fail(node, …)` produces a
/// finding at the YAML line of that node. `x-` keys are in the tree, not in the typed model.
/// Every part of the typed model has a `path`, so `node(at: item.path)` is the table a rule
/// receives for it (`system:data_of(…)` can be answered from the typed model).
public struct DescriptorDocument: Sendable {
    /// The file as named in diagnostics and findings.
    public let file: String
    /// The typed descriptor.
    public let descriptor: SystemDescriptor
    /// The whole document as written, but for a secret written in clear in a store's `url`,
    /// masked (``StoreURLSecrets``): rules read this tree, and nothing they write can hold it.
    /// The typed descriptor keeps the URL as written, for the connector.
    public let root: LocatedNode
    /// Warnings validation found (a valid document has no errors).
    public let warnings: [Diagnostic]

    /// Creates a document.
    public init(file: String, descriptor: SystemDescriptor, root: LocatedNode, warnings: [Diagnostic]) {
        self.file = file
        self.descriptor = descriptor
        self.root = StoreURLSecrets.masking(root)
        self.warnings = warnings
    }

    /// The node at `path` (`[.key("purposes"), .index(0), .key("legal_basis")]`).
    public func node(at path: NodePath) -> LocatedNode? { root.node(at: path) }

    /// The location of the node at `path`, or of its key when `pointingAtKey` is true.
    public func location(of path: NodePath, pointingAtKey: Bool = false) -> SourceLocation? {
        root.location(of: path, pointingAtKey: pointingAtKey)
    }

    /// Every node of the document with its path and location, root first, in document order.
    public func nodes() -> [LocatedNode.Visit] { root.descendants() }
}
