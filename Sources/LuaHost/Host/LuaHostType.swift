import CLua

/// A kind of Swift object scripts can hold: a userdata with a protected metatable. Scripts call
/// its methods (`store:count(...)`) but cannot change, replace or inspect its metatable.
public struct LuaHostType<Object: AnyObject>: Sendable {
    /// The type's name, as `tostring` and argument errors show it.
    public let name: String

    /// The type named `name` (define it in each state with ``LuaState/defineType(_:name:methods:index:)``).
    public init(name: String) { self.name = name }
}

extension LuaState {
    /// Defines a host type named `name` with `methods`, and optionally `index`, a function called
    /// with `(object, key)` for keys that are not methods.
    public func defineType<Object: AnyObject>(
        _ type: Object.Type, name: String, methods: [String: HostFunction] = [:], index: HostFunction? = nil
    ) -> LuaHostType<Object> {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        _ = luaL_newmetatable(L, name)
        lua_createtable(L, 0, Int32(methods.count))
        for (methodName, body) in methods.sorted(by: { $0.key < $1.key }) {
            pushFunction(methodName, body)
            lua_setfield(L, -2, methodName)
        }
        if let index {
            // __index: methods first, then the host's function.
            let methodsTable = lua_gettop(L)
            lua_pushvalue(L, methodsTable)
            let methodsSlot = luaL_ref(L, clua_registryindex())
            pushFunction("__index") { call in
                if call.count >= 2, lua_type(call.L, 2) == LUA_TSTRING {
                    lua_rawgeti(call.L, clua_registryindex(), lua_Integer(methodsSlot))
                    lua_pushvalue(call.L, 2)
                    if lua_rawget(call.L, -2) != LUA_TNIL { return 1 }
                    lua_settop(call.L, 2)
                }
                return try index(call)
            }
            clua_remove(L, methodsTable)
        }
        lua_setfield(L, -2, "__index")
        lua_pushcclosure(L, clua_hostobject_gc, 0)
        lua_setfield(L, -2, "__gc")
        pushString("host object")
        lua_setfield(L, -2, "__metatable")
        pushFunction("__tostring") { call in
            call.push(name)
            return 1
        }
        lua_setfield(L, -2, "__tostring")
        return LuaHostType(name: name)
    }

    /// `object` as a Lua value of `type` (a reference; release it when scripts no longer need it).
    public func object<Object: AnyObject>(_ object: Object, of type: LuaHostType<Object>) -> LuaValue {
        pushObject(object, of: type)
        return .reference(popReference())
    }

    func pushObject<Object: AnyObject>(_ object: Object, of type: LuaHostType<Object>) {
        let retained = Unmanaged<AnyObject>.passRetained(object).toOpaque()
        type.name.withCString { clua_pushhostobject(L, retained, $0) }
    }
}
