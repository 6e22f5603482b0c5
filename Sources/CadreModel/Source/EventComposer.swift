import CYaml

/// Builds a ``LocatedNode`` tree straight from libyaml's events, without Yams' node tree in between,
/// for the documents descriptors are: one document, scalar keys all different, no anchors, aliases,
/// merge keys or tags that would need them, within the depth and size limits.
///
/// It answers nil for anything else — a syntax error, a second document, an anchor or alias, a
/// merge key, a complex or repeated key, a limit passed — and the caller then composes the text
/// the established way (Yams' composer and ``NodeConversion``), which says what is wrong exactly
/// as before. For the documents it does compose, the tree is the same: the same scalars and styles,
/// the same locations (libyaml's marks, 1-based), the same order of entries (a test compares the
/// two on every descriptor and fixture of the repository).
///
/// The walk keeps its own stack, so nesting never deepens the thread's.
enum EventComposer {
    static func compose(_ text: String, file: String, limits: ParseLimits) -> LocatedNode?? {
        var text = text
        return text.withUTF8 { bytes in compose(bytes, file: file, limits: limits) }
    }

    /// A container being filled: its location, and its elements or entries so far. Filled in
    /// place on the stack (`stack[last]`), so an append never copies what came before.
    private struct Frame {
        let isMapping: Bool
        let location: SourceLocation
        var elements: [LocatedNode] = []
        var entries: [LocatedNode.Entry] = []
        var keys: Set<String> = []
        /// A mapping's key read, waiting for its value.
        var pendingKey: (text: String, location: SourceLocation)?
    }

    /// `.some(nil)`: an empty stream (no document); nil: compose it the established way.
    private static func compose(_ bytes: UnsafeBufferPointer<UInt8>, file: String, limits: ParseLimits)
        -> LocatedNode??
    {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

        var event = yaml_event_t()
        /// The next event, or nil on an error (the established way then says what it is).
        func next() -> yaml_event_type_t? {
            yaml_event_delete(&event)
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            return event.type
        }
        defer { yaml_event_delete(&event) }

        guard next() == YAML_STREAM_START_EVENT, let first = next() else { return nil }
        if first == YAML_STREAM_END_EVENT { return .some(nil) }
        guard first == YAML_DOCUMENT_START_EVENT else { return nil }

        var stack: [Frame] = []
        var count = 0
        var root: LocatedNode?
        func location() -> SourceLocation {
            SourceLocation(file: file, line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        }
        /// Adds a finished node to the container it belongs to; false when it cannot be taken here.
        func add(_ node: LocatedNode, keyText: String? = nil) -> Bool {
            let last = stack.count - 1
            guard last >= 0 else {
                root = node
                return true
            }
            guard stack[last].isMapping else {
                stack[last].elements.append(node)
                return true
            }
            if let (key, keyLocation) = stack[last].pendingKey {
                stack[last].entries.append(LocatedNode.Entry(key: key, keyLocation: keyLocation, value: node))
                stack[last].pendingKey = nil
                return true
            }
            // A key: a scalar, not yet in this mapping, not a merge key.
            guard let keyText, keyText != "<<", stack[last].keys.insert(keyText).inserted else { return false }
            stack[last].pendingKey = (keyText, node.location)
            return true
        }

        while root == nil {
            guard let type = next() else { return nil }
            // Values are counted as the established way counts them: every scalar, list and
            // mapping, but not a mapping's keys.
            let isKey = stack.last.map { $0.isMapping && $0.pendingKey == nil } ?? false
            if type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT
                || (type == YAML_SCALAR_EVENT && !isKey)
            {
                count += 1
                guard count <= limits.maxNodes else { return nil }
            }
            switch type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil,
                    scalar.tag == nil || scalar.quoted_implicit == 1 || scalar.plain_implicit == 1,
                    let style = Self.style(scalar.style)
                else { return nil }
                let text = String(
                    decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let node = LocatedNode(.scalar(Scalar(text: text, style: style)), at: location())
                // Any scalar may be a key, as in the established way; a container may not (`add`
                // hands it back, and the established way says why).
                guard add(node, keyText: text) else { return nil }
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                guard start.anchor == nil, start.implicit != 0, isValue(stack), stack.count < limits.maxDepth else {
                    return nil
                }
                stack.append(Frame(isMapping: false, location: location()))
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                guard start.anchor == nil, start.implicit != 0, isValue(stack), stack.count < limits.maxDepth else {
                    return nil
                }
                stack.append(Frame(isMapping: true, location: location()))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast(), frame.isMapping == (type == YAML_MAPPING_END_EVENT),
                    frame.pendingKey == nil
                else { return nil }
                let content: LocatedNode.Content = frame.isMapping ? .mapping(frame.entries) : .sequence(frame.elements)
                guard add(LocatedNode(content, at: frame.location)) else { return nil }
            default:
                // An alias, or an event out of place: the established way.
                return nil
            }
        }
        guard next() == YAML_DOCUMENT_END_EVENT, next() == YAML_STREAM_END_EVENT else { return nil }
        return .some(root)
    }

    /// Whether the next node is a value (not a mapping's key, which must be a scalar here).
    private static func isValue(_ stack: [Frame]) -> Bool {
        guard let top = stack.last, top.isMapping else { return true }
        return top.pendingKey != nil
    }

    private static func style(_ style: yaml_scalar_style_t) -> Scalar.Style? {
        switch style {
        case YAML_PLAIN_SCALAR_STYLE, YAML_ANY_SCALAR_STYLE: .plain
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: nil
        }
    }
}
