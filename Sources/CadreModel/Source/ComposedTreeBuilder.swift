/// What builds a tree from a document read event by event (``EventComposer``, and
/// ``DocumentParser/compose(_:file:into:)``): each container as it begins and ends, each key of
/// a mapping before its value, each scalar, in the document's order. The composer has checked
/// each of them (keys all different and scalar, limits); a builder answers false to stop, and
/// the document is then composed the established way.
public protocol ComposedTreeBuilder {
    /// A list (`mapping: false`) or a mapping begins, as the next value.
    mutating func begin(mapping: Bool, at location: SourceLocation) -> Bool
    /// The key of the next value of the current mapping.
    mutating func key(_ text: String, at location: SourceLocation) -> Bool
    /// A scalar, as the next value.
    mutating func scalar(_ scalar: Scalar, at location: SourceLocation) -> Bool
    /// The current container ends: it is complete as a value.
    mutating func end() -> Bool
}

/// Builds the ``LocatedNode`` tree of a document, in place on its own stack (an append never
/// copies what came before).
struct LocatedTreeBuilder: ComposedTreeBuilder {
    /// A container being filled: its location, and its elements or entries so far.
    private struct Frame {
        let isMapping: Bool
        let location: SourceLocation
        var elements: [LocatedNode] = []
        var entries: [LocatedNode.Entry] = []
        /// A mapping's key read, waiting for its value.
        var pendingKey: (text: String, location: SourceLocation)?
    }

    private var stack: [Frame] = []
    /// The document's tree, once complete.
    private(set) var root: LocatedNode?

    mutating func begin(mapping: Bool, at location: SourceLocation) -> Bool {
        stack.append(Frame(isMapping: mapping, location: location))
        return true
    }

    mutating func key(_ text: String, at location: SourceLocation) -> Bool {
        guard let last = stack.indices.last else { return false }
        stack[last].pendingKey = (text, location)
        return true
    }

    mutating func scalar(_ scalar: Scalar, at location: SourceLocation) -> Bool {
        add(LocatedNode(.scalar(scalar), at: location))
    }

    mutating func end() -> Bool {
        guard let frame = stack.popLast() else { return false }
        return add(
            LocatedNode(frame.isMapping ? .mapping(frame.entries) : .sequence(frame.elements), at: frame.location))
    }

    private mutating func add(_ node: LocatedNode) -> Bool {
        guard let last = stack.indices.last else {
            root = node
            return true
        }
        guard stack[last].isMapping else {
            stack[last].elements.append(node)
            return true
        }
        guard let (key, keyLocation) = stack[last].pendingKey else { return false }
        stack[last].entries.append(LocatedNode.Entry(key: key, keyLocation: keyLocation, value: node))
        stack[last].pendingKey = nil
        return true
    }
}
