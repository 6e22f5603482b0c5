import CLua
import Foundation

extension LuaState {
    /// Compiles `source` (text only: binary chunks are refused) as the chunk `name`, which errors
    /// and tracebacks show as `name:line`. The chunk runs in `environment`, or in a new one.
    /// - Returns: the chunk, a function to ``call(_:_:limits:)``.
    /// - Throws: ``LuaError`` of kind `.syntax` with the line of the problem, or `.memoryLimit`.
    public func load(_ source: String, name: String, environment: LuaEnvironment? = nil) throws(LuaError) -> LuaValue {
        let bytes = Array(source.utf8)
        return try bytes.withUnsafeBufferPointer { (bytes) throws(LuaError) in
            try load(bytes: bytes, name: name, environment: environment)
        }
    }

    func load(bytes: UnsafeBufferPointer<UInt8>, name: String, environment: LuaEnvironment?) throws(LuaError)
        -> LuaValue
    {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        chunkNames[LuaState.shortSource(name)] = name
        let environment = if let environment { environment } else { try makeEnvironment() }
        // Inside a call (a host function compiling a chunk), the call's limits go on.
        let nested = callDepth > 0
        if !nested { arm(limits, instructions: false) }
        let status = bytes.withMemoryRebound(to: CChar.self) { chars in
            ("@" + name).withCString { clua_loadtext(L, chars.baseAddress, chars.count, $0) }
        }
        if status != LUA_OK {
            var error = popError(status: status, nested: nested)
            if !nested { clua_disarm(L) }
            if error.file == nil { error.file = name }
            throw error
        }
        if !nested { clua_disarm(L) }
        try pushReference(environment.table)
        _ = lua_setupvalue(L, -2, 1)
        return .reference(popReference())
    }
}
