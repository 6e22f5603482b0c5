/// Validates a parsed descriptor: its `cadre:` header, then its shape (``ShapeValidator``), then
/// the references between its parts. Every problem is reported, not only the first.
public struct DescriptorValidator: Sendable {
    /// The most diagnostics reported for one file (200); a file with more gets one last error
    /// saying how many were left out.
    public static let maximumDiagnostics = 200

    /// The taxonomy data categories, uses and subjects are checked against.
    public var taxonomy: Taxonomy

    /// The `x-` blocks the workspace's packs give a shape (other `x-` keys are free).
    public var extensions: DescriptorExtensions

    /// Where each key of the format belongs, computed once.
    private static let fieldOwners = ShapeValidator.fieldOwners(of: DescriptorSchema.system)

    /// Creates a validator.
    public init(taxonomy: Taxonomy, extensions: DescriptorExtensions = .none) {
        self.taxonomy = taxonomy
        self.extensions = extensions
    }

    /// The typed descriptor and every problem found in `root`, sorted by location.
    ///
    /// The descriptor is nil when the file is not a `system/v1` descriptor at all (no mapping at
    /// the root, a missing or unknown `cadre:` header); then the one diagnostic says so.
    public func validate(_ root: LocatedNode, file: String) -> (
        descriptor: SystemDescriptor?, diagnostics: [Diagnostic]
    ) {
        guard let entries = root.mapping else {
            return (
                nil,
                [
                    .error(
                        .wrongType, at: root.location,
                        "a descriptor is a mapping of keys to values, not \(ShapeValidator.article(root.kindName))",
                        hint: "start the file with `cadre: system/v1`; see docs/descriptors.md")
                ]
            )
        }
        guard let header = entries.first(where: { $0.key == "cadre" }) else {
            return (
                nil,
                [
                    .error(
                        .unknownFormat, at: root.location, "not a cadre descriptor: there is no `cadre:` key",
                        hint: "start the file with `cadre: system/v1`")
                ]
            )
        }
        guard header.value.scalar?.value == .string(SystemDescriptor.format) else {
            let written = header.value.scalar?.text ?? header.value.kindName
            return (
                nil,
                [
                    .error(
                        .unknownFormat, at: header.value.location,
                        "`\(written)` is not a descriptor format cadre reads",
                        hint: "write `cadre: \(SystemDescriptor.format)`")
                ]
            )
        }
        var shapes = ShapeValidator(taxonomy: taxonomy, fieldOwners: Self.fieldOwners)
        shapes.extensions = extensions
        shapes.check(root, against: .object(DescriptorSchema.system), at: .root)
        let descriptor = SystemDescriptor(root: root)
        var references = ReferenceValidator(descriptor: descriptor, root: root)
        references.run()
        var diagnostics = (shapes.diagnostics + references.diagnostics).sortedForDisplay()
        let omitted = shapes.omitted + max(0, diagnostics.count - Self.maximumDiagnostics)
        if omitted > 0 {
            diagnostics = Array(diagnostics.prefix(Self.maximumDiagnostics))
            diagnostics.append(
                .error(
                    .tooManyProblems, at: diagnostics.last?.location ?? root.location,
                    "\(omitted) more problems in this file are not shown",
                    hint: "fix the problems above and run cadre validate again"))
        }
        return (descriptor, diagnostics)
    }
}
