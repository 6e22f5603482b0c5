import CadreModel
import LuaHost

/// Parsed input files as Lua sees them in an importer: every mapping and list tagged with its
/// node, so `ctx:warn(node, …)` points at the input's line. Tags count across files.
struct InputTree {
    /// Every tagged node's location, by tag.
    private(set) var locations: [SourceLocation] = []

    /// Writes `node` into Lua as a read-only tree with tags (mappings keep the file's key order
    /// for `pairs`), straight from the parsed node: no host copy of the input is built on the way.
    mutating func write(_ node: LocatedNode, into tree: inout LuaTreeWriter) throws(LuaError) {
        switch node.content {
        case .scalar(let scalar):
            try tree.value(Self.value(of: scalar))
        case .sequence(let elements):
            try tree.beginTable(tag: tag(node.location), elements: elements.count)
            for element in elements { try write(element, into: &tree) }
            try tree.endTable()
        case .mapping(let entries):
            try tree.beginTable(tag: tag(node.location), fields: entries.count)
            for entry in entries {
                try tree.key(entry.key)
                try write(entry.value, into: &tree)
            }
            try tree.endTable()
        }
    }

    /// A new tag for the node at `location`, which is kept.
    mutating func tag(_ location: SourceLocation) -> Int {
        locations.append(location)
        return locations.count - 1
    }

    static func value(of scalar: Scalar) -> LuaValue {
        switch scalar.value {
        case .null: .nil
        case .bool(let b): .boolean(b)
        case .integer(let i): .integer(Int64(i))
        case .float(let d): .number(d)
        case .string(let s): .string(s)
        }
    }

    /// The location of the node tagged `tag`.
    func location(of tag: Int?) -> SourceLocation? {
        guard let tag, locations.indices.contains(tag) else { return nil }
        return locations[tag]
    }
}

/// Writes a document into Lua as libyaml reads it (``DocumentParser/compose(_:file:into:)``),
/// tagged as ``InputTree/write(_:into:)`` tags it: no tree of the whole input is ever built in
/// the host, which for a manifest of 100,000 systems was most of an import's memory.
struct InputTreeBuilder: ComposedTreeBuilder {
    var tree: InputTree
    var lua: LuaTreeWriter
    /// What stopped the writing, when Lua refused it.
    private(set) var failure: LuaError?

    mutating func begin(mapping: Bool, at location: SourceLocation) -> Bool {
        let tag = tree.tag(location)
        return attempt { (lua: inout LuaTreeWriter) throws(LuaError) in try lua.beginTable(tag: tag) }
    }

    mutating func key(_ text: String, at location: SourceLocation) -> Bool {
        attempt { (lua: inout LuaTreeWriter) throws(LuaError) in try lua.key(text) }
    }

    mutating func scalar(_ scalar: Scalar, at location: SourceLocation) -> Bool {
        attempt { (lua: inout LuaTreeWriter) throws(LuaError) in try lua.value(InputTree.value(of: scalar)) }
    }

    mutating func end() -> Bool {
        attempt { (lua: inout LuaTreeWriter) throws(LuaError) in try lua.endTable() }
    }

    private mutating func attempt(_ step: (inout LuaTreeWriter) throws(LuaError) -> Void) -> Bool {
        do {
            try step(&lua)
            return true
        } catch {
            failure = error
            return false
        }
    }
}
