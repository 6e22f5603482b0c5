import CadreModel
import LuaHost

/// A descriptor as Lua sees it: its located node tree turned into a ``LuaValue`` whose every
/// table carries a tag, the number of its node here, so a finding points back at the YAML line.
struct SystemTree {
    /// The document's container nodes (mappings and lists), by tag.
    private(set) var nodes: [(node: LocatedNode, path: NodePath)] = []
    /// The tree to hand to Lua (through `LuaState.readOnly`).
    private(set) var value: LuaValue = .nil

    init(document: DescriptorDocument) {
        value = convert(document.root, path: .root)
    }

    private mutating func convert(_ node: LocatedNode, path: NodePath) -> LuaValue {
        switch node.content {
        case .scalar(let scalar):
            return scalar.value.luaValue
        case .sequence(let elements):
            let tag = nodes.count
            nodes.append((node, path))
            var table = LuaTable(tag: tag)
            table.array.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                // A scalar needs no path: only containers are found again by tag.
                table.array.append(element.scalar?.value.luaValue ?? convert(element, path: path.appending(index)))
            }
            return .table(table)
        case .mapping(let entries):
            let tag = nodes.count
            nodes.append((node, path))
            var table = LuaTable(tag: tag)
            for entry in entries {
                let value = entry.value.scalar?.value.luaValue ?? convert(entry.value, path: path.appending(entry.key))
                if !value.isNil { table[entry.key] = value }
            }
            return .table(table)
        }
    }

    /// Where a finding that points at node `tag` (and its `key`, if given) belongs.
    func location(tag: Int, key: String?) -> (SourceLocation, NodePath)? {
        guard nodes.indices.contains(tag) else { return nil }
        let (node, path) = nodes[tag]
        guard let key else { return (node.location, path) }
        if let entry = node.entry(forKey: key) {
            // A scalar value: its key's line; a mapping or list: where it starts.
            let location = entry.value.scalar == nil ? entry.value.location : entry.keyLocation
            return (location, path.appending(key))
        }
        if let index = Int(key), let element = node[index - 1] {
            return (element.location, path.appending(index - 1))
        }
        return (node.location, path)
    }
}
