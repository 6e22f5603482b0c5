import CadreModel

/// Reading one of cadre's own YAML files (`cadre.yaml`, `pack.yaml`, waiver files) with the same
/// parser and the same checks as descriptors: every problem, located, with a hint.
enum ConfigurationFile {
    /// The file's tree if it has the declared `shape` and names `format` in its `cadre:` header;
    /// the problems found either way.
    static func read(
        fileAt path: String, as file: String, format: String, shape: ObjectShape
    ) -> (root: LocatedNode?, diagnostics: [Diagnostic]) {
        let root: LocatedNode
        do {
            root = try DocumentParser().parse(fileAt: path, as: file)
        } catch {
            return (nil, [error])
        }
        return check(root, format: format, shape: shape)
    }

    static func check(_ root: LocatedNode, format: String, shape: ObjectShape) -> (
        root: LocatedNode?, diagnostics: [Diagnostic]
    ) {
        guard root.mapping != nil else {
            return (
                nil,
                [.error(.wrongType, at: root.location, "the file must be a mapping, starting with `cadre: \(format)`")]
            )
        }
        guard root["cadre"]?.scalar?.value == .string(format) else {
            return (
                nil,
                [
                    .error(
                        .unknownFormat, at: root["cadre"]?.location ?? root.location,
                        "not a `\(format)` file", hint: "write `cadre: \(format)` on the first line")
                ]
            )
        }
        var validator = ShapeValidator(taxonomy: Taxonomy(), root: shape)
        validator.check(root, against: .object(shape), at: .root)
        let diagnostics = validator.diagnostics.sortedForDisplay()
        return (diagnostics.containsErrors ? nil : root, diagnostics)
    }
}

extension LocatedNode {
    /// The string at `key`, if there is one.
    func string(_ key: String) -> String? {
        if case .string(let s)? = self[key]?.scalar?.value { return s }
        return nil
    }

    /// The integer at `key`, if there is one.
    func integer(_ key: String) -> Int? {
        if case .integer(let i)? = self[key]?.scalar?.value { return i }
        return nil
    }

    /// The strings of the list at `key`, with their locations.
    func strings(_ key: String) -> [(String, SourceLocation)] {
        (self[key]?.sequence ?? []).compactMap { element in
            if case .string(let s)? = element.scalar?.value { return (s, element.location) }
            return nil
        }
    }
}
