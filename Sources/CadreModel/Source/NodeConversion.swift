import Yams

/// Turns the node tree Yams composes into a tree of ``LocatedNode``, enforcing the depth and
/// node-count limits and refusing mapping keys that are not scalars.
struct NodeConversion {
    let file: String
    let limits: ParseLimits
    /// True when the text may hold aliases: then a count over the limit is blamed on them.
    let mayHoldAliases: Bool
    private(set) var count = 0

    init(file: String, limits: ParseLimits, mayHoldAliases: Bool) {
        self.file = file
        self.limits = limits
        self.mayHoldAliases = mayHoldAliases
    }

    mutating func convert(_ node: Node, depth: Int = 1) throws(Diagnostic) -> LocatedNode {
        count += 1
        let location = self.location(of: node.mark)
        if count > limits.maxNodes {
            if mayHoldAliases {
                throw .error(
                    .aliasExpansion, at: location, "document expands to more than \(limits.maxNodes) values",
                    hint: "aliases (`*name`) copy their anchor each time they are used; a descriptor needs few of them")
            }
            throw .error(
                .fileTooLarge, at: location,
                "document holds more than \(limits.maxNodes) values, the limit for \(limits.subject)",
                hint: "a descriptor of typical size holds a few hundred values: check that this is the right file")
        }
        switch node {
        case .scalar(let scalar):
            return LocatedNode(.scalar(Scalar(text: scalar.string, style: Self.style(of: scalar.style))), at: location)
        case .sequence(let sequence):
            try checkDepth(depth, at: location)
            var elements: [LocatedNode] = []
            elements.reserveCapacity(sequence.count)
            for element in sequence { elements.append(try convert(element, depth: depth + 1)) }
            return LocatedNode(.sequence(elements), at: location)
        case .mapping(let mapping):
            try checkDepth(depth, at: location)
            var entries: [LocatedNode.Entry] = []
            var merged: [LocatedNode.Entry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                if case .scalar(let keyScalar) = key, keyScalar.string == "<<",
                    keyScalar.style == .plain || keyScalar.style == .any
                {
                    merged += try mergeEntries(value, depth: depth, at: self.location(of: key.mark))
                    continue
                }
                guard case .scalar(let keyScalar) = key else {
                    throw .error(
                        .complexKey, at: self.location(of: key.mark),
                        "a mapping key must be a word or a string, not a \(key.isSequence ? "list" : "mapping")",
                        hint:
                            "descriptors only use keys like `name:`; a `?` at the start of a line starts a complex key")
                }
                let converted = try convert(value, depth: depth + 1)
                entries.append(
                    LocatedNode.Entry(key: keyScalar.string, keyLocation: self.location(of: key.mark), value: converted)
                )
            }
            // YAML merge keys: merged entries never replace keys written in the mapping itself,
            // and an earlier source wins over a later one.
            for entry in merged where !entries.contains(where: { $0.key == entry.key }) { entries.append(entry) }
            return LocatedNode(.mapping(entries), at: location)
        case .alias:
            throw .error(.undefinedAlias, at: location, "an alias could not be resolved")
        }
    }

    /// The entries a merge key (`<<: *defaults` or `<<: [*a, *b]`) brings in.
    private mutating func mergeEntries(_ value: Node, depth: Int, at location: SourceLocation) throws(Diagnostic)
        -> [LocatedNode.Entry]
    {
        let sources: [Node]
        switch value {
        case .mapping: sources = [value]
        case .sequence(let sequence): sources = Array(sequence)
        default: sources = []
        }
        var entries: [LocatedNode.Entry] = []
        for source in sources {
            guard case .mapping = source else {
                throw .error(
                    .wrongType, at: location, "a merge key (`<<`) takes a mapping or a list of mappings",
                    hint: "write `<<: *name`, where `&name` marks a mapping")
            }
            for entry in try convert(source, depth: depth).mapping ?? []
            where !entries.contains(where: { $0.key == entry.key }) {
                entries.append(entry)
            }
        }
        if sources.isEmpty {
            throw .error(
                .wrongType, at: location, "a merge key (`<<`) takes a mapping or a list of mappings",
                hint: "write `<<: *name`, where `&name` marks a mapping")
        }
        return entries
    }

    private func checkDepth(_ depth: Int, at location: SourceLocation) throws(Diagnostic) {
        if depth > limits.maxDepth {
            throw .error(
                .tooDeep, at: location, "lists and mappings nest more than \(limits.maxDepth) levels deep",
                hint: "a descriptor nests about seven levels; check the brackets and the indentation")
        }
    }

    func location(of mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    static func style(of style: Node.Scalar.Style) -> Scalar.Style {
        switch style {
        case .any, .plain: .plain
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        case .literal: .literal
        case .folded: .folded
        }
    }
}

extension Node {
    fileprivate var isSequence: Bool { if case .sequence = self { true } else { false } }
}
