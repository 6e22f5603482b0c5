import Testing

@testable import LuaHost

/// Swift functions and objects that scripts call.
@Suite struct HostFunctionTests {
    let lua: LuaState
    init() throws { lua = try LuaState() }

    func run(_ source: String, _ arguments: [LuaValue] = [], name: String = "host.lua") throws -> [LuaValue] {
        try lua.call(try lua.load(source, name: name), arguments)
    }

    @Test func swiftFunctionsReadArgumentsAndReturnResults() throws {
        try lua.setGlobal(
            "add",
            lua.function("add") { call in
                call.push(try call.integer(1) + call.integer(2))
                return 1
            })
        try lua.setGlobal(
            "describe",
            lua.function("describe") { call in
                try call.return([
                    .string(try call.string(1).uppercased()), .integer(Int64(call.count)), try call.value(2),
                ])
            })
        #expect(try run("return add(2, 40)") == [42])
        #expect(
            try run("return describe('x', {1, k = 'v'})") == [
                "X", 2, .table(LuaTable(fields: [("k", "v")], array: [1])),
            ])
        #expect(try run("return add(2.0, '3')") == [5])
    }

    @Test func badArgumentsReadLikeLuasOwn() throws {
        try lua.setGlobal(
            "add",
            lua.function("add") { call in
                call.push(try call.integer(1) + call.integer(2))
                return 1
            })
        #expect { try run("return add(1, 'two')", name: "rules/x.lua") } throws: { error in
            let error = error as? LuaError
            return error?.kind == .runtime && error?.message == "bad argument #2 to 'add' (number expected, got string)"
                && error?.file == "rules/x.lua" && error?.line == 1
        }
        #expect { try run("return add(1)") } throws: { error in
            (error as? LuaError)?.message == "bad argument #2 to 'add' (number expected, got no value)"
        }
        #expect { try run("return add(1, 2.5)") } throws: { error in
            (error as? LuaError)?.message == "bad argument #2 to 'add' (number has no integer representation)"
        }
    }

    struct StoreDown: Error, CustomStringConvertible {
        var description: String { "store 'calls' is unreachable" }
    }

    @Test func hostFailuresAreHostErrorsAtTheCallingLine() throws {
        try lua.setGlobal("query", lua.function("query") { _ in throw StoreDown() })
        #expect { try run("local a = 1\nlocal n = query()\nreturn n", name: "rules/retention.lua") } throws: { error in
            let error = error as? LuaError
            return error?.kind == .host && error?.message == "store 'calls' is unreachable"
                && error?.file == "rules/retention.lua" && error?.line == 2
        }
        // A script may catch it: it is an ordinary error value in Lua, with its position.
        #expect(
            try run("local ok, message = pcall(function() return query() end) return ok, message", name: "c.lua") == [
                false, "c.lua:1: store 'calls' is unreachable",
            ])
    }

    @Test func hostFunctionsCanCallBackIntoLua() throws {
        try lua.setGlobal(
            "each",
            lua.function("each") { call in
                var total: Int64 = 0
                for value in [1, 2, 3] as [LuaValue] {
                    total += try call.invoke(2, with: [value])[0].integerValue ?? 0
                }
                call.push(total)
                return 1
            })
        #expect(try run("return each(nil, function(x) return x * 10 end)") == [60])
        #expect { try run("return each(nil, function(x) error('inner ' .. x) end)", name: "cb.lua") } throws: { error in
            let error = error as? LuaError
            return error?.kind == .runtime && error?.message == "inner 1" && error?.file == "cb.lua"
        }
        #expect { try run("return each(nil, function(x) while true do end end)") } throws: { error in
            (error as? LuaError)?.kind == .instructionLimit
        }
    }

    @Test func manyResults() throws {
        try lua.setGlobal(
            "range",
            lua.function("range") { call in
                let n = Int(try call.integer(1))
                for i in 1...n { call.push(i) }
                return n
            })
        #expect(try run("return select('#', range(5000))") == [5000])
    }

    // MARK: Host objects

    final class Store {
        let id: String
        let released: Counter
        init(id: String, released: Counter) {
            self.id = id
            self.released = released
        }
        deinit { released.value += 1 }
    }

    final class Counter { var value = 0 }

    func defineStore() -> LuaHostType<Store> {
        lua.defineType(
            Store.self, name: "store",
            methods: [
                "count": { call in
                    let store = try call.object(1, HostFunctionTests.storeType)
                    call.push("\(store.id):\(try call.string(2))")
                    return 1
                }
            ],
            index: { call in
                let store = try call.object(1, HostFunctionTests.storeType)
                if try call.string(2) == "id" { call.push(store.id) } else { call.pushNil() }
                return 1
            })
    }

    static let storeType = LuaHostType<Store>(name: "store")

    @Test func hostObjectsHaveMethodsAndFields() throws {
        let type = defineStore()
        let counter = Counter()
        let store = lua.object(Store(id: "calls", released: counter), of: type)
        #expect(
            try run("local s = ... return s:count('recordings'), s.id, s.other, tostring(s), type(s)", [store]) == [
                "calls:recordings", "calls", .nil, "store", "userdata",
            ])
    }

    @Test func hostObjectsCannotBeTamperedWith() throws {
        let type = defineStore()
        let store = lua.object(Store(id: "calls", released: Counter()), of: type)
        #expect(try run("return getmetatable(...)", [store]) == ["host object"])
        for source in [
            "setmetatable(..., {})", "local s = ... s.id = 'x'", "local s = ... rawset(s, 'id', 'x')",
            "local s = ... s.count = nil",
        ] {
            #expect(throws: LuaError.self, "\(source)") { try run(source, [store]) }
        }
        #expect { try run("local s = ... return s.count({}, 'x')", [store]) } throws: { error in
            (error as? LuaError)?.message == "bad argument #1 to 'count' (store expected, got table)"
        }
    }

    @Test func hostObjectsAreReleasedWhenCollected() throws {
        let type = defineStore()
        let counter = Counter()
        do {
            let store = lua.object(Store(id: "tmp", released: counter), of: type)
            #expect(try run("return (...).id", [store]) == ["tmp"])
            lua.release(try #require(store.referenceValue))
        }
        lua.collectGarbage()
        #expect(counter.value == 1)
    }

    /// A host function that makes an object on every call (as `ctx:store(id)` does) keeps none
    /// of them once scripts drop them: memory stays flat however many calls a state serves.
    @Test func hostObjectsReturnedByAFunctionAreReleasedWhenCollected() throws {
        let type = defineStore()
        let counter = Counter()
        try lua.setGlobal(
            "open",
            lua.function("open") { call in
                call.push(Store(id: try call.string(1), released: counter), of: type)
                return 1
            })
        #expect(try run("for i = 1, 1000 do local s = open('s' .. i); assert(s.id == 's' .. i) end return 1") == [1])
        lua.collectGarbage()
        #expect(counter.value == 1000)
    }

    @Test func hostObjectsAreReleasedWithTheirState() throws {
        let counter = Counter()
        do {
            let state = try LuaState()
            let type = state.defineType(Store.self, name: "store")
            _ = state.object(Store(id: "a", released: counter), of: type)
            _ = state.object(Store(id: "b", released: counter), of: type)
        }
        #expect(counter.value == 2)
    }
}
