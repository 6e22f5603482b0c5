import CLua

/// How values read from Lua treat what cannot be copied.
public enum LuaReadMode: Sendable {
    /// Only data: a function, userdata or thread is an error naming where it was found.
    case data
    /// Functions, userdata and threads become ``LuaReference``s (release them when done).
    case references
}

extension LuaState {
    // MARK: - Swift → Lua

    /// Pushes `value` onto the stack.
    func push(_ value: LuaValue, depth: Int = 0) throws(LuaError) {
        switch value {
        case .nil: lua_pushnil(L)
        case .boolean(let b): lua_pushboolean(L, b ? 1 : 0)
        case .integer(let i): lua_pushinteger(L, i)
        case .number(let d): lua_pushnumber(L, d)
        case .string(let s): pushString(s)
        case .table(let t): try pushTable(t, depth: depth, readOnly: false)
        case .reference(let r): try pushReference(r)
        }
    }

    func pushString(_ string: String) {
        var string = string
        string.withUTF8 { bytes in _ = lua_pushlstring(L, bytes.baseAddress, bytes.count) }
    }

    /// Pushes a table, read-only (with every table inside it) when `readOnly` is set.
    func pushTable(_ table: LuaTable, depth: Int, readOnly: Bool) throws(LuaError) {
        guard depth < options.maxValueDepth else {
            throw LuaError(.host, "table nesting deeper than \(options.maxValueDepth) levels")
        }
        let array = table.array
        let fields = table.fields
        // With two fields or more, `pairs` needs their order (Lua's own changes from state to state):
        // the keys go below the table, for clua_makereadonly.
        let orderedKeys = readOnly && fields.count > 1 ? fields.count : 0
        try ensureStack(orderedKeys + 4)
        for field in fields where orderedKeys > 0 {
            try checkKey(field.key)
            try push(field.key)
        }
        lua_createtable(L, Int32(clamping: array.count), Int32(clamping: fields.count))
        var index = 0
        while index < array.count {
            try pushElement(array[index], depth: depth + 1, readOnly: readOnly)
            index += 1
            lua_rawseti(L, -2, lua_Integer(index))
        }
        for field in fields {
            try checkKey(field.key)
            try push(field.key, depth: depth + 1)
            try pushElement(field.value, depth: depth + 1, readOnly: readOnly)
            lua_rawset(L, -3)
        }
        guard readOnly else { return }
        clua_makereadonly(L, lua_Integer(table.tag ?? 0), table.tag == nil ? 0 : 1, Int32(orderedKeys))
    }

    private func pushElement(_ element: LuaValue, depth: Int, readOnly: Bool) throws(LuaError) {
        if readOnly, case .table(let inner) = element {
            try pushTable(inner, depth: depth, readOnly: true)
        } else {
            try push(element, depth: depth)
        }
    }

    /// Lua refuses `nil` and NaN as table keys (with an error the host must not raise).
    private func checkKey(_ key: LuaValue) throws(LuaError) {
        switch key {
        case .nil: throw LuaError(.host, "a table key cannot be nil")
        case .number(let d) where d.isNaN: throw LuaError(.host, "a table key cannot be NaN")
        default: break
        }
    }

    // MARK: - Lua → Swift

    /// The value at stack `index`, copied. Read-only trees are read through to their data.
    ///
    /// A copy costs host memory the script's limits no longer govern, and a script can make a
    /// small value copy large (tables that share sub-tables are copied once per path): a copy
    /// may take at most ``copyAllowance`` bytes, counting 64 bytes a value and the bytes of every
    /// string. Past it, the copy stops with a memory-limit error.
    func value(at index: Int32, mode: LuaReadMode = .data) throws(LuaError) -> LuaValue {
        var budget = CopyBudget(bytes: copyAllowance)
        return try value(at: index, mode: mode, budget: &budget)
    }

