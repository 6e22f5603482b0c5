import CLua

/// Lua's own, unsandboxed state with every standard library: the reference the sandbox's
/// reimplementations are compared with. Tests only.
final class NativeLua {
    /// The state, named `L` as in Lua's C API.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    let L: OpaquePointer

    init() {
        L = luaL_newstate()
        luaL_openlibs(L)
    }

    deinit { lua_close(L) }

    /// Runs `source` and returns its single string result, or the error message.
    func run(_ source: String) -> String {
        defer { lua_settop(L, 0) }
        guard luaL_loadstring(L, source) == LUA_OK, clua_pcall(L, 0, 1) == LUA_OK else {
            return "error: " + String(cString: lua_tolstring(L, -1, nil))
        }
        var length = 0
        guard let bytes = lua_tolstring(L, -1, &length) else { return "nil" }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
}
