import CadreModel
import LuaHost

/// A fixture system of a test: a descriptor document that went through the same validation as
/// the workspace's descriptors. Scripts hold it as an opaque host object and hand it to `run`.
final class FixtureSystem {
    let document: DescriptorDocument

    init(document: DescriptorDocument) { self.document = document }
}

/// Turns the Lua table of `system{...}` into a descriptor document: a located node tree whose
/// every node points at the test file and the line of the call, so validation problems and
/// findings name that line, and their paths say which node.
///
/// Tables with only `1..n` keys are lists, tables with names are mappings; `{}` is whichever the
/// descriptor format expects there. Strings stay strings (`"true"` is not a boolean); a float
/// with a whole value (`1e6`) is an integer where the format expects one.
struct FixtureBuilder {
    /// What a fixture usually leaves out, filled in when absent.
    static let defaults: [(String, String)] = [
        ("cadre", "system/v1"), ("id", "fixture"), ("name", "Fixture"), ("owner", "fixture@example.com"),
    ]

    /// The test file, as shown to users.
    let file: String
    /// The line of the `system{...}` call.
    let line: Int

    /// The document's root for `table`, with the defaults filled in.
    func root(from table: LuaTable) throws(LuaCallError) -> LocatedNode {
        guard table.array.isEmpty else {
            throw LuaCallError(
                "system{...} expects a mapping of descriptor fields (id = ..., data = {...}), not a list")
        }
        var entries: [LocatedNode.Entry] = []
        for (key, value) in Self.defaults where table[key] == nil {
            entries.append(entry(key, node(.scalar(Scalar(text: value, style: .doubleQuoted)))))
        }
        for (key, value) in try fields(of: table, at: .root) {
            entries.append(
                entry(
                    key,
                    try node(
                        for: value, at: NodePath.root.appending(key), shape: DescriptorSchema.system.field(key)?.shape))
            )
        }
        return node(.mapping(entries))
    }

    private var location: SourceLocation { SourceLocation(file: file, line: line, column: 1) }

    private func node(_ content: LocatedNode.Content) -> LocatedNode { LocatedNode(content, at: location) }

    private func entry(_ key: String, _ value: LocatedNode) -> LocatedNode.Entry {
        LocatedNode.Entry(key: key, keyLocation: location, value: value)
    }

    /// The named fields of `table`, the descriptor's usual keys first (as a descriptor is written),
    /// then the others by name.
    private func fields(of table: LuaTable, at path: NodePath) throws(LuaCallError) -> [(String, LuaValue)] {
        var named: [(String, LuaValue)] = []
        for (key, value) in table.fields {
            guard case .string(let name) = key else {
                throw LuaCallError(
                    "the fixture's \(Self.describe(path)) has the key \(key), which is not a name: a table is either a list (1, 2, 3…) or a mapping of names"
                )
            }
            named.append((name, value))
        }
        let order = Dictionary(uniqueKeysWithValues: Self.defaults.enumerated().map { ($1.0, $0) })
        return named.sorted { a, b in
            switch (order[a.0], order[b.0]) {
            case (let x?, let y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.0 < b.0
            }
        }
    }

    /// The node for `value`, found at `path` where the format expects `shape` (nil: unknown key).
    private func node(for value: LuaValue, at path: NodePath, shape: ValueShape?) throws(LuaCallError) -> LocatedNode {
        switch value {
        case .nil:
            return node(.scalar(Scalar(text: "", style: .plain)))
        case .boolean(let b):
            return node(.scalar(Scalar(text: b ? "true" : "false", style: .plain)))
        case .integer(let i):
            return node(.scalar(Scalar(text: String(i), style: .plain)))
        case .number(let d):
            guard d.isFinite else {
                throw LuaCallError("the fixture's \(Self.describe(path)) is \(d), which a descriptor cannot hold")
            }
            if case .integer? = shape, let whole = Int64(exactly: d) {
                return node(.scalar(Scalar(text: String(whole), style: .plain)))
            }
            return node(.scalar(Scalar(text: String(d), style: .plain)))
        case .string(let s):
            return node(.scalar(Scalar(text: s, style: .doubleQuoted)))
        case .table(let table):
            if !table.array.isEmpty, !table.fields.isEmpty {
                throw LuaCallError(
                    "the fixture's \(Self.describe(path)) mixes a list (1, 2, 3…) and named fields: write one or the other"
                )
            }
            if table.isEmpty, let shape, Self.isMapping(shape) { return node(.mapping([])) }
            if table.fields.isEmpty {
                var elements: [LocatedNode] = []
                let elementShape: ValueShape? = if case .list(let element)? = shape { element } else { nil }
                for (index, element) in table.array.enumerated() {
                    elements.append(try node(for: element, at: path.appending(index), shape: elementShape))
                }
                return node(.sequence(elements))
            }
            var entries: [LocatedNode.Entry] = []
            for (key, element) in try fields(of: table, at: path) {
                entries.append(
                    entry(key, try node(for: element, at: path.appending(key), shape: Self.shape(of: key, in: shape))))
            }
            return node(.mapping(entries))
        case .reference:
            throw LuaCallError(
                "the fixture's \(Self.describe(path)) is a \(value.typeName); a fixture holds tables, strings, numbers and booleans"
            )
        }
    }

    private static func isMapping(_ shape: ValueShape) -> Bool {
        switch shape {
        case .object, .dictionary: true
        default: false
        }
    }

    /// The shape of `key`'s value in a mapping of `shape`.
    private static func shape(of key: String, in shape: ValueShape?) -> ValueShape? {
        switch shape {
        case .object(let object)?: object.field(key)?.shape
        case .dictionary(_, let values)?: values
        default: nil
        }
    }

    static func describe(_ path: NodePath) -> String {
        path.components.isEmpty ? "root" : "`\(path.luaDescription)`"
    }
}

extension NodePath {
    /// The path as a Lua reader counts: `data[1].retention` for the first data item (reports
    /// count from 0, Lua from 1).
    var luaDescription: String {
        NodePath(
            components.map { component in
                if case .index(let index) = component { return .index(index + 1) }
                return component
            }
        ).description
    }
}
