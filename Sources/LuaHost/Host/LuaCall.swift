import CLua

/// The arguments and results of one call from Lua to a ``HostFunction``.
///
/// Arguments are numbered from 1, as in Lua. Results are pushed in order; the host function returns
/// how many it pushed. A `LuaCall` is valid only during the call it was made for.
public struct LuaCall {
    /// The state the call runs in.
    public unowned(unsafe) let state: LuaState
    // swift-format-ignore: AlwaysUseLowerCamelCase
    let L: OpaquePointer
    /// The function's name, for messages.
    public let name: String

    init(state: LuaState, thread: OpaquePointer, name: String) {
        self.state = state
        self.L = thread
        self.name = name
    }

    /// The time left before the call's deadline, when it has one: host functions that do long
    /// work (a store scan) bound it by this.
    public var remainingTime: Duration? {
        let deadline = state.control.pointee.deadline_ns
        guard deadline != 0 else { return nil }
        return .nanoseconds(max(0, deadline - clua_now_ns()))
    }

    /// The number of arguments.
    public var count: Int { Int(lua_gettop(L)) }

    // MARK: Budget

    /// Bytes the call may still allocate: a host function that builds a result in proportion to
    /// its input (a replaced string, a list) stays within it, through ``reserve(bytes:)``.
    public var memoryLeft: Int { Int(clamping: clua_memory_left(state.control)) }

    /// Makes sure the call may still allocate `bytes`; otherwise the call stops with its memory
    /// limit, at the script's line. Host functions call it before building a result that size.
    public func reserve(bytes: Int) throws {
        guard bytes > memoryLeft else { return }
        clua_refuse_memory(state.control)
        throw LuaLimitReached()
    }

    /// Charges `steps` of work done for the script to the call's instruction budget (and reads
    /// the clock every few thousand steps); throws when the budget or the time runs out, and the
    /// call then stops with that limit. Host functions whose work grows with their arguments
    /// charge it, as Lua's own functions do in the sandbox.
    public func charge(steps: Int) throws {
        guard steps > 0 else { return }
        if clua_account(state.control, lua_Unsigned(steps)) != Int32(CLUA_LIMIT_NONE) { throw LuaLimitReached() }
    }

    /// Lua's type name of argument `index` (`"no value"` past the last one).
    public func typeName(_ index: Int) -> String {
        String(cString: lua_typename(L, lua_type(L, Int32(index))))
    }

    public func isNil(_ index: Int) -> Bool { clua_isnoneornil(L, Int32(index)) != 0 }

    /// `bad argument #index to 'name' (message)`, as Lua's own library says it.
    public func argumentError(_ index: Int, _ message: String) -> LuaCallError {
        LuaCallError("bad argument #\(index) to '\(name)' (\(message))")
    }

    private func typeError(_ index: Int, _ expected: String) -> LuaCallError {
        argumentError(
            index, "\(expected) expected, got \(isNil(index) && index > count ? "no value" : typeName(index))")
    }

    /// Argument `index`, copied (read-only trees are read through).
    public func value(_ index: Int, mode: LuaReadMode = .data) throws(LuaError) -> LuaValue {
        try state.value(at: Int32(index), mode: mode)
    }

    /// Every argument, copied.
    public func arguments(mode: LuaReadMode = .data) throws(LuaError) -> [LuaValue] {
        try (0..<count).map { (i) throws(LuaError) in try value(i + 1, mode: mode) }
    }

    /// Argument `index` as a string (a number is converted, as Lua does).
    public func string(_ index: Int) throws -> String {
        let type = lua_type(L, Int32(index))
        guard type == LUA_TSTRING || type == LUA_TNUMBER else { throw typeError(index, "string") }
        return state.string(at: Int32(index))
    }

    /// Argument `index` as text of at most `limit` bytes (a number is converted): a longer string
    /// is cut, and says how much was cut (``TextLimit``).
    public func text(_ index: Int, limit: Int) throws -> String {
        TextLimit.text(try bytes(index), limit: limit)
    }

