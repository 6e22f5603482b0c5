import CLua

/// The globals of one script: its own table, which reads through to the shared sandbox.
///
/// What a script assigns to a global stays in its environment; every other script keeps seeing
/// the shared globals unchanged. `_G` is the environment itself.
public struct LuaEnvironment: Sendable, Hashable {
    public let table: LuaReference
}

extension LuaState {
    /// A new environment with `globals` of its own.
    public func makeEnvironment(_ globals: [String: LuaValue] = [:]) throws(LuaError) -> LuaEnvironment {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        lua_createtable(L, 0, Int32(clamping: globals.count + 1))
        let environment = lua_gettop(L)
        for (name, value) in globals.sorted(by: { $0.key < $1.key }) {
            try push(value)
            rawSetField(environment, name)
        }
        lua_pushvalue(L, environment)
        rawSetField(environment, "_G")
        lua_rawgeti(L, clua_registryindex(), lua_Integer(environmentMetatableSlot))
        lua_setmetatable(L, environment)
        return LuaEnvironment(table: popReference())
    }

    /// Sets `name` in the shared globals every environment reads (for host libraries such as
    /// `cadre`). Pass a read-only value (``readOnly(_:)``) if scripts must not change it.
    public func setGlobal(_ name: String, _ value: LuaValue) throws(LuaError) {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try ensureStack(3)
        lua_rawgeti(L, clua_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        try push(value)
        rawSetField(-2, name)
    }

    /// A read-only copy of `value`: tables (and every table inside) become read-only trees, which
    /// scripts can read, iterate in the host's order, and measure with `#`, but never change.
    /// Tables with a ``LuaTable/tag`` keep it, readable by host functions with ``LuaCall/tag(_:)``.
    ///
    /// With `fallback` (a table, usually read-only itself), keys the root does not hold are looked
    /// up there: the engine hands each system to rules this way, its methods (`system:holds(…)`)
    /// in the fallback. The tree's own keys come first.
    public func readOnly(_ value: LuaValue, fallback: LuaValue? = nil) throws(LuaError) -> LuaValue {
        guard case .table(let table) = value else { return value }
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try pushTable(table, depth: 0, readOnly: true)
        if let fallback { try attach(fallback) }
        return .reference(popReference())
    }

    /// A read-only copy of `table` (as ``readOnly(_:fallback:)``) whose reads of the fields
    /// `watching` names are noted: each read sets the field's bit in what ``takeReadings()``
    /// returns. Reading it raw (`next`, `rawget`, `pairs`) sets every watched bit. The host learns
    /// this way what scripts actually read (`ctx.as_of`, say), whatever they are written like.
    public func readOnly(_ table: LuaTable, watching: [String: Int]) throws(LuaError) -> LuaValue {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try ensureStack(4)
        lua_createtable(L, 0, Int32(clamping: watching.count))
        for (key, bit) in watching {
            lua_pushinteger(L, lua_Integer(bit))
            rawSetField(-2, key)
        }
        try pushTable(table, depth: 0, readOnly: true)
        clua_watch(L)
        return .reference(popReference())
    }

    /// The bits of the watched fields scripts read since the last call (see
    /// ``readOnly(_:watching:)``), and forgets them.
    public func takeReadings() -> Int {
        defer { control.pointee.readings = 0 }
        return Int(control.pointee.readings)
    }

    /// Makes the read-only tree on the top of the stack look keys it does not hold up in `fallback`.
    func attach(_ fallback: LuaValue) throws(LuaError) {
        _ = clua_readonly_target(L, -1)
        lua_createtable(L, 0, 1)
        try push(fallback)
        rawSetField(-2, "__index")
        lua_setmetatable(L, -2)
        clua_pop(L, 1)
    }
}
