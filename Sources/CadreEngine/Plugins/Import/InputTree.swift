import CadreModel
import LuaHost

/// Parsed input files as Lua sees them in an importer: every mapping and list tagged with its
/// node, so `ctx:warn(node, …)` points at the input's line. Tags count across files.
struct InputTree {
    /// Every tagged node's location, by tag.
    private(set) var locations: [SourceLocation] = []

    /// `node` as a Lua value with tags (mappings keep the file's key order for `pairs`).
    mutating func value(of node: LocatedNode) -> LuaValue {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return .nil
            case .bool(let b): return .boolean(b)
            case .integer(let i): return .integer(Int64(i))
            case .float(let d): return .number(d)
            case .string(let s): return .string(s)
            }
        case .sequence(let elements):
            let tag = locations.count
            locations.append(node.location)
            return .table(LuaTable(array: elements.map { value(of: $0) }, tag: tag))
        case .mapping(let entries):
            let tag = locations.count
            locations.append(node.location)
            var table = LuaTable(tag: tag)
            for entry in entries {
                let converted = value(of: entry.value)
                if !converted.isNil { table[entry.key] = converted }
            }
            return .table(table)
        }
    }

    /// The location of the node tagged `tag`.
    func location(of tag: Int?) -> SourceLocation? {
        guard let tag, locations.indices.contains(tag) else { return nil }
        return locations[tag]
    }
}
