import CLua

extension LuaState {
    /// Turns the error object on the top of the stack into a ``LuaError`` and pops it.
    ///
    /// The kind comes from the control block (a limit hit is sticky), then from the status, then
    /// from whether the host raised the object. The location comes from the message's
    /// `file:line:` prefix when it names a loaded chunk, else from the innermost Lua frame the
    /// message handler saw.
    func popError(status: Int32, nested: Bool) -> LuaError {
        let c = control.pointee
        var kind: LuaError.Kind =
            switch c.limit_hit {
            case Int32(CLUA_LIMIT_MEMORY): .memoryLimit
            case Int32(CLUA_LIMIT_INSTRUCTIONS): .instructionLimit
            case Int32(CLUA_LIMIT_DEADLINE): .deadline
            default: status == LUA_ERRMEM ? .memoryLimit : (c.error_was_host != 0 ? .host : .runtime)
            }
        if status == LUA_ERRSYNTAX { kind = .syntax }

        var traceback: String? = nil
        if status == LUA_ERRRUN || status == LUA_ERRERR {
            lua_getfield(L, clua_registryindex(), "cadre.host.traceback")
            if lua_type(L, -1) == LUA_TSTRING { traceback = string(at: -1) }
            clua_pop(L, 1)
            lua_pushnil(L)
            lua_setfield(L, clua_registryindex(), "cadre.host.traceback")
        }

        var message = errorMessage(atTop: nested)
        clua_pop(L, 1)
        if let limitMessage = limitMessage(kind) { message = limitMessage }

        let hostError = kind == .host ? raisedHostError : nil
        if let (file, line, rest) = splitLocation(message) {
            return LuaError(kind, rest, file: file, line: line, traceback: traceback, hostError: hostError)
        }
        let (file, line) = recordedLocation()
        return LuaError(kind, message, file: file, line: line, traceback: traceback, hostError: hostError)
    }

    /// The error of a call that returned normally after hitting a limit (caught by `pcall`).
    func limitError() -> LuaError {
        let kind: LuaError.Kind =
            switch control.pointee.limit_hit {
            case Int32(CLUA_LIMIT_INSTRUCTIONS): .instructionLimit
            case Int32(CLUA_LIMIT_DEADLINE): .deadline
            default: .memoryLimit
            }
        let (file, line) = recordedLocation()
        return LuaError(kind, limitMessage(kind) ?? "limit exceeded", file: file, line: line)
    }

    /// Where the message handler (or the allocator, for a refused allocation) saw the error.
    private func recordedLocation() -> (String?, Int?) {
        guard control.pointee.error_line > 0 else { return (nil, nil) }
        let source = withUnsafeBytes(of: control.pointee.error_source) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        return (chunkFile(forSource: source), Int(control.pointee.error_line))
    }

    /// The message of a limit error, naming the limit as the host set it.
    func limitMessage(_ kind: LuaError.Kind) -> String? {
        switch kind {
        case .memoryLimit:
            "memory limit exceeded: a call may allocate \(armedLimits.memoryBytes) bytes"
        case .instructionLimit:
            "instruction limit exceeded: a call may run \(armedLimits.instructions) instructions"
        case .deadline:
            "deadline exceeded: a call may take \(armedLimits.deadline.map { "\($0)" } ?? "any time")"
        default:
            nil
        }
    }

    /// The error object on the top of the stack as text. Never runs a script's code outside limits:
    /// a `__tostring` is tried under small limits of its own, and a failure is described instead.
    private func errorMessage(atTop nested: Bool) -> String {
        switch lua_type(L, -1) {
        case LUA_TSTRING, LUA_TNUMBER:
            return text(at: -1, limit: LuaError.messageLimit)
        case LUA_TNIL:
            return "(error object is a nil value)"
        case let type:
            let typeName = String(cString: lua_typename(L, type))
            if !nested, luaL_getmetafield(L, -1, "__tostring") != LUA_TNIL {
                clua_pop(L, 1)
                if let text = formatWithToString(atTop: true) { return text }
                return "(error object is a \(typeName) value whose __tostring failed)"
            }
            return "(error object is a \(typeName) value)"
        }
    }

    /// Calls Lua's `tostring` on the value on the top of the stack under ``LuaLimits/errorFormatting``.
    private func formatWithToString(atTop: Bool) -> String? {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        guard lua_checkstack(L, 3) != 0 else { return nil }
        lua_rawgeti(L, clua_registryindex(), lua_Integer(tostringSlot))
        lua_pushvalue(L, top)
        arm(.errorFormatting)
        callDepth = 1
        let status = clua_pcall(L, 1, 1)
        callDepth = 0
        let hit = control.pointee.limit_hit
        clua_disarm(L)
        guard status == LUA_OK, hit == 0, lua_type(L, -1) == LUA_TSTRING else {
            if hit != 0 { clua_collect(L) }
            return nil
        }
        return text(at: -1, limit: LuaError.messageLimit)
    }

    /// Splits `chunk:line: message` when `chunk` is the short name of a loaded chunk.
    func splitLocation(_ message: String) -> (String, Int, String)? {
        let bytes = Array(message.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: ":") else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, bytes[end] >= 48, bytes[end] <= 57 { end += 1 }
            if end > index + 1, end + 1 < bytes.count, bytes[end] == UInt8(ascii: ":"),
                bytes[end + 1] == UInt8(ascii: " ")
            {
                let source = String(decoding: bytes[..<index], as: UTF8.self)
                if let file = chunkNames[source],
                    let line = Int(String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
                {
                    return (file, line, String(decoding: bytes[(end + 2)...], as: UTF8.self))
                }
            }
            index += 1
        }
        return nil
    }

    /// The host's name of the chunk whose Lua source (`@name`) is `source`.
    func chunkFile(forSource source: String) -> String {
        if source.hasPrefix("@") || source.hasPrefix("=") { return String(source.dropFirst()) }
        return "[string]"
    }

    /// Lua's short form of the chunk name `@name` (`luaO_chunkid`): at most 59 bytes, with
    /// `...` in front of a name that was cut.
    static func shortSource(_ name: String) -> String {
        let limit = Int(LUA_IDSIZE) - 1
        let bytes = Array(name.utf8)
        if bytes.count <= limit { return name }
        return "..." + String(decoding: bytes.suffix(limit - 3), as: UTF8.self)
    }
}