    /// The elements `1…#t` of table argument `index` as text, read raw (no metamethod runs; a
    /// read-only table is read through): at most `limit` of them, each cut to `textLimit` bytes,
    /// and when there are more, a last entry saying how many were left out. Strings and numbers
    /// as Lua writes them, booleans as `true` and `false`, other values by their type. Costs what
    /// it keeps, whatever the table holds.
    public func texts(_ index: Int, upTo limit: Int, eachUpTo textLimit: Int) -> [String] {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        guard lua_checkstack(L, 3) != 0, lua_type(L, Int32(index)) == LUA_TTABLE else { return [] }
        lua_pushvalue(L, Int32(index))
        if clua_readonly_target(L, -1) != 0 { clua_remove(L, -2) }
        let table = lua_gettop(L)
        let length = Int(clamping: lua_rawlen(L, table))
        var texts: [String] = []
        texts.reserveCapacity(min(length, limit) + 1)
        for position in 0..<min(length, max(limit, 0)) {
            switch lua_rawgeti(L, table, lua_Integer(position + 1)) {
            case LUA_TSTRING, LUA_TNUMBER: texts.append(state.text(at: -1, limit: textLimit))
            case LUA_TBOOLEAN: texts.append(lua_toboolean(L, -1) != 0 ? "true" : "false")
            case let type: texts.append("(a \(String(cString: lua_typename(L, type))) value)")
            }
            clua_pop(L, 1)
        }
        if length > limit { texts.append("…(\(length - limit) more)") }
        return texts
    }

    /// Argument `index` as a string, or `nil` when it is nil or absent.
    public func optionalString(_ index: Int) throws -> String? {
        isNil(index) ? nil : try string(index)
    }

    /// The raw bytes of string argument `index` (numbers converted), valid during the call.
    public func bytes(_ index: Int) throws -> UnsafeBufferPointer<UInt8> {
        let type = lua_type(L, Int32(index))
        guard type == LUA_TSTRING || type == LUA_TNUMBER else { throw typeError(index, "string") }
        var length = 0
        let pointer = clua_tolstring(L, Int32(index), &length)
        return UnsafeBufferPointer(start: UnsafeRawPointer(pointer)?.assumingMemoryBound(to: UInt8.self), count: length)
    }

    /// Argument `index` as an integer (a float with an integral value, or a numeric string, too).
    public func integer(_ index: Int) throws -> Int64 {
        var isNumber: Int32 = 0
        let value = clua_tointeger(L, Int32(index), &isNumber)
        guard isNumber != 0 else {
            if lua_type(L, Int32(index)) == LUA_TNUMBER {
                throw argumentError(index, "number has no integer representation")
            }
            throw typeError(index, "number")
        }
        return value
    }

    /// Argument `index` as an integer, or `default` when it is nil or absent.
    public func optionalInteger(_ index: Int, default value: Int64) throws -> Int64 {
        isNil(index) ? value : try integer(index)
    }

    /// Argument `index` as a number.
    public func number(_ index: Int) throws -> Double {
        var isNumber: Int32 = 0
        let value = clua_tonumber(L, Int32(index), &isNumber)
        guard isNumber != 0 else { throw typeError(index, "number") }
        return value
    }

    /// Argument `index` as Lua's truthiness.
    public func boolean(_ index: Int) -> Bool { lua_toboolean(L, Int32(index)) != 0 }

    /// Whether argument `index` is a table (read-only or not).
    public func isTable(_ index: Int) -> Bool { lua_type(L, Int32(index)) == LUA_TTABLE }

