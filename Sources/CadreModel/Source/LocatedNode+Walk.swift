extension LocatedNode {
    /// A node met while walking a tree, with the path that leads to it.
    public struct Visit: Sendable, Hashable {
        /// Where the node sits, from the root of the walk.
        public var path: NodePath
        /// The node.
        public var node: LocatedNode
    }

    /// Every node of this tree, this one first, in document order (depth first; a mapping's
    /// values in the order of their keys).
    ///
    /// The rule engine uses it to build location tags for every table it gives Lua; diagnostics
    /// and reports use the paths.
    public func descendants() -> [Visit] {
        var visits: [Visit] = []
        walk(from: .root) { path, node in visits.append(Visit(path: path, node: node)) }
        return visits
    }

    /// Calls `visit` for this node and every node below it, depth first, in document order.
    public func walk(from path: NodePath = .root, _ visit: (NodePath, LocatedNode) -> Void) {
        visit(path, self)
        switch content {
        case .scalar: break
        case .sequence(let elements):
            for (index, element) in elements.enumerated() { element.walk(from: path.appending(index), visit) }
        case .mapping(let entries):
            for entry in entries { entry.value.walk(from: path.appending(entry.key), visit) }
        }
    }

    /// The node at `path` below this one, if there is one.
    public func node(at path: NodePath) -> LocatedNode? {
        var node = self
        for component in path.components {
            switch component {
            case .key(let key):
                guard let next = node[key] else { return nil }
                node = next
            case .index(let index):
                guard let next = node[index] else { return nil }
                node = next
            }
        }
        return node
    }

    /// The location of the node at `path`, or of the key that names it when `pointingAtKey`
    /// is true (findings about a whole field read better on its key).
    public func location(of path: NodePath, pointingAtKey: Bool = false) -> SourceLocation? {
        guard pointingAtKey, case .key(let key)? = path.components.last else {
            return node(at: path)?.location
        }
        let parent = NodePath(Array(path.components.dropLast()))
        return node(at: parent)?.entry(forKey: key)?.keyLocation
    }
}
