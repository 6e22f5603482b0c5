import CLua

extension LuaState {
    /// An estimate of the bytes reachable from `roots` — tables, strings, functions and their
    /// upvalues, userdata — counting each object once and leaving out what `shared` reaches
    /// through itself, the shared globals and the environments' common metatable.
    ///
    /// The host measures what a script keeps between calls this way: pass its environment and
    /// functions as `roots`, and what every script shares (host libraries, the value being
    /// evaluated) as `shared`. The walk stops as soon as the count passes `limit`, so it costs
    /// at most what the limit allows; the result is then above `limit`. Sizes follow Lua 5.4's
    /// own layout on a 64-bit machine (see `retained.h`). Call it between calls, never from a
    /// host function.
    public func retainedBytes(of roots: [LuaValue], excluding shared: [LuaValue] = [], upTo limit: Int) -> Int {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        guard callDepth == 0, lua_checkstack(L, 8) != 0 else { return 0 }
        do {
            lua_pushcclosure(L, clua_retained_function, 0)
            lua_createtable(L, Int32(clamping: roots.count), 0)
            for (index, root) in roots.enumerated() {
                try push(root)
                lua_rawseti(L, -2, lua_Integer(index + 1))
            }
            lua_createtable(L, 0, Int32(clamping: shared.count + 2))
            lua_rawgeti(L, clua_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
            clua_retained_exclude(L, -1, -2)
            clua_pop(L, 1)
            lua_rawgeti(L, clua_registryindex(), lua_Integer(environmentMetatableSlot))
            clua_retained_exclude(L, -1, -2)
            clua_pop(L, 1)
            for value in shared {
                try push(value)
                clua_retained_exclude(L, -1, -2)
                clua_pop(L, 1)
            }
        } catch {
            return 0
        }
        lua_pushinteger(L, lua_Integer(max(0, limit)))
        guard lua_pcallk(L, 3, 1, 0, 0, nil) == LUA_OK else { return limit &+ 1 }
        return Int(clua_tointeger(L, -1, nil))
    }
}
