import CLua

extension LuaState {
    /// Turns the fresh state's globals into the sandbox every environment reads through.
    ///
    /// Kept: base (without `dofile`, `loadfile`, `load`, `require`, `warn`), string (without
    /// `dump`; pattern functions with step limits), table, math (without `randomseed`), utf8.
    /// Replaced: `print` (to the host log), `collectgarbage` ("count" only), `setmetatable` (no
    /// `__gc`), `rawset` (not on read-only tables), `next`/`rawget`/`rawlen` (see through read-only
    /// tables), `xpcall` (the handler runs after the stack unwinds, under the limits), the table
    /// library and `string.rep` (loops charged to the call's budget). Lua's C functions whose work
    /// grows with their arguments or results are charged for it (``chargedFunctions``). The
    /// library tables and the string metatable are read-only.
    func installSandbox() {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        lua_rawgeti(L, clua_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        let globals = lua_gettop(L)

        // What the host keeps for itself.
        rawField(globals, "tostring")
        tostringSlot = luaL_ref(L, clua_registryindex())
        rawField(globals, "math")
        rawField(-1, "randomseed")
        randomseedSlot = luaL_ref(L, clua_registryindex())
        clua_pop(L, 1)
        reseed(options.randomSeed)

        for name in ["dofile", "loadfile", "load", "require", "warn", "_G"] {
            lua_pushnil(L)
            rawSetField(globals, name)
        }
        setCFunction(globals, "rawset", clua_rawset_guarded)
        setCFunction(globals, "setmetatable", clua_setmetatable_guarded)
        setCFunction(globals, "collectgarbage", clua_collectgarbage_count)
        setCFunction(globals, "next", clua_next_seethrough)
        setCFunction(globals, "rawget", clua_rawget_seethrough)
        setCFunction(globals, "rawlen", clua_rawlen_seethrough)
        setCFunction(globals, "xpcall", clua_xpcall)
        pushFunction("print") { call in
            call.state.log.append(try call.bytes(1))
            return 0
        }
        lua_pushcclosure(L, clua_print, 1)
        rawSetField(globals, "print")
        charge(globals, Self.chargedFunctions["_G"] ?? [:])

        // Libraries: read-only copies, without what the sandbox removes.
        installLibrary(
            globals, "string", removing: ["dump"], adding: patternFunctions(), replacing: ["rep": clua_string_rep])
        installLibrary(globals, "math", removing: ["randomseed"])
        installLibrary(globals, "table", replacing: Self.tableLibrary)
        installLibrary(globals, "utf8")
        // Strings index the read-only string library; their metatable cannot be reached. Its
        // arithmetic metamethods (`"10" + 1`) read their strings: charged.
        pushString("")
        if lua_getmetatable(L, -1) != 0 {
            rawField(globals, "string")
            rawSetField(-2, "__index")
            pushString("read-only")
            rawSetField(-2, "__metatable")
            charge(lua_gettop(L), Self.chargedFunctions["string metatable"] ?? [:])
            clua_pop(L, 1)
        }
        clua_pop(L, 1)

        if options.strictGlobals {
            lua_createtable(L, 0, 1)
            lua_pushcclosure(L, clua_undefined_global, 0)
            rawSetField(-2, "__index")
            lua_setmetatable(L, globals)
        }

        // The metatable every environment shares: reads fall through to the globals.
        lua_createtable(L, 0, 2)
        lua_pushvalue(L, globals)
        rawSetField(-2, "__index")
        pushString("environment")
        rawSetField(-2, "__metatable")
        environmentMetatableSlot = luaL_ref(L, clua_registryindex())
    }

    /// Sets `math.random`'s seed: the same seed gives the same sequence.
    public func reseed(_ seed: Int64) {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        lua_rawgeti(L, clua_registryindex(), lua_Integer(randomseedSlot))
        lua_pushinteger(L, seed)
        _ = clua_pcall(L, 1, 0)
    }

    /// Lua's C functions whose work grows with what they read or return, by table, and how each
    /// is charged (flags of `charged_functions.h`). Functions not listed do constant work, or work
    /// bounded by the number of their arguments, which the call already paid for.
    static let chargedFunctions: [String: [String: Int32]] = {
        let strings = Int32(CLUA_COST_STRINGS)
        let arguments = Int32(CLUA_COST_ARGUMENTS)
        let results = Int32(CLUA_COST_RESULTS)
        let arithmetic = ["__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__idiv"]
        return [
            "_G": ["tonumber": strings, "rawequal": strings, "select": arguments, "tostring": results],
            "string": [
                "byte": results, "char": results, "format": results, "lower": results, "upper": results,
                "reverse": results, "sub": results, "pack": strings | results, "unpack": strings | results,
                "packsize": strings,
            ],
            "utf8": [
                "char": results, "codepoint": results, "codes": strings | Int32(CLUA_COST_UTF8_ITERATOR),
                "len": strings, "offset": strings,
            ],
            "math": ["max": arguments, "min": arguments],
            "string metatable": Dictionary(uniqueKeysWithValues: arithmetic.map { ($0, strings) }),
        ]
    }()

    /// The table library, rewritten with charged loops (`table_library.h`).
    static let tableLibrary: [String: lua_CFunction] = [
        "insert": clua_table_insert, "remove": clua_table_remove, "move": clua_table_move,
        "concat": clua_table_concat, "pack": clua_table_pack, "unpack": clua_table_unpack,
        "sort": clua_table_sort,
    ]

    /// Replaces the library `name` of `globals` by a read-only copy without `removing`, with
    /// `adding` and `replacing`, its C functions charged as ``chargedFunctions`` says.
    private func installLibrary(
        _ globals: Int32, _ name: String, removing: [String] = [], adding: [(String, HostFunction)] = [],
        replacing: [String: lua_CFunction] = [:]
    ) {
        rawField(globals, name)
        let original = lua_gettop(L)
        lua_createtable(L, 0, 32)
        lua_pushnil(L)
        while lua_next(L, original) != 0 {
            if lua_type(L, -2) == LUA_TSTRING, removing.contains(string(at: -2)) {
                clua_pop(L, 1)
                continue
            }
            lua_pushvalue(L, -2)
            clua_insert(L, -2)
            lua_rawset(L, -4)
        }
        let copy = lua_gettop(L)
        charge(copy, Self.chargedFunctions[name] ?? [:])
        for (functionName, function) in replacing {
            setCFunction(copy, functionName, function)
        }
        // Lua names a function in its argument errors by finding it in the loaded libraries
        // (`bad argument #2 to 'table.insert'`): the original library, which no script reaches,
        // lists the functions that replace its own.
        for functionName in Set(replacing.keys).union((Self.chargedFunctions[name] ?? [:]).keys) {
            rawField(copy, functionName)
            rawSetField(original, functionName)
        }
        for (functionName, body) in adding {
            pushFunction(functionName, body)
            rawSetField(-2, functionName)
        }
        clua_makereadonly(L, 0, 0, 0)
        rawSetField(globals, name)
        clua_pop(L, 1)
    }

    /// Puts each C function `table[name]` of `costs` behind a guard that charges its work.
    private func charge(_ table: Int32, _ costs: [String: Int32]) {
        let table = lua_absindex(L, table)
        for (name, cost) in costs.sorted(by: { $0.key < $1.key }) {
            rawField(table, name)
            guard lua_iscfunction(L, -1) != 0 else {
                clua_pop(L, 1)
                continue
            }
            clua_pushcharged(L, cost)
            rawSetField(table, name)
        }
    }

    /// Pushes `table[name]` without metamethods.
    func rawField(_ table: Int32, _ name: String) {
        let table = lua_absindex(L, table)
        pushString(name)
        lua_rawget(L, table)
    }

    /// Pops a value into `table[name]` without metamethods.
    func rawSetField(_ table: Int32, _ name: String) {
        let table = lua_absindex(L, table)
        pushString(name)
        clua_insert(L, -2)
        lua_rawset(L, table)
    }

    private func setCFunction(_ table: Int32, _ name: String, _ function: lua_CFunction) {
        lua_pushcclosure(L, function, 0)
        rawSetField(table, name)
    }
}
