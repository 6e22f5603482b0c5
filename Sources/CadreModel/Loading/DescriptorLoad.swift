/// The outcome of loading one descriptor file: the document when it is valid, and every
/// diagnostic (errors make it invalid; warnings do not).
public struct DescriptorLoad: Sendable {
    /// The file as named in diagnostics.
    public var file: String
    /// The document, when the file has no errors.
    public var document: DescriptorDocument?
    /// Every problem found, sorted by location.
    public var diagnostics: [Diagnostic]

    /// True when the file has no errors.
    public var isValid: Bool { document != nil }

    /// The errors.
    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }

    /// The warnings.
    public var warnings: [Diagnostic] { diagnostics.filter { !$0.isError } }
}
