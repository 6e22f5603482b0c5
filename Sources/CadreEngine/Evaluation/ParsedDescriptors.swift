import CadreModel

/// Parsed descriptors kept from one evaluation to the next, by the digest (SHA-256) of their
/// file's bytes: a re-check after a rule changed evaluates that rule on every system, and reading
/// 10,000 descriptors back from their parse costs far less than parsing their YAML again.
///
/// A cache may also know how a document validated, when it knows the taxonomy is the same as
/// then: the engine does not check it again. The engine asks from several workers at once.
public protocol ParsedDescriptors: Sendable {
    /// The document parsed from bytes with `digest`, its locations naming `file`; nil when none
    /// is kept (or what is kept cannot be read: the engine parses the file then).
    func document(digest: String, file: String) -> ParsedDescriptor?

    /// Keeps `root`, parsed from bytes with `digest`.
    func keep(_ root: LocatedNode, digest: String)

    /// The digest of the bytes of `file` (as in ``Workspace/systemFiles``) when the cache read
    /// them for this evaluation: the engine then takes the kept document without reading the
    /// file again. Nil (the default) when it did not.
    func digest(of file: String) -> String?
}

extension ParsedDescriptors {
    public func digest(of file: String) -> String? { nil }
}

/// A document a ``ParsedDescriptors`` kept.
public struct ParsedDescriptor: Sendable {
    /// The document as parsed.
    public var root: LocatedNode
    /// What validating it found (warnings only), when it was validated against the taxonomy in
    /// use now; nil when it must be validated.
    public var diagnostics: [Diagnostic]?

    public init(root: LocatedNode, diagnostics: [Diagnostic]? = nil) {
        self.root = root
        self.diagnostics = diagnostics
    }
}