    /// Argument `index` itself, not a copy, when it is a table, a function, userdata or a thread:
    /// a ``LuaReference`` in the state's registry (release it when done); nil for other values.
    public func reference(_ index: Int) -> LuaReference? {
        switch lua_type(L, Int32(index)) {
        case LUA_TTABLE, LUA_TFUNCTION, LUA_TUSERDATA, LUA_TTHREAD:
            guard lua_checkstack(L, 1) != 0 else { return nil }
            lua_pushvalue(L, Int32(index))
            return state.popReference()
        default: return nil
        }
    }

    /// The host tag of argument `index` when it is a read-only tree built from a tagged table.
    public func tag(_ index: Int) -> Int? {
        var found: Int32 = 0
        let tag = clua_readonly_tag(L, Int32(index), &found)
        return found != 0 ? Int(tag) : nil
    }

    /// Argument `index` as a host object of `type`.
    public func object<Object: AnyObject>(_ index: Int, _ type: LuaHostType<Object>) throws -> Object {
        let pointer = type.name.withCString { clua_tohostobject(L, Int32(index), $0) }
        guard let pointer, let object = Unmanaged<AnyObject>.fromOpaque(pointer).takeUnretainedValue() as? Object else {
            throw typeError(index, type.name)
        }
        return object
    }

    /// Calls argument `index` (a function) with `arguments`, under the limits of the call in
    /// progress. - Returns: its first `results` results.
    public func invoke(_ index: Int, with arguments: [LuaValue], results: Int = 1) throws(LuaError) -> [LuaValue] {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try state.ensureStack(arguments.count + 1)
        lua_pushvalue(L, Int32(index))
        for argument in arguments { try state.push(argument) }
        try state.protectedCall(arguments: Int32(arguments.count), results: Int32(results), limits: state.armedLimits)
        return try (0..<results).map { (i) throws(LuaError) in try state.value(at: top + 1 + Int32(i)) }
    }

    // MARK: Results

    /// Pushes a result.
    public func push(_ value: LuaValue) throws(LuaError) {
        try state.ensureStack(1)
        try state.push(value)
    }

    public func push(_ string: String) {
        _ = lua_checkstack(L, 1)
        state.pushString(string)
    }

    /// Pushes a string from raw bytes.
    public func push(bytes: UnsafeBufferPointer<UInt8>) {
        _ = lua_checkstack(L, 1)
        bytes.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
    }

    public func push(_ integer: Int64) {
        _ = lua_checkstack(L, 1)
        lua_pushinteger(L, integer)
    }

    public func push(_ integer: Int) { push(Int64(integer)) }

    public func push(_ number: Double) {
        _ = lua_checkstack(L, 1)
        lua_pushnumber(L, number)
    }

    public func push(_ boolean: Bool) {
        _ = lua_checkstack(L, 1)
        lua_pushboolean(L, boolean ? 1 : 0)
    }

    /// Pushes `object` as a value of `type`, held by Lua alone: it is released when scripts drop
    /// it and the collector runs. (``LuaState/object(_:of:)`` also keeps a registry slot, which
    /// lasts until released: a host function that returned such a value on every call would
    /// keep every object it made for as long as the state lives.)
    public func push<Object: AnyObject>(_ object: Object, of type: LuaHostType<Object>) {
        _ = lua_checkstack(L, 1)
        state.pushObject(object, of: type)
    }

    public func pushNil() {
        _ = lua_checkstack(L, 1)
        lua_pushnil(L)
    }

    /// Pushes argument `index` again as a result.
    public func pushArgument(_ index: Int) {
        _ = lua_checkstack(L, 1)
        lua_pushvalue(L, Int32(index))
    }

    /// Pushes `values` and returns their count: `return call.return([a, b])`.
    public func `return`(_ values: [LuaValue]) throws(LuaError) -> Int {
        try state.ensureStack(values.count)
        for value in values { try state.push(value) }
        return values.count
    }
}

/// Thrown by host code that stopped because the call's budget ran out (its memory, instructions
/// or time): the limit is marked in the control block, and the trampoline raises it as the
/// limit's error when the host function returns.
struct LuaLimitReached: Error {}
