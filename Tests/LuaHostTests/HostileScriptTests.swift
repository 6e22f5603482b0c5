import Testing

@testable import LuaHost

/// Scripts written to break the host. Each must stop with the right kind of error, never crash or
/// hang the process, and leave a state that still runs scripts (the same state: no limit makes a
/// state unusable).
@Suite struct HostileScriptTests {
    struct Hostile: CustomTestStringConvertible, Sendable {
        let name: String
        let source: String
        let kind: LuaError.Kind
        /// A fragment the message must contain.
        let message: String
        /// The deadline is far: a script stopped by its instruction or memory limit must be stopped
        /// by that limit, whatever the load of the machine running the test.
        var limits = LuaLimits(memoryBytes: 16 << 20, instructions: 5_000_000, deadline: .seconds(300))
        var testDescription: String { name }
    }

    static let scripts: [Hostile] = [
        // Endless loops
        Hostile(
            name: "endless loop", source: "while true do end", kind: .instructionLimit, message: "instruction limit"),
        Hostile(
            name: "endless loop inside pcall inside a loop",
            source: "while true do pcall(function() while true do end end) end",
            kind: .instructionLimit, message: "instruction limit"),
        Hostile(
            name: "errors swallowed by pcall forever",
            source: "for i = 1, math.huge do pcall(error, 'again') end",
            kind: .instructionLimit, message: "instruction limit"),
        Hostile(
            name: "endless loop in an xpcall message handler",
            source: "xpcall(error, function() while true do end end)",
            kind: .instructionLimit, message: "instruction limit"),
        Hostile(
            name: "endless loop past the deadline",
            source: "while true do end", kind: .deadline, message: "deadline",
            limits: LuaLimits(memoryBytes: 16 << 20, instructions: 0, deadline: .milliseconds(50))),
        // Memory bombs
        Hostile(
            name: "doubling concatenation",
            source: "local s = 'x' while true do s = s .. s end", kind: .memoryLimit, message: "memory limit"),
        Hostile(
            name: "table growth",
            source: "local t = {} for i = 1, 1e9 do t[i] = i end", kind: .memoryLimit, message: "memory limit"),
        Hostile(
            name: "string.rep of a gigabyte",
            source: "return string.rep('x', 1e9)", kind: .memoryLimit, message: "memory limit"),
        Hostile(
            name: "memory errors swallowed by pcall",
            source: "for i = 1, 100 do pcall(string.rep, 'x', 1e9) end return 'survived'",
            kind: .memoryLimit, message: "memory limit"),
        Hostile(
            name: "table growth inside pcall",
            source: "pcall(function() local t = {} while true do t[#t + 1] = {} end end) return 'survived'",
            kind: .memoryLimit, message: "memory limit"),
        // Recursion
        Hostile(
            name: "deep recursion",
            source: "local function f(n) return 1 + f(n + 1) end return f(1)",
            kind: .runtime, message: "stack overflow",
            limits: LuaLimits(memoryBytes: 512 << 20, instructions: 50_000_000, deadline: .seconds(300))),
        Hostile(
            name: "recursion through pcall",
            source: "local function f() return pcall(f) end f() error('still here')",
            kind: .runtime, message: "still here"),
        Hostile(
            name: "__tostring calling itself",
            source:
                "local t = setmetatable({}, {}) getmetatable(t).__tostring = function(x) return tostring(x) end return tostring(t)",
            kind: .runtime, message: "stack overflow"),
        Hostile(
            name: "__index loop",
            source: "local t = setmetatable({}, {}) getmetatable(t).__index = t return t.x",
            kind: .runtime, message: "'__index' chain too long"),
        // Runaway patterns
        Hostile(
            name: "backtracking pattern on a large input",
            source: "return string.find(string.rep('a', 1e5), '.-.-.-.-.-b')",
            kind: .instructionLimit, message: "instruction limit"),
        Hostile(
            name: "backtracking pattern as a method, inside pcall",
            source: "local s = ('a'):rep(5e4) for i = 1, 10 do pcall(s.match, s, '(.-)(.-)(.-)x') end",
            kind: .instructionLimit, message: "instruction limit"),
        Hostile(
            name: "gsub callback that loops",
            source: "return ('abc'):gsub('.', function() while true do end end)",
            kind: .instructionLimit, message: "instruction limit"),
        Hostile(
            name: "gmatch over a runaway pattern",
            source: "for m in ('a'):rep(1e5):gmatch('.-.-.-b') do end",
            kind: .instructionLimit, message: "instruction limit"),
        // Escapes
        Hostile(name: "io", source: "return io.open('/etc/passwd')", kind: .runtime, message: "undefined global 'io'"),
        Hostile(name: "os", source: "return os.execute('id')", kind: .runtime, message: "undefined global 'os'"),
        Hostile(
            name: "os.getenv", source: "return os.getenv('HOME')", kind: .runtime, message: "undefined global 'os'"),
        Hostile(name: "require", source: "return require('io')", kind: .runtime, message: "undefined global 'require'"),
        Hostile(
            name: "package", source: "return package.loadlib", kind: .runtime, message: "undefined global 'package'"),
        Hostile(name: "load", source: "return load('return 1')", kind: .runtime, message: "undefined global 'load'"),
        Hostile(
            name: "loadfile", source: "return loadfile('/etc/passwd')", kind: .runtime,
            message: "undefined global 'loadfile'"),
        Hostile(
            name: "dofile", source: "return dofile('/etc/passwd')", kind: .runtime, message: "undefined global 'dofile'"
        ),
        Hostile(
            name: "debug", source: "return debug.getregistry()", kind: .runtime, message: "undefined global 'debug'"),
        Hostile(
            name: "coroutine", source: "return coroutine.create(print)", kind: .runtime,
            message: "undefined global 'coroutine'"),
        Hostile(
            name: "string.dump", source: "return string.dump(function() end)", kind: .runtime,
            message: "attempt to call a nil value (field 'dump')"),
        Hostile(
            name: "the string metatable", source: "local mt = getmetatable('') mt.__index = nil",
            kind: .runtime, message: "attempt to index a string value"),
        Hostile(
            name: "changing the string library", source: "string.upper = function() return 'pwned' end",
            kind: .runtime, message: "attempt to set field 'upper' of a read-only table"),
        Hostile(
            name: "rawset on the string library", source: "rawset(string, 'upper', print)",
            kind: .runtime, message: "attempt to modify a read-only table"),
        Hostile(
            name: "changing math through a method string", source: "local m = ('').rep; math.floor = m",
            kind: .runtime, message: "read-only table"),
        Hostile(
            name: "replacing the environment's metatable", source: "setmetatable(_G, nil)",
            kind: .runtime, message: "cannot change a protected metatable"),
        Hostile(
            name: "__gc finalizer that loops",
            source: "setmetatable({}, {__gc = function() while true do end end})",
            kind: .runtime, message: "__gc metamethods are not available"),
        Hostile(
            name: "collectgarbage('stop')", source: "collectgarbage('stop')",
            kind: .runtime, message: "only \"count\""),
        // Error objects that fight back
        Hostile(
            name: "error whose __tostring errors",
            source: "error(setmetatable({}, {__tostring = function() error('boom') end}))",
            kind: .runtime, message: "__tostring failed"),
        Hostile(
            name: "error whose __tostring loops",
            source: "error(setmetatable({}, {__tostring = function() while true do end end}))",
            kind: .runtime, message: "__tostring failed"),
        Hostile(
            name: "error whose __tostring allocates without end",
            source: "error(setmetatable({}, {__tostring = function() local s = 'x' while true do s = s .. s end end}))",
            kind: .runtime, message: "__tostring failed"),
        Hostile(
            name: "error with a table value", source: "error({code = 42})",
            kind: .runtime, message: "(error object is a table value)"),
        Hostile(
            name: "__tostring returning a table",
            source: "return tostring(setmetatable({}, {__tostring = function() return {} end}))",
            kind: .runtime, message: "'__tostring' must return a string"),
    ]