    /// The value at stack `index`, copied within what is left of `budget` (shared by the copies
    /// of several calls, see ``call(_:_:limits:mode:budget:)``).
    func value(at index: Int32, mode: LuaReadMode, budget: inout CopyBudget) throws(LuaError) -> LuaValue {
        var ancestors: [UnsafeRawPointer] = []
        do {
            return try value(at: lua_absindex(L, index), mode: mode, depth: 0, ancestors: &ancestors, budget: &budget)
        } catch {
            if error.kind == .memoryLimit, callDepth > 0 { clua_refuse_memory(control) }
            var error = error
            if error.message.hasPrefix("at .") {
                error.message.remove(at: error.message.index(error.message.startIndex, offsetBy: 3))
            }
            throw error
        }
    }

    /// What a copy into the host may take: inside a call, what the call may still allocate;
    /// after one, what it was allowed.
    var copyAllowance: Int {
        if callDepth > 0 { return Int(clamping: clua_memory_left(control)) }
        return copyAllowance(under: armedLimits)
    }

    /// What the copy of what a call under `limits` returned may take: its memory limit (at least
    /// 1 MiB), or the state's ceiling without one.
    public func copyAllowance(under limits: LuaLimits) -> Int {
        limits.memoryBytes > 0 ? max(limits.memoryBytes, 1 << 20) : options.memoryCeiling
    }

    private func value(
        at index: Int32, mode: LuaReadMode, depth: Int, ancestors: inout [UnsafeRawPointer], budget: inout CopyBudget
    ) throws(LuaError) -> LuaValue {
        try budget.spend(64)
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE:
            return .nil
        case LUA_TBOOLEAN:
            return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if clua_isinteger(L, index) != 0 { return .integer(clua_tointeger(L, index, nil)) }
            return .number(clua_tonumber(L, index, nil))
        case LUA_TSTRING:
            try budget.spend(Int(lua_rawlen(L, index)))
            return .string(string(at: index))
        case LUA_TTABLE:
            if clua_readonly_target(L, index) != 0 {
                defer { clua_pop(L, 1) }
                return try value(at: lua_gettop(L), mode: mode, depth: depth, ancestors: &ancestors, budget: &budget)
            }
            return .table(try table(at: index, mode: mode, depth: depth, ancestors: &ancestors, budget: &budget))
        case let type:
            guard mode == .references else {
                throw LuaError(.host, "a \(String(cString: lua_typename(L, type))) value cannot be copied to the host")
            }
            lua_pushvalue(L, index)
            return .reference(popReference())
        }
    }

    private func table(
        at index: Int32, mode: LuaReadMode, depth: Int, ancestors: inout [UnsafeRawPointer], budget: inout CopyBudget
    ) throws(LuaError) -> LuaTable {
        guard depth < options.maxValueDepth else {
            throw LuaError(.host, "table nesting deeper than \(options.maxValueDepth) levels")
        }
        guard let identity = lua_topointer(L, index) else { return LuaTable() }
        guard !ancestors.contains(identity) else {
            throw LuaError(.host, "a table contains itself (a cycle)")
        }
        ancestors.append(identity)
        defer { ancestors.removeLast() }
        try ensureStack(4)

        let length = Int(lua_rawlen(L, index))
        var array: [LuaValue] = []
        array.reserveCapacity(length)
        for position in 0..<length {
            lua_rawgeti(L, index, lua_Integer(position + 1))
            defer { clua_pop(L, 1) }
            do {
                array.append(
                    try value(at: lua_gettop(L), mode: mode, depth: depth + 1, ancestors: &ancestors, budget: &budget))
            } catch {
                throw error.at("[\(position + 1)]")
            }
        }
        var fields: [(LuaValue, LuaValue)] = []
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            let keyIndex = lua_gettop(L) - 1
            if clua_isinteger(L, keyIndex) != 0 {
                let position = clua_tointeger(L, keyIndex, nil)
                if position >= 1, position <= length {
                    clua_pop(L, 1)
                    continue
                }
            }
            let key: LuaValue
            let element: LuaValue
            do {
                key = try value(at: keyIndex, mode: mode, depth: depth + 1, ancestors: &ancestors, budget: &budget)
            } catch {
                clua_pop(L, 2)
                throw error.at("(key)")
            }
            do {
                element = try value(
                    at: keyIndex + 1, mode: mode, depth: depth + 1, ancestors: &ancestors, budget: &budget)
            } catch {
                clua_pop(L, 2)
                throw error.at(key.pathComponent)
            }
            clua_pop(L, 1)
            fields.append((key, element))
        }
        // Lua lists fields in an order that changes from state to state: sort them.
        fields.sort { LuaValue.keyOrder($0.0, $1.0) }
        var table = LuaTable(array: array)
        for (key, element) in fields { table[key] = element }
        return table
    }

    /// The string (or number, converted) at `index` as ``TextLimit`` keeps it: at most `limit`
    /// bytes, and a note of what was cut.
    func text(at index: Int32, limit: Int) -> String {
        var length = 0
        guard let bytes = clua_tolstring(L, index, &length) else { return "" }
        return bytes.withMemoryRebound(to: UInt8.self, capacity: length) { pointer in
            TextLimit.text(UnsafeBufferPointer(start: pointer, count: length), limit: limit)
        }
    }

    /// The string (or number, converted) at `index`, decoded as UTF-8 (invalid bytes repaired).
    func string(at index: Int32) -> String {
        var length = 0
        guard let bytes = clua_tolstring(L, index, &length) else { return "" }
        return bytes.withMemoryRebound(to: UInt8.self, capacity: length) { pointer in
            String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
        }
    }
}

