import Foundation

/// Checks a node tree against a ``ValueShape`` and collects every problem as a ``Diagnostic``:
/// wrong types, unknown keys (with "did you mean"), missing required fields, empty values,
/// values outside a list, malformed dates, durations and environment references, and unknown
/// taxonomy keys. Keys starting with `x-` are free everywhere, but for the blocks packs declare
/// (``DescriptorExtensions``): those are checked against the packs' fields.
public struct ShapeValidator {
    /// The taxonomy taxonomy keys are checked against.
    public let taxonomy: Taxonomy
    /// For each key, the names of the parts that declare it: "`retention` belongs to data items".
    let fieldOwners: [String: [String]]
    /// Everything found so far, up to ``limit``.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The most diagnostics kept; past it, problems are only counted in ``omitted``.
    public var limit = DescriptorValidator.maximumDiagnostics * 5
    /// Problems found past ``limit``.
    public private(set) var omitted = 0
    /// The `x-` blocks packs give a shape; other `x-` keys are free.
    public var extensions = DescriptorExtensions.none
    /// The extension being checked, if any: its unknown keys are not said to belong elsewhere.
    private var inExtension = false

    /// A validator for documents whose root has the shape `root`.
    public init(taxonomy: Taxonomy, root: ObjectShape) {
        self.init(taxonomy: taxonomy, fieldOwners: Self.fieldOwners(of: root))
    }

    init(taxonomy: Taxonomy, fieldOwners: [String: [String]]) {
        self.taxonomy = taxonomy
        self.fieldOwners = fieldOwners
    }

    /// For each key of `root` and the parts below it, the names of the parts that declare it.
    static func fieldOwners(of root: ObjectShape) -> [String: [String]] {
        var owners: [String: [String]] = [:]
        collectOwners(of: .object(root), into: &owners, seen: [])
        return owners
    }

    /// The path of the node being checked, kept as a stack so that walking allocates nothing;
    /// a ``NodePath`` is built only for a diagnostic.
    private var stack: [NodePath.Component] = []

    /// The path of the node being checked.
    var path: NodePath { NodePath(stack) }

    /// Checks `node`, found at `path`, against `shape`.
    public mutating func check(_ node: LocatedNode, against shape: ValueShape, at path: NodePath) {
        let saved = stack
        stack = path.components
        visit(node, shape)
        stack = saved
    }

    private mutating func visit(_ node: LocatedNode, _ shape: ValueShape) {
        switch shape {
        case .object(let object):
            guard let entries = node.mapping else { return wrongType(node, expected: shape) }
            checkObject(entries, of: object, node: node)
        case .dictionary(let keys, let values):
            guard let entries = node.mapping else { return wrongType(node, expected: shape) }
            for entry in entries where !entry.key.hasPrefix("x-") || keys == .taxonomyKey || keys == .extensionKey {
                stack.append(.key(entry.key))
                if let problem = Self.formatProblem(entry.key, keys) {
                    let reason = problem.reason.replacingOccurrences(of: ", not `\(entry.key)`", with: "")
                    add(
                        .error(
                            .invalidValue, at: entry.keyLocation, path: path, "key `\(entry.key)` \(reason)",
                            hint: problem.hint))
                }
                visitValue(entry.value, values)
                stack.removeLast()
            }
        case .list(let element):
            guard let elements = node.sequence else { return wrongType(node, expected: shape) }
            var seen: [ScalarValue: SourceLocation] = [:]
            for (index, item) in elements.enumerated() {
                stack.append(.index(index))
                visitValue(item, element)
                if elements.count > 1, let value = item.scalar?.value, value != .null {
                    if let first = seen[value] {
                        add(
                            .warning(
                                .duplicateValue, at: item.location, path: path,
                                "`\(item.scalar?.text ?? "")` is listed twice in `\(path.lastKey ?? "list")` (first at line \(first.line))",
                                hint: "remove one"))
                    } else {
                        seen[value] = item.location
                    }
                }
                stack.removeLast()
            }
        case .either(let first, let second):
            let kind =
                switch node.content {
                case .mapping: "mapping"
                case .sequence: "list"
                case .scalar: "scalar"
                }
            if first.nodeKind == kind {
                visit(node, first)
            } else if second.nodeKind == kind {
                visit(node, second)
            } else {
                wrongType(node, expected: shape)
            }
        default:
            checkScalar(node, against: shape)
        }
    }

    /// Checks a value that may be null: an empty list element is an error, an empty field is
    /// handled by the object that holds it.
    private mutating func visitValue(_ node: LocatedNode, _ shape: ValueShape) {
        if node.isNull {
            add(
                .error(
                    .emptyValue, at: node.location, path: path, "\(Self.label(path)) is empty",
                    hint: "give it \(shape.expectation)"))
            return
        }
        visit(node, shape)
    }

    private mutating func checkObject(_ entries: [LocatedNode.Entry], of object: ObjectShape, node: LocatedNode) {
        // Missing fields first: when a file has more problems than a report shows, these stay in it.
        for field in object.fields where field.isRequired && !entries.contains(where: { $0.key == field.key }) {
            add(
                .error(
                    .missingField, at: node.location, path: path.appending(field.key),
                    "\(object.name) is missing `\(field.key)`", hint: Self.addHint(field)))
        }
        for entry in entries {
            if entry.key.hasPrefix("x-") {
                if !extensions.isEmpty { checkExtension(entry, in: object) }
                continue
            }
            stack.append(.key(entry.key))
            defer { stack.removeLast() }
            guard let field = object.field(entry.key) else {
                if diagnostics.count < limit { add(unknownKey(entry, in: object, at: path)) } else { omitted += 1 }
                continue
            }
            let isEmptyString = entry.value.scalar.map { $0.style != .plain && $0.text.isEmpty } ?? false
            if entry.value.isNull || isEmptyString {
                if field.isRequired {
                    add(
                        .error(
                            .missingField, at: entry.keyLocation, path: path, "`\(entry.key)` has no value",
                            hint: Self.addHint(field)))
                } else {
                    add(
                        .warning(
                            .emptyValue, at: entry.keyLocation, path: path, "`\(entry.key)` has no value",
                            hint: "give it \(field.shape.expectation), or remove the key"))
                }
                continue
            }
            visit(entry.value, field.shape)
        }
    }

