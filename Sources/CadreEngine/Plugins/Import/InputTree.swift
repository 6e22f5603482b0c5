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
            switch scalar.value {
            case .null: try tree.value(.nil)
            case .bool(let b): try tree.value(.boolean(b))
            case .integer(let i): try tree.value(.integer(Int64(i)))
            case .float(let d): try tree.value(.number(d))
            case .string(let s): try tree.value(.string(s))
            }
        case .sequence(let elements):
            try tree.beginTable(tag: tag(node), elements: elements.count)
            for element in elements { try write(element, into: &tree) }
            try tree.endTable()
        case .mapping(let entries):
            try tree.beginTable(tag: tag(node), fields: entries.count)
            for entry in entries {
                try tree.key(entry.key)
                try write(entry.value, into: &tree)
            }
            try tree.endTable()
        }
    }

    /// A new tag for `node`, its location kept.
    private mutating func tag(_ node: LocatedNode) -> Int {
        locations.append(node.location)
        return locations.count - 1
    }

    /// The location of the node tagged `tag`.
    func location(of tag: Int?) -> SourceLocation? {
        guard let tag, locations.indices.contains(tag) else { return nil }
        return locations[tag]
    }
}