extension LuaValue {
    /// A stable order of table keys: numbers, then strings, then booleans, then the rest.
    static func keyOrder(_ a: LuaValue, _ b: LuaValue) -> Bool {
        func rank(_ v: LuaValue) -> Int {
            switch v {
            case .integer, .number: 0
            case .string: 1
            case .boolean: 2
            default: 3
            }
        }
        let (ra, rb) = (rank(a), rank(b))
        if ra != rb { return ra < rb }
        switch (a, b) {
        case (.string(let x), .string(let y)): return x < y
        case (.boolean(let x), .boolean(let y)): return !x && y
        default:
            if let x = a.doubleValue, let y = b.doubleValue { return x < y }
            return a.description < b.description
        }
    }

    /// How this key reads in a path: `.name`, or `[key]`.
    var pathComponent: String {
        if case .string(let s) = self, LuaTable.isIdentifier(s) { return "." + s }
        return "[\(description)]"
    }
}

extension LuaError {
    /// The same error, with `component` in front of the path of the value it is about
    /// (`at .data[2].retention: …`).
    func at(_ component: String) -> LuaError {
        var copy = self
        if message.hasPrefix("at ") {
            copy.message = "at " + component + message.dropFirst(3)
        } else {
            copy.message = "at " + component + ": " + message
        }
        return copy
    }
}

/// What a copy of a Lua value into the host may still take, in bytes (64 a value, and the bytes
/// of every string). One budget may be shared by the copies of several calls that together hand
/// over one value, piece by piece (``LuaState/call(_:_:limits:mode:budget:)``): a string that Lua
/// holds once but the pieces name many times is paid each time, as in one copy of the whole.
public struct CopyBudget: Sendable {
    let allowance: Int
    private var left: Int

    public init(bytes: Int) {
        allowance = max(bytes, 0)
        left = allowance
    }

    mutating func spend(_ bytes: Int) throws(LuaError) {
        left -= bytes
        guard left >= 0 else {
            throw LuaError(
                .memoryLimit,
                "the value is too large to hand to the host (more than \(TextLimit.groupedThousands(allowance)) bytes)")
        }
    }
}