    /// Checks an `x-` block against the fields its pack declares, when a pack declares it for
    /// `object`; each problem's hint names the pack. Declared for another part only, it is a
    /// warning; declared by no pack, it is free.
    private mutating func checkExtension(_ entry: LocatedNode.Entry, in object: ObjectShape) {
        guard let declared = extensions.declared(entry.key, in: object) else {
            if let elsewhere = extensions.declared(entry.key) {
                stack.append(.key(entry.key))
                add(
                    .warning(
                        .misplacedExtension, at: entry.keyLocation, path: path,
                        "`\(entry.key)` is not checked in \(Self.article(object.name)): pack `\(elsewhere.pack)` declares it in \(elsewhere.places.map { "`\($0)`" }.joined(separator: ", "))",
                        hint: "move it there, or rename it if it is another block"))
                stack.removeLast()
            }
            return
        }
        let first = diagnostics.count
        stack.append(.key(entry.key))
        inExtension = true
        visitValue(entry.value, .object(declared.shape))
        inExtension = false
        stack.removeLast()
        let origin = "`\(declared.key)` is declared by pack `\(declared.pack)` (its pack.yaml, `extensions:`)"
        for index in first..<diagnostics.count {
            diagnostics[index].hint = diagnostics[index].hint.map { "\($0) — \(origin)" } ?? origin
        }
    }

    private func unknownKey(_ entry: LocatedNode.Entry, in object: ObjectShape, at path: NodePath) -> Diagnostic {
        let message = "unknown key `\(entry.key)` in \(object.name)"
        let hint: String
        if let suggestion = Suggestion.hint(for: entry.key, among: object.fields.map(\.key)) {
            hint = suggestion
        } else if !inExtension, let owners = fieldOwners[entry.key]?.filter({ $0 != object.name }), !owners.isEmpty {
            hint =
                "`\(entry.key)` belongs in \(owners.map { Self.article($0) }.joined(separator: " or ")), not in \(Self.article(object.name))"
        } else {
            hint =
                "\(object.name) has: " + object.fields.map(\.key).joined(separator: ", ")
                + "; keys starting with `x-` are free"
        }
        return .error(.unknownKey, at: entry.keyLocation, path: path, message, hint: hint)
    }

    mutating func add(_ diagnostic: Diagnostic) {
        if diagnostics.count < limit { diagnostics.append(diagnostic) } else { omitted += 1 }
    }

    /// "add `owner:`, who is accountable for the system…".
    static func addHint(_ field: FieldShape) -> String {
        let summary = field.summary.prefix(1).lowercased() + field.summary.dropFirst()
        return "add `\(field.key):` — \(summary)"
    }

    /// `` `legal_basis` `` or `` `uses[2]` ``.
    static func label(_ path: NodePath) -> String {
        guard let last = path.components.last else { return "the document" }
        switch last {
        case .key(let key): return "`\(key)`"
        case .index(let index): return "`\(path.lastKey ?? "")[\(index)]`"
        }
    }

    mutating func wrongType(_ node: LocatedNode, expected shape: ValueShape) {
        var hint: String?
        switch (shape, node.content) {
        case (.list, .scalar(let scalar)): hint = "write `[\(scalar.text)]` for a list of one"
        case (.list, .mapping): hint = "start each element with `- `"
        case (.object, .scalar), (.dictionary, .scalar):
            hint = "write its fields indented on the lines below `\(path.lastKey ?? ""):`"
        case (.object, .sequence): hint = "remove the `- `: this is a single mapping, not a list"
        case (_, .scalar(let scalar)) where scalar.value != .null && shape.expectsString:
            hint = "quote it: `\"\(scalar.text)\"`"
        default: hint = nil
        }
        add(
            .error(
                .wrongType, at: node.location, path: path,
                "\(Self.label(path)) must be \(shape.expectation), not \(Self.article(node.kindName))", hint: hint))
    }

    static func article(_ kind: String) -> String {
        kind == "null" ? "empty" : (kind.first.map { "aeiou".contains($0) } == true ? "an \(kind)" : "a \(kind)")
    }

    private static func collectOwners(of shape: ValueShape, into owners: inout [String: [String]], seen: Set<String>) {
        switch shape {
        case .object(let object):
            guard !seen.contains(object.name) else { return }
            for field in object.fields {
                if !(owners[field.key]?.contains(object.name) ?? false) {
                    owners[field.key, default: []].append(object.name)
                }
                collectOwners(of: field.shape, into: &owners, seen: seen.union([object.name]))
            }
        case .list(let element): collectOwners(of: element, into: &owners, seen: seen)
        case .dictionary(_, let values): collectOwners(of: values, into: &owners, seen: seen)
        case .either(let first, let second):
            collectOwners(of: first, into: &owners, seen: seen)
            collectOwners(of: second, into: &owners, seen: seen)
        default: break
        }
    }
}

extension ValueShape {
    /// True for shapes a quoted string satisfies.
    var expectsString: Bool {
        switch self {
        case .string, .date, .duration, .constant, .choice, .taxonomyKey: true
        default: false
        }
    }
}
