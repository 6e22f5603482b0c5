import Testing

@testable import LuaHost

/// What a script can and cannot reach.
@Suite struct SandboxTests {
    let lua: LuaState
    init() throws { lua = try LuaState() }

    func run(_ source: String, _ arguments: [LuaValue] = [], environment: LuaEnvironment? = nil) throws -> [LuaValue] {
        try lua.call(try lua.load(source, name: "sandbox.lua", environment: environment), arguments)
    }

    @Test(arguments: [
        "assert", "error", "ipairs", "next", "pairs", "pcall", "print", "rawequal", "rawget", "rawlen", "rawset",
        "select", "setmetatable", "getmetatable", "tonumber", "tostring", "type", "xpcall", "collectgarbage",
    ])
    func keepsBaseFunction(_ name: String) throws {
        #expect(try run("return type(\(name))") == ["function"])
    }

    @Test(arguments: ["string", "table", "math", "utf8"])
    func keepsLibrary(_ name: String) throws {
        #expect(try run("return type(\(name)), getmetatable(\(name))") == ["table", "read-only"])
    }

    @Test(arguments: ["io", "os", "package", "debug", "coroutine", "require", "load", "loadfile", "dofile", "warn"])
    func removesGlobal(_ name: String) throws {
        #expect { try run("return \(name)") } throws: { error in
            (error as? LuaError)?.message == "undefined global '\(name)'"
        }
        #expect(try run("return rawget(_G, '\(name)')") == [.nil])
    }

    @Test(arguments: [("string", "dump"), ("math", "randomseed")])
    func removesLibraryFunction(_ library: String, _ name: String) throws {
        #expect(try run("return \(library).\(name)") == [.nil])
    }

    @Test func stringMethodsStillWork() throws {
        let result = try run(
            "local s = 'Électra' return s:upper(), ('%d items'):format(3), #s, s:sub(1, 2), ('a,b'):find(',', 1, true)")
        #expect(result == ["ÉLECTRA", "3 items", 8, "É", 2, 2])
        #expect(try run("return getmetatable('')") == ["read-only"])
    }

    @Test func librariesListTheirFunctions() throws {
        let names = try run(
            "local n = {} for k in pairs(math) do n[#n + 1] = k end table.sort(n) return table.concat(n, ',')")
        #expect(names[0].stringValue?.contains("floor") == true)
        #expect(names[0].stringValue?.contains("randomseed") == false)
    }

    @Test func undefinedGlobalsAreErrorsThatNameThem() throws {
        #expect { try run("local x = 1\nreturn x + polcy_id") } throws: { error in
            let error = error as? LuaError
            return error?.message == "undefined global 'polcy_id'" && error?.line == 2 && error?.kind == .runtime
        }
        // Globals a script defines are its own.
        #expect(try run("helper = function() return 5 end return helper()") == [5])
    }

    @Test func nonStrictStatesReadNil() throws {
        let loose = try LuaState(options: .init(strictGlobals: false))
        #expect(try loose.call(try loose.load("return undefined_name", name: "x.lua")) == [.nil])
    }

    @Test func environmentsAreSeparate() throws {
        let one = try lua.makeEnvironment(["system": "chatbot"])
        let two = try lua.makeEnvironment(["system": "voicebot"])
        #expect(try run("shared = system return system", environment: one) == ["chatbot"])
        #expect(try run("return system, rawget(_G, 'shared')", environment: two) == ["voicebot", .nil])
        #expect(try run("return shared", environment: one) == ["chatbot"])
        #expect(try run("return _G == _ENV", environment: one) == [true])
    }

    @Test func sharedGlobalsReachEveryEnvironment() throws {
        try lua.setGlobal("cadre", try lua.readOnly(["version": "1"]))
        #expect(try run("return cadre.version") == ["1"])
        #expect(throws: LuaError.self) { try run("cadre.version = '2'") }
        #expect(try run("cadre = nil return rawget(_G, 'cadre')") == [.nil])
        #expect(try run("return cadre.version") == ["1"])
    }

    @Test func printGoesToTheLog() throws {
        _ = try run("print('a', 1, nil, true, setmetatable({}, {__tostring = function() return 'obj' end}))\nprint()")
        #expect(lua.log.lines == ["a\t1\tnil\ttrue\tobj", ""])
        lua.log.removeAll()
        #expect(lua.log.lines.isEmpty)
    }

    @Test func randomIsReproducible() throws {
        let source = "local t = {} for i = 1, 5 do t[i] = math.random(1, 1000) end return table.concat(t, ',')"
        let first = try run(source)
        let again = try LuaState()
        #expect(try again.call(try again.load(source, name: "r.lua")) == first)
        let seeded = try LuaState(options: .init(randomSeed: 42))
        #expect(try seeded.call(try seeded.load(source, name: "r.lua")) != first)
        lua.reseed(0)
        #expect(try run(source) == first)
    }

    @Test func collectGarbageOnlyCounts() throws {
        let count = try run("return collectgarbage('count'), collectgarbage()")
        #expect((count[0].doubleValue ?? 0) > 1)
        #expect(count[0].doubleValue == nil || count[1].doubleValue != nil)
        #expect(throws: LuaError.self) { try run("collectgarbage('collect')") }
    }

    @Test func xpcallCallsTheHandlerWithTheError() throws {
        let result = try run(
            "return xpcall(function(a) error({a}) end, function(e) return 'handled ' .. e[1] end, 'x')")
        #expect(result == [false, "handled x"])
        #expect(try run("return xpcall(function(a, b) return a + b end, print, 1, 2)") == [true, 3])
        #expect(try run("return xpcall(error, function() error('again') end)") == [false, "error in error handling"])
    }

    @Test func memoryLimitIsPerCall() throws {
        // The state keeps what a call built; the next call gets its own allowance on top. (Building
        // a string of n bytes takes 2n for a moment: the buffer, then the string.)
        let env = try lua.makeEnvironment()
        let grow = "keep = rawget(_G, 'keep') or {} keep[#keep + 1] = string.rep('x', 3 * 1024 * 1024) return #keep"
        let limits = LuaLimits(memoryBytes: 7 << 20)
        for expected in 1...3 {
            #expect(
                try lua.call(try lua.load(grow, name: "grow.lua", environment: env), limits: limits) == [
                    .integer(Int64(expected))
                ])
        }
        #expect(lua.memoryInUse > 9 << 20)
    }

    @Test func memoryCeilingBoundsTheWholeState() throws {
        let small = try LuaState(options: .init(memoryCeiling: 12 << 20))
        let env = try small.makeEnvironment()
        let grow = try small.load(
            "keep = rawget(_G, 'keep') or {} keep[#keep + 1] = string.rep('x', 3 * 1024 * 1024)", name: "grow.lua",
            environment: env)
        try small.call(grow)
        try small.call(grow)
        #expect { try small.call(grow) } throws: { ($0 as? LuaError)?.kind == .memoryLimit }
    }
}

