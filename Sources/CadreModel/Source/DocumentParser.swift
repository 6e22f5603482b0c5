import Yams

/// Reads YAML and JSON documents into ``LocatedNode`` trees, defensively.
///
/// Before and around the YAML parser it refuses what would make it misbehave or mislead:
/// files over ``ParseLimits/maxBytes``, empty files, binary content, text that is not UTF-8,
/// more than one document, duplicate keys, nesting past ``ParseLimits/maxDepth``, and aliases
/// that expand past ``ParseLimits/maxNodes`` or stand in keys. Each failure is one
/// ``Diagnostic`` with the file, line and column of the problem. JSON is read as the YAML
/// subset it is.
public struct DocumentParser: Sendable {
    /// The limits applied.
    public var limits: ParseLimits

    /// Nesting bound above which parsing moves to a thread with a large stack.
    static let inlineNestingBound = 128

    /// Creates a parser.
    public init(limits: ParseLimits = .standard) {
        self.limits = limits
    }

    /// Reads and parses the file at `path`, naming it `file` in diagnostics (by default, `path`).
    ///
    /// - Throws: a ``Diagnostic`` when the file cannot be read or is not a well-formed document.
    public func parse(fileAt path: String, as file: String? = nil) throws(Diagnostic) -> LocatedNode {
        let file = file ?? path
        let bytes: [UInt8]
        do {
            // One byte past the limit: enough to know the file is too large, never more.
            bytes = try FileReader.read(path, limits: limits)
        } catch .notFound {
            throw .error(.unreadableFile, at: .start(of: file), "no such file")
        } catch .isDirectory {
            throw .error(.unreadableFile, at: .start(of: file), "is a folder, not a file")
        } catch .notRegular(let kind) {
            throw .error(
                .unreadableFile, at: .start(of: file), "is \(kind.phrase), not a regular file",
                hint: "cadre reads only regular files: copy the content into a file and name that file")
        } catch {
            throw .error(
                .unreadableFile, at: .start(of: file), "cannot read the file",
                hint: "check that you may read it")
        }
        return try parse(bytes, file: file)
    }

    /// Parses the bytes of a document named `file`.
    ///
    /// - Throws: a ``Diagnostic`` when the bytes are not a well-formed document.
    public func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> LocatedNode {
        let text = try DocumentBytes.text(of: bytes, file: file, limits: limits)
        return try parse(text, file: file)
    }

    /// Parses a document's text, naming it `file` in diagnostics.
    ///
    /// - Throws: a ``Diagnostic`` when the text is not a well-formed document.
    public func parse(_ text: String, file: String) throws(Diagnostic) -> LocatedNode {
        if text.utf8.count > limits.maxBytes {
            throw .error(
                .fileTooLarge, at: .start(of: file),
                "file is larger than \(DocumentBytes.size(limits.maxBytes)), the limit for \(limits.subject)")
        }
        let limits = self.limits
        let compose: @Sendable () -> Result<LocatedNode?, Diagnostic> = {
            Result { () throws(Diagnostic) in try Self.compose(text, file: file, limits: limits) }
        }
        let result = NestingBound.of(text) > Self.inlineNestingBound ? DeepStack.run(compose) : compose()
        guard let node = try result.get() else {
            throw .error(
                .emptyFile, at: .start(of: file), "file holds no document, only comments or blank lines",
                hint: "a descriptor starts with `cadre: system/v1`; see docs/descriptors.md")
        }
        return node
    }

    private static func compose(_ text: String, file: String, limits: ParseLimits) throws(Diagnostic) -> LocatedNode? {
        let source = SourceText(file: file, text: text)
        let mayHoldAliases = AliasScreen.mayHoldAliases(text)
        if mayHoldAliases {
            try AliasScreen.check(text, source: source, limits: limits)
        }
        // The usual descriptor straight from libyaml's events; anything unusual the established way.
        if !mayHoldAliases, let composed = EventComposer.compose(text, file: file, limits: limits) { return composed }
        return try composeWithYams(text, source: source, limits: limits, mayHoldAliases: mayHoldAliases)
    }

    /// Yams' composer, then ``NodeConversion``: every document, and every diagnostic.
    static func composeWithYams(_ text: String, source: SourceText, limits: ParseLimits, mayHoldAliases: Bool)
        throws(Diagnostic) -> LocatedNode?
    {
        let file = source.file
        let root: Node?
        do {
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            root = try parser.singleRoot()
        } catch {
            throw YAMLErrorTranslation.diagnostic(for: error, in: source)
        }
        guard let root else { return nil }
        var conversion = NodeConversion(file: file, limits: limits, mayHoldAliases: mayHoldAliases)
        return try conversion.convert(root)
    }
}
