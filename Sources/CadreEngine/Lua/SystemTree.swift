import CadreModel
import LuaHost

/// A descriptor as Lua sees it: its located node tree written into Lua as read-only tables,
/// each carrying a tag, the number of its node here, so a finding points back at the YAML line.
///
/// Tags number the document's container nodes (mappings and lists) in document order, parents
/// before their children. Where a tag's node is, and its path, are worked out only when a finding
/// asks: most rules find nothing on most systems.
struct SystemTree {
    /// The document's root.
    let root: LocatedNode
    /// The container nodes by tag, once a finding has asked for one.
    private var containers: [Container]?

    /// A container node, with what leads to it from its parent.
    private struct Container {
        var node: LocatedNode
        /// The parent's tag; -1 for the root.
        var parent: Int
        /// The key or index under which the parent holds it.
        var step: NodePath.Component
    }

    init(document: DescriptorDocument) {
        root = document.root
    }

    /// The tree as a read-only Lua value, keys the document lacks looked up in `fallback`: for a
    /// rule, ``rootFallback(methods:in:)``, which also holds the root's absent collections.
    ///
    /// A collection the format declares (``DescriptorCollections``) that a part leaves out reads
    /// as an empty read-only table tagged like the part, so a finding on it points at the part.
    /// Such a part is written as a tree of its own whose fallback holds the empty table: `pairs`,
    /// `next` and `rawget` over the part see only what the document has.
    func value(in state: LuaState, fallback: LuaValue? = nil) throws(LuaError) -> LuaValue {
        try state.readOnlyTree(fallback: fallback) { writer throws(LuaError) in
            var tags = 0
            try write(root, part: .system, into: &writer, tags: &tags, in: state)
        }
    }

    /// The fallback of every system's root: the methods of systems (`system:holds(…)`), and the
    /// root's collections, each an empty read-only table tagged as the root, for descriptors that
    /// leave them out.
    static func rootFallback(methods: LuaTable, in state: LuaState) throws(LuaError) -> LuaValue {
        let empty = try state.readOnly(.table(LuaTable(tag: 0)))
        defer { if let reference = empty.referenceValue { state.release(reference) } }
        var fallback = methods
        for key in DescriptorCollections.system.keys where fallback[key] == nil { fallback[key] = empty }
        return try state.readOnly(.table(fallback))
    }

    private func write(
        _ node: LocatedNode, part: DescriptorCollections?, into writer: inout LuaTreeWriter, tags: inout Int,
        in state: LuaState
    ) throws(LuaError) {
        switch node.content {
        case .scalar(let scalar):
            try writer.value(scalar.value.luaValue)
        case .sequence(let elements):
            try writer.beginTable(tag: tags, elements: elements.count)
            tags += 1
            for element in elements { try write(element, part: part?.element, into: &writer, tags: &tags, in: state) }
            try writer.endTable()
        case .mapping(let entries):
            // The root's absent collections are in its fallback.
            let absent = tags == 0 ? [] : part?.absent(from: entries) ?? []
            guard !absent.isEmpty else {
                return try write(entries, part: part, into: &writer, tags: &tags, in: state)
            }
            let empty = try state.readOnly(.table(LuaTable(tag: tags)))
            defer { if let reference = empty.referenceValue { state.release(reference) } }
            let fallback = LuaTable(fields: absent.map { ($0, empty) })
            let mapping = try state.readOnlyTree(fallback: .table(fallback)) { own throws(LuaError) in
                try write(entries, part: part, into: &own, tags: &tags, in: state)
            }
            defer { if let reference = mapping.referenceValue { state.release(reference) } }
            try writer.value(mapping)
        }
    }

    private func write(
        _ entries: [LocatedNode.Entry], part: DescriptorCollections?, into writer: inout LuaTreeWriter, tags: inout Int,
        in state: LuaState
    ) throws(LuaError) {
        try writer.beginTable(tag: tags, fields: entries.count)
        tags += 1
        for entry in entries {
            // A null value is no field: Lua has no key without a value.
            try writer.key(entry.key)
            try write(entry.value, part: part?.part(at: entry.key), into: &writer, tags: &tags, in: state)
        }
        try writer.endTable()
    }

    /// Where a finding that points at node `tag` (and its `key`, if given) belongs.
    mutating func location(tag: Int, key: String?) -> (SourceLocation, NodePath)? {
        if containers == nil { containers = Self.containers(of: root) }
        guard let containers, containers.indices.contains(tag) else { return nil }
        let node = containers[tag].node
        let path = Self.path(of: tag, in: containers)
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

    /// The container nodes of `root`, numbered as ``value(in:fallback:)`` tags them.
    private static func containers(of root: LocatedNode) -> [Container] {
        var containers: [Container] = []
        func visit(_ node: LocatedNode, parent: Int, step: NodePath.Component) {
            switch node.content {
            case .scalar:
                return
            case .sequence(let elements):
                let tag = containers.count
                containers.append(Container(node: node, parent: parent, step: step))
                for (index, element) in elements.enumerated() { visit(element, parent: tag, step: .index(index)) }
            case .mapping(let entries):
                let tag = containers.count
                containers.append(Container(node: node, parent: parent, step: step))
                for entry in entries { visit(entry.value, parent: tag, step: .key(entry.key)) }
            }
        }
        visit(root, parent: -1, step: .index(0))
        return containers
    }

    /// The path from the root to the container tagged `tag`.
    private static func path(of tag: Int, in containers: [Container]) -> NodePath {
        var steps: [NodePath.Component] = []
        var tag = tag
        while tag > 0 {
            steps.append(containers[tag].step)
            tag = containers[tag].parent
        }
        return NodePath(steps.reversed())
    }
}