    @Test(arguments: scripts)
    func isContained(_ hostile: Hostile) throws {
        let lua = try LuaState()
        let chunk = try lua.load(hostile.source, name: "hostile.lua")
        do {
            let results = try lua.call(chunk, limits: hostile.limits)
            Issue.record("\(hostile.name): no error, returned \(results)")
        } catch {
            #expect(error.kind == hostile.kind, "\(hostile.name): \(error)")
            #expect(error.message.contains(hostile.message), "\(hostile.name): \(error.message)")
            #expect(error.file == "hostile.lua", "\(hostile.name): \(error)")
        }
        // The same state still works, with its full limits.
        let check = try lua.load(
            "local t = {} for i = 1, 1000 do t[i] = i * 2 end return #t, ('ok'):upper()", name: "after.lua")
        #expect(try lua.call(check) == [1000, "OK"])
        lua.collectGarbage()
        #expect(lua.memoryInUse < 4 << 20, "\(hostile.name): \(lua.memoryInUse) bytes still held")
    }

    @Test func binaryChunkIsRefused() throws {
        let lua = try LuaState()
        let bytecode = "\u{1B}Lua\u{54}\u{00}\u{19}\u{93}\r\n\u{1A}\n"
        #expect {
            _ = try lua.load(bytecode, name: "bytecode.luac")
        } throws: { error in
            let error = error as? LuaError
            return error?.kind == .syntax && error?.message.contains("binary chunk") == true
                && error?.file == "bytecode.luac"
        }
    }

    @Test func readOnlyTreeCannotBeChangedByAnyPath() throws {
        let lua = try LuaState()
        let tree = try lua.readOnly([
            "name": "bot", "data": [["category": "user.contact.email"], ["category": "user.name"]],
        ])
        let attempts = [
            "local t = ... t.name = 'x'",
            "local t = ... rawset(t, 'name', 'x')",
            "local t = ... t.data[1].category = 'x'",
            "local t = ... table.insert(t.data, {})",
            "local t = ... table.remove(t.data)",
            "local t = ... table.sort(t.data, function() return true end)",
            "local t = ... for k, v in next, t do if type(v) == 'table' then rawset(v, 1, 1) end end",
            "local t = ... for _, item in ipairs(t.data) do rawset(item, 'category', 'x') end",
            "local t = ... for k, v in pairs(t) do if type(v) == 'table' then v[1] = 1 end end",
            "local t = ... local f, s = pairs(t) rawset(s, 'name', 'x')",
            "local t = ... setmetatable(t, nil)",
            "local t = ... getmetatable(t).__index = {}",
            "local t = ... table.move({1}, 1, 1, 1, t.data)",
        ]
        for (index, source) in attempts.enumerated() {
            let chunk = try lua.load(source, name: "attempt\(index).lua")
            #expect(throws: LuaError.self, "attempt \(index): \(source)") { try lua.call(chunk, [tree]) }
        }
        let read = try lua.load("local t = ... return t.name, t.data[1].category, #t.data", name: "read.lua")
        #expect(try lua.call(read, [tree]) == ["bot", "user.contact.email", 2])
    }

    @Test func oneScriptCannotChangeWhatAnotherSees() throws {
        let lua = try LuaState()
        let first = try lua.load("x = 1; ipairs = nil; _G.print = nil; return x", name: "first.lua")
        let second = try lua.load("return rawget(_G, 'x'), type(ipairs), type(print)", name: "second.lua")
        #expect(try lua.call(first) == [1])
        #expect(try lua.call(second) == [.nil, "function", "function"])
    }

    @Test func printFloodIsCapped() throws {
        let lua = try LuaState(options: .init(logCapacity: 10))
        let chunk = try lua.load("for i = 1, 1000 do print('line', i) end", name: "flood.lua")
        try lua.call(chunk)
        #expect(lua.log.lines.count == 10)
        #expect(lua.log.dropped == 990)
        #expect(lua.log.lines.first == "line\t1")
    }
}
