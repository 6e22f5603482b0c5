import CYaml

/// Builds a tree straight from libyaml's events, without Yams' node tree in between — a
/// ``LocatedNode`` tree, or any other a ``ComposedTreeBuilder`` makes (an importer's inputs go
/// straight into Lua) — for the documents descriptors are: one document, scalar keys all different, no anchors, aliases,
/// merge keys or tags that would need them, within the depth and size limits.
///
/// It answers nil for anything else — a syntax error, a second document, an anchor or alias, a
/// merge key, a complex or repeated key, a limit passed — and the caller then composes the text
/// the established way (Yams' composer and ``NodeConversion``), which says what is wrong exactly
/// as before. For the documents it does compose, the tree is the same: the same scalars and styles,
/// the same locations (libyaml's marks, 1-based), the same order of entries (a test compares the
/// two on every descriptor and fixture of the repository).
///
/// The walk keeps its own stack, so nesting never deepens the thread's. It checks what makes a
/// document usual (keys, limits); the builder only builds.
enum EventComposer {
    /// What a composition came to.
    enum Outcome {
        /// The document went to the builder.
        case composed
        /// The stream holds no document.
        case empty
        /// Something unusual (or the builder stopped): compose it the established way.
        case handedBack
    }

    /// `.some(nil)`: an empty stream (no document); nil: compose it the established way.
    static func compose(_ text: String, file: String, limits: ParseLimits) -> LocatedNode?? {
        var builder = LocatedTreeBuilder()
        switch compose(text, file: file, limits: limits, into: &builder) {
        case .composed: return .some(builder.root)
        case .empty: return .some(nil)
        case .handedBack: return nil
        }
    }

    /// Hands the document of `text` to `builder`, event by event, when it is usual.
    static func compose<Builder: ComposedTreeBuilder>(
        _ text: String, file: String, limits: ParseLimits, into builder: inout Builder
    ) -> Outcome {
        var text = text
        return text.withUTF8 { bytes in compose(bytes, file: file, limits: limits, into: &builder) }
    }

    /// A container being read: whether it is a mapping, its keys so far, and whether a key waits
    /// for its value.
    private struct Level {
        let isMapping: Bool
        var keys: Set<String> = []
        var keyPending = false
    }

    private static func compose<Builder: ComposedTreeBuilder>(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, limits: ParseLimits, into builder: inout Builder
    ) -> Outcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .handedBack }
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

        guard next() == YAML_STREAM_START_EVENT, let first = next() else { return .handedBack }
        if first == YAML_STREAM_END_EVENT { return .empty }
        guard first == YAML_DOCUMENT_START_EVENT else { return .handedBack }

        var levels: [Level] = []
        var count = 0
        var done = false
        func location() -> SourceLocation {
            SourceLocation(file: file, line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        }
        /// A value is complete: the root, or the value its mapping's key waited for.
        func valueEnded() {
            guard let last = levels.indices.last else {
                done = true
                return
            }
            levels[last].keyPending = false
        }

        while !done {
            guard let type = next() else { return .handedBack }
            // Any scalar may be a key, as in the established way; a container may not.
            let isKey = levels.last.map { $0.isMapping && !$0.keyPending } ?? false
            // Values are counted as the established way counts them: every scalar, list and
            // mapping, but not a mapping's keys.
            if type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT
                || (type == YAML_SCALAR_EVENT && !isKey)
            {
                count += 1
                guard count <= limits.maxNodes else { return .handedBack }
            }
            switch type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil,
                    scalar.tag == nil || scalar.quoted_implicit == 1 || scalar.plain_implicit == 1,
                    let style = Self.style(scalar.style)
                else { return .handedBack }
                let text = String(
                    decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                if isKey {
                    // A key: not yet in this mapping, not a merge key.
                    let last = levels.count - 1
                    guard text != "<<", levels[last].keys.insert(text).inserted, builder.key(text, at: location())
                    else { return .handedBack }
                    levels[last].keyPending = true
                } else {
                    guard builder.scalar(Scalar(text: text, style: style), at: location()) else { return .handedBack }
                    valueEnded()
                }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = type == YAML_MAPPING_START_EVENT
                let (anchor, implicit) =
                    isMapping
                    ? (event.data.mapping_start.anchor, event.data.mapping_start.implicit)
                    : (event.data.sequence_start.anchor, event.data.sequence_start.implicit)
                guard anchor == nil, implicit != 0, !isKey, levels.count < limits.maxDepth,
                    builder.begin(mapping: isMapping, at: location())
                else { return .handedBack }
                levels.append(Level(isMapping: isMapping))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let level = levels.popLast(), level.isMapping == (type == YAML_MAPPING_END_EVENT),
                    !level.keyPending, builder.end()
                else { return .handedBack }
                valueEnded()
            default:
                // An alias, or an event out of place: the established way.
                return .handedBack
            }
        }
        guard next() == YAML_DOCUMENT_END_EVENT, next() == YAML_STREAM_END_EVENT else { return .handedBack }
        return .composed
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
