import Yams

/// Turns the node tree Yams composes into a tree of ``LocatedNode``, enforcing the depth and
/// node-count limits and refusing mapping keys that are not scalars.
struct NodeConversion {
    let file: String
    let limits: ParseLimits
    private(set) var count = 0

    init(file: String, limits: ParseLimits) {
        self.file = file
        self.limits = limits
    }

    mutating func convert(_ node: Node, depth: Int = 1) throws(Diagnostic) -> LocatedNode {
        count += 1
        let location = self.location(of: node.mark)
        if count > limits.maxNodes {
            throw .error(
                .aliasExpansion, at: location,
                "document expands to more than \(limits.maxNodes) values",
                hint: "aliases (`*name`) copy their anchor each time they are used; a descriptor needs few of them")
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
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw .error(
                        .complexKey, at: self.location(of: key.mark),
                        "a mapping key must be a word or a string, not a \(key.isSequence ? "list" : "mapping")",
                        hint: "descriptors only use keys like `name:`; a `?` at the start of a line starts a complex key")
                }
                let converted = try convert(value, depth: depth + 1)
                entries.append(
                    LocatedNode.Entry(key: keyScalar.string, keyLocation: self.location(of: key.mark), value: converted))
            }
            return LocatedNode(.mapping(entries), at: location)
        case .alias:
            throw .error(.undefinedAlias, at: location, "an alias could not be resolved")
        }
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