extension SandboxTests {
    @Test func aWatchedTableNotesTheFieldsScriptsRead() throws {
        let lua = try LuaState()
        let watched = try lua.readOnly(
            LuaTable(fields: [("date", "2026-11-29"), ("name", "ctx"), ("open", "store")]),
            watching: ["date": 1, "open": 2])
        let readName = try lua.load("local t = ... return t.name", name: "name.lua")
        #expect(try lua.call(readName, [watched]) == ["ctx"])
        #expect(lua.takeReadings() == 0)
        let readDate = try lua.load("local t = ... local k = 'da' .. 'te' return t[k]", name: "date.lua")
        #expect(try lua.call(readDate, [watched]) == ["2026-11-29"])
        #expect(lua.takeReadings() == 1)
        #expect(lua.takeReadings() == 0, "taking the readings forgets them")
        // Raw reads see every field at once: every watched field counts as read.
        for source in [
            "local t = ... return rawget(t, 'name')", "local t = ... for k in pairs(t) do end",
            "local t = ... return next(t)",
        ] {
            _ = try lua.call(try lua.load(source, name: "raw.lua"), [watched])
            #expect(lua.takeReadings() == 3, "\(source)")
        }
        // Still read-only, and still a table to scripts.
        let write = try lua.load("local t = ... t.date = 'x'", name: "write.lua")
        #expect(throws: LuaError.self) { try lua.call(write, [watched]) }
        #expect(
            try lua.call(try lua.load("local t = ... return type(t), getmetatable(t)", name: "type.lua"), [watched])
                == ["table", "read-only"])
    }
}
