import CLua

/// Writes a read-only tree into Lua table by table, for a host whose data is a tree of its own:
/// the tree ``LuaState/readOnly(_:fallback:)`` makes of the same data as a ``LuaTable``, without
/// building that ``LuaTable`` first.
///
/// Each value goes where the table being written expects it: at the key named just before it,
/// or else at the next position of the table's sequence. A table is a value too: it starts with
/// ``beginTable(tag:elements:fields:)``, takes its values, and ends with ``endTable()``.
///
/// ```swift
/// let system = try lua.readOnlyTree { tree throws(LuaError) in
///     try tree.beginTable(tag: 0, fields: 2)
///     tree.key("id")
///     try tree.value("voicebot")
///     tree.key("channels")
///     try tree.beginTable(tag: 1, elements: 2)
///     try tree.value("phone")
///     try tree.value("chat")
///     try tree.endTable()
///     try tree.endTable()
/// }
/// ```
///
/// As in a ``LuaTable``: a nil value at a key is no field, `pairs` lists fields in the order they
/// were written, and a key written twice keeps its first place and takes the later value.
public struct LuaTreeWriter {
    /// A table being written: on the Lua stack, its metatable-to-be and itself.
    private struct OpenTable {
        var tag: Int?
        /// Values written to the sequence so far.
        var elements: Int = 0
        /// Distinct keys given a non-nil value so far.
        var keys: Int = 0
        /// A key waits, on the top of the stack, for its value.
        var keyPending = false
    }

    /// The root, once written.
    enum Root {
        /// A table, now on the top of the stack.
        case table
        /// Another value, which needs no tree.
        case value(LuaValue)
    }

    private let state: LuaState
    private var open: [OpenTable] = []
    private(set) var root: Root?

    init(state: LuaState) {
        self.state = state
        open.reserveCapacity(16)
    }

    // swift-format-ignore: AlwaysUseLowerCamelCase
    private var L: OpaquePointer { state.L }

    /// Starts a read-only table as the next value, tagged with `tag` (``LuaCall/tag(_:)`` reads
    /// it), sized for `elements` values in its sequence and `fields` keys.
    public mutating func beginTable(tag: Int? = nil, elements: Int = 0, fields: Int = 0) throws(LuaError) {
        guard root == nil else { throw LuaError(.host, "the tree is complete: no value can follow its root") }
        guard open.count < state.options.maxValueDepth else {
            throw LuaError(.host, "table nesting deeper than \(state.options.maxValueDepth) levels")
        }
        try state.ensureStack(6)
        clua_tree_open(L, Int32(clamping: elements), Int32(clamping: fields), tag == nil ? 0 : 1)
        open.append(OpenTable(tag: tag))
    }

    /// Names the key of the next value written into the current table.
    public mutating func key(_ name: String) throws(LuaError) {
        guard let last = open.indices.last, !open[last].keyPending else {
            throw LuaError(
                .host, open.isEmpty ? "a key needs a table to belong to" : "a key needs a value before the next key")
        }
        state.pushString(name)
        open[last].keyPending = true
    }

    /// Writes `value` (a table becomes a read-only tree, as with ``LuaState/readOnly(_:fallback:)``).
    public mutating func value(_ value: LuaValue) throws(LuaError) {
        guard root == nil else { throw LuaError(.host, "the tree is complete: no value can follow its root") }
        guard !open.isEmpty else {
            if case .table(let table) = value {
                try state.pushTable(table, depth: 0, readOnly: true)
                root = .table
            } else {
                root = .value(value)
            }
            return
        }
        try state.ensureStack(2)
        if case .table(let table) = value {
            try state.pushTable(table, depth: open.count, readOnly: true)
        } else {
            try state.push(value)
        }
        store()
    }

    /// Ends the current table, which becomes a value of the table around it (or the root).
    public mutating func endTable() throws(LuaError) {
        guard let table = open.popLast() else { throw LuaError(.host, "no table to end") }
        guard !table.keyPending else { throw LuaError(.host, "a key needs a value before its table ends") }
        clua_tree_close(L, lua_Integer(table.tag ?? 0), table.tag == nil ? 0 : 1, lua_Integer(table.keys))
        if open.isEmpty {
            root = .table
        } else {
            store()
        }
    }

    /// Puts the value on the top of the stack where the current table expects it.
    private mutating func store() {
        let last = open.count - 1
        if open[last].keyPending {
            open[last].keyPending = false
            open[last].keys += Int(clua_tree_setfield(L, lua_Integer(open[last].keys)))
        } else {
            open[last].elements += 1
            lua_rawseti(L, -2, lua_Integer(open[last].elements))
        }
    }
}

extension LuaState {
    /// A read-only tree that `write` writes table by table: what ``readOnly(_:fallback:)`` gives
    /// for the same tree as a ``LuaValue``, `fallback` included, without that value being built.
    public func readOnlyTree(
        fallback: LuaValue? = nil, _ write: (inout LuaTreeWriter) throws(LuaError) -> Void
    ) throws(LuaError) -> LuaValue {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        var writer = LuaTreeWriter(state: self)
        try write(&writer)
        switch writer.root {
        case nil:
            throw LuaError(.host, "the tree was not written to its end")
        case .value(let value):
            return value
        case .table:
            if let fallback { try attach(fallback) }
            return .reference(popReference())
        }
    }
}
