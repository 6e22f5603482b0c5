/// Reads, parses and validates descriptor files.
///
/// ```swift
/// let loader = DescriptorLoader(taxonomy: try Taxonomy.bundled())
/// let load = loader.load(fileAt: "systems/voicebot.yaml")
/// for diagnostic in load.diagnostics { print(diagnostic) }
/// if let document = load.document { … document.descriptor.purposes … document.root … }
/// ```
public struct DescriptorLoader: Sendable {
    /// The taxonomy keys are checked against.
    public var taxonomy: Taxonomy
    /// The limits the parser applies.
    public var limits: ParseLimits
    /// The `x-` blocks packs give a shape (``DescriptorExtensions``); other `x-` keys are free.
    public var extensions: DescriptorExtensions

    /// Creates a loader.
    public init(taxonomy: Taxonomy, limits: ParseLimits = .standard, extensions: DescriptorExtensions = .none) {
        self.taxonomy = taxonomy
        self.limits = limits
        self.extensions = extensions
    }

    /// Loads the file at `path`, naming it `file` in diagnostics (by default, `path`).
    public func load(fileAt path: String, as file: String? = nil) -> DescriptorLoad {
        let file = file ?? path
        do {
            let root = try DocumentParser(limits: limits).parse(fileAt: path, as: file)
            return load(root, file: file)
        } catch {
            return DescriptorLoad(file: file, document: nil, diagnostics: [error])
        }
    }

    /// Loads a descriptor from the bytes of its file, already read, naming it `file` in diagnostics.
    public func load(bytes: [UInt8], file: String) -> DescriptorLoad {
        do {
            return load(try DocumentParser(limits: limits).parse(bytes, file: file), file: file)
        } catch {
            return DescriptorLoad(file: file, document: nil, diagnostics: [error])
        }
    }

    /// Loads a descriptor from its text, naming it `file` in diagnostics.
    public func load(text: String, file: String) -> DescriptorLoad {
        do {
            return load(try DocumentParser(limits: limits).parse(text, file: file), file: file)
        } catch {
            return DescriptorLoad(file: file, document: nil, diagnostics: [error])
        }
    }

    /// Loads a document validated before, under the same taxonomy, with `diagnostics` (warnings
    /// only): the typed descriptor is read from it again, the checks are not run again. A
    /// re-check uses it for descriptors that did not change since the last run.
    public func load(validated root: LocatedNode, file: String, diagnostics: [Diagnostic]) -> DescriptorLoad {
        guard !diagnostics.containsErrors, root.mapping != nil else { return load(root, file: file) }
        let document = DescriptorDocument(
            file: file, descriptor: SystemDescriptor(root: root), root: root, warnings: diagnostics)
        return DescriptorLoad(file: file, document: document, diagnostics: diagnostics)
    }

    /// Validates an already parsed document.
    public func load(_ root: LocatedNode, file: String) -> DescriptorLoad {
        let (descriptor, diagnostics) = DescriptorValidator(taxonomy: taxonomy, extensions: extensions).validate(
            root, file: file)
        guard let descriptor, !diagnostics.containsErrors else {
            return DescriptorLoad(file: file, document: nil, diagnostics: diagnostics)
        }
        let document = DescriptorDocument(file: file, descriptor: descriptor, root: root, warnings: diagnostics)
        return DescriptorLoad(file: file, document: document, diagnostics: diagnostics)
    }
}
