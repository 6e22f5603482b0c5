import Testing

@testable import LuaHost

/// Values crossing the bridge both ways: what Swift pushes is what Lua sees, and what Lua returns
/// is what Swift reads.
@Suite struct ValueBridgeTests {
    let lua: LuaState
    init() throws { lua = try LuaState() }

    /// Runs `source` with `arguments` as `...` and returns its results.
    func run(_ source: String, _ arguments: [LuaValue] = [], mode: LuaReadMode = .data) throws -> [LuaValue] {
        try lua.call(try lua.load(source, name: "bridge.lua"), arguments, mode: mode)
    }

    /// Calls that hand over one value piece by piece share a budget: a string Lua holds once is
    /// paid each time a piece names it, so the pieces together copy no more than the whole could.
    @Test func copiesSharingABudgetStopAtItsEnd() throws {
        let next = try lua.call(
            try lua.load(
                "local s, i = ('x'):rep(400000), 0 return function() i = i + 1 return {n = i, text = s} end",
                name: "pieces.lua"))[0]
        defer { if case .reference(let reference) = next { lua.release(reference) } }
        var budget = CopyBudget(bytes: 1 << 20)
        for piece in 1...2 {
            let copied = try lua.call(next, [], mode: .data, budget: &budget)
            #expect(copied.first?.tableValue?["n"] == .integer(Int64(piece)))
        }
        #expect(throws: LuaError.self) { try lua.call(next, [], mode: .data, budget: &budget) }
        // Each piece alone is well within a budget of its own.
        #expect(try lua.call(next, [], mode: .data).first?.tableValue?["n"] == .integer(4))
    }

    @Test func scalarsRoundTrip() throws {
        let values: [LuaValue] = [
            .nil, true, false, 0, -1, .integer(.max), .integer(.min), 1.5, -0.25, .number(.infinity),
            "", "text", "accents: é, ü, 日本", "zero\u{0}byte",
        ]
        let echoed = try run("return ...", values)
        #expect(echoed == values)
        let types = try run(
            "local t = {} for i = 1, select('#', ...) do t[i] = math.type((select(i, ...))) or type((select(i, ...))) end return table.concat(t, ',')",
            [1, 1.0, "1"])
        #expect(types == ["integer,float,string"])
    }

    @Test func integersAndFloatsStayDistinct() throws {
        #expect(try run("return 3, 3.0, 2^53, 7 // 2, 7 / 2") == [3, 3.0, .number(9_007_199_254_740_992), 3, 3.5])
    }

    @Test func invalidUTF8IsRepairedNotLost() throws {
        let result = try run("return 'ok\\xff\\xfe' .. 'end'")
        #expect(result == ["ok\u{FFFD}\u{FFFD}end"])
    }

    @Test func tablesRoundTripWithSortedFields() throws {
        let value: LuaValue = [
            "name": "voicebot", "retention": ["period": "P6M", "from": "collection"],
            "subjects": ["customer", "employee"], "count": 2, "ratio": 0.5, "enabled": true,
        ]
        let echoed = try run("return ...", [value])[0]
        #expect(echoed == value)
        let fields = try #require(echoed.tableValue).fields.map { $0.key }
        #expect(fields == ["count", "enabled", "name", "ratio", "retention", "subjects"])
    }

    @Test func mixedTablesKeepArrayAndFields() throws {
        let result = try run("return {10, 20, 30, [5] = 50, x = 'y', [true] = 1, [2.5] = 'f'}")[0]
        let table = try #require(result.tableValue)
        #expect(table.array == [10, 20, 30])
        #expect(table[.integer(5)] == 50)
        #expect(table["x"] == "y")
        #expect(table[.boolean(true)] == 1)
        #expect(table[.number(2.5)] == "f")
        #expect(table.count == 7)
    }

    @Test func luaSeesSwiftTablesAsSequencesAndRecords() throws {
        let result = try run(
            "local t = ... return #t.items, t.items[2], t.meta.owner, t.items[4]",
            [["items": [1, 2, 3], "meta": ["owner": "dpo@electra.example"]]])
        #expect(result == [3, 2, "dpo@electra.example", .nil])
    }

    @Test func largeTablesRoundTrip() throws {
        let big = LuaValue.table(LuaTable(array: (1...100_000).map { .integer(Int64($0)) }))
        let result = try run(
            "local t = ... local sum = 0 for _, v in ipairs(t) do sum = sum + v end return sum, t", [big])
        #expect(result[0] == .integer(5_000_050_000))
        #expect(result[1] == big)
        var wide = LuaTable()
        for i in 0..<10_000 { wide["key\(i)"] = .string("value \(i)") }
        #expect(try run("return ...", [.table(wide)]) == [.table(wide)])
    }

    @Test func deepNestingUpToTheLimit() throws {
        var value: LuaValue = "leaf"
        for _ in 0..<150 { value = ["child": value] }
        #expect(try run("return ...", [value]) == [value])
        let depth = try run(
            "local t, n = ..., 0 while type(t) == 'table' do t, n = t.child, n + 1 end return n", [value])
        #expect(depth == [150])
    }

    @Test func tooDeepNestingIsAnErrorBothWays() throws {
        let deepFromLua = "local t = {} local c = t for i = 1, 500 do c.child = {} c = c.child end return t"
        #expect { try run(deepFromLua) } throws: { error in
            let error = error as? LuaError
            return error?.kind == .host && error?.message.contains("deeper than 200 levels") == true
                && error?.message.hasPrefix("at child.child") == true
        }
        var value: LuaValue = 1
        for _ in 0..<300 { value = [value] }
        #expect(throws: LuaError.self) { try run("return ...", [value]) }
    }

    @Test func cyclesAreReportedWithTheirPath() throws {
        #expect { try run("local t = {data = {{}}} t.data[1].back = t return t") } throws: { error in
            let error = error as? LuaError
            return error?.message == "at data[1].back: a table contains itself (a cycle)"
        }
        // The same table twice is not a cycle.
        let shared = try run("local s = {1} return {a = s, b = s}")[0]
        #expect(shared == ["a": [1], "b": [1]])
    }

    @Test func functionsComeBackAsReferencesOrErrors() throws {
        let results = try run("return function(x) return x * 2 end, {f = print}", mode: .references)
        let double = try #require(results[0].referenceValue)
        #expect(double.kind == .function)
        #expect(try lua.call(results[0], [21]) == [42])
        #expect(results[1]["f"].referenceValue?.kind == .function)
        lua.release(double)
        #expect { try run("return {handler = {print}}") } throws: { error in
            (error as? LuaError)?.message == "at handler[1]: a function value cannot be copied to the host"
        }
    }

    @Test func referencesFromAnotherStateAreRefused() throws {
        let other = try LuaState()
        let function = try other.call(try other.load("return print", name: "o.lua"))[0]
        #expect(throws: LuaError.self) { try lua.call(function) }
    }

    /// A state's memory, its control block's address included, may be reused by a later state:
    /// a reference kept past its state's end is refused all the same, by every later state.
    @Test func referencesOfAStateThatEndedAreRefused() throws {
        var stale: [LuaValue] = []
        for _ in 0..<50 {
            let gone = try LuaState()
            stale.append(
                try gone.call(try gone.load("return function() return 1 end", name: "gone.lua"), mode: .references)[0])
        }
        for _ in 0..<50 {
            let later = try LuaState()
            for reference in stale {
                #expect {
                    try later.call(reference)
                } throws: { error in
                    (error as? LuaError)?.message == "a reference from another Lua state cannot be used in this one"
                }
            }
        }
    }

    @Test func swiftValuesAreCopiesLuaCannotChange() throws {
        let value: LuaValue = ["list": [1, 2]]
        let changed = try run("local t = ... t.list[1] = 99 t.extra = true return t", [value])[0]
        #expect(changed["list"][1] == 99)
        #expect(value["list"][1] == 1)
    }

    @Test func tableKeysThatLuaRefusesAreHostErrors() throws {
        var table = LuaTable()
        table[.number(.nan)] = 1
        #expect { try run("return ...", [.table(table)]) } throws: { error in
            (error as? LuaError)?.message == "a table key cannot be NaN"
        }
    }

    // MARK: Read-only trees

    @Test func readOnlyTreesReadLikeTables() throws {
        let tree = try lua.readOnly([
            "id": "voicebot-support",
            "data": [
                ["category": "user.contact.phone_number", "subjects": ["customer"]],
                ["category": "user.content.call_recording"],
            ],
        ])
        let result = try run(
            """
            local s = ...
            local seen = {}
            for i, item in ipairs(s.data) do seen[#seen + 1] = i .. '=' .. item.category end
            return s.id, #s.data, s.data[1].subjects[1], table.concat(seen, ';'), type(s), rawlen(s.data), rawget(s, 'id'), next(s.data) ~= nil
            """, [tree])
        #expect(
            result == [
                "voicebot-support", 2, "customer",
                "1=user.contact.phone_number;2=user.content.call_recording", "table", 2, "voicebot-support", true,
            ])
    }

    @Test func readOnlyPairsFollowsTheHostsOrder() throws {
        let table = LuaTable(fields: [("zeta", 1), ("alpha", 2), ("mid", 3), ("beta", 4)], array: ["a", "b"])
        let tree = try lua.readOnly(.table(table))
        let order = try run(
            "local keys = {} for k, v in pairs(...) do keys[#keys + 1] = tostring(k) .. '=' .. tostring(v) end return table.concat(keys, ' ')",
            [tree])
        #expect(order == ["1=a 2=b zeta=1 alpha=2 mid=3 beta=4"])
    }

    @Test func readOnlyTreesReadBackAsData() throws {
        let value: LuaValue = ["name": "x", "items": [1, 2, ["deep": true]]]
        let tree = try lua.readOnly(value)
        #expect(try run("return ...", [tree]) == [value])
        #expect(try run("return (...).items", [tree]) == [[1, 2, ["deep": true]]])
    }

    @Test func readOnlyTreesCarryTagsToHostFunctions() throws {
        var inner = LuaTable(fields: [("period", "P6M")], tag: 7)
        inner["from"] = "collection"
        let tree = try lua.readOnly(.table(LuaTable(fields: [("retention", .table(inner))], tag: 3)))
        let tagOf = lua.function("tag_of") { call in
            if let tag = call.tag(1) { call.push(tag) } else { call.pushNil() }
            return 1
        }
        let result = try run(
            "local t, tag_of = ... return tag_of(t), tag_of(t.retention), tag_of({}), tag_of(setmetatable({}, {__metatable = 'read-only'}))",
            [tree, tagOf])
        #expect(result == [3, 7, .nil, .nil])
    }

    @Test func twoHundredNodeTreeIsCheapToShare() throws {
        let descriptor = Self.descriptorTree()
        let tree = try lua.readOnly(descriptor)
        let count = try run(
            """
            local function walk(t) local n = 1 for _, v in pairs(t) do if type(v) == 'table' then n = n + walk(v) else n = n + 1 end end return n end
            return walk(...)
            """, [tree])
        #expect(count == [.integer(Int64(Self.nodeCount(descriptor)))])
    }

    /// A descriptor-shaped tree of about 200 nodes.
    static func descriptorTree() -> LuaValue {
        var data: [LuaValue] = []
        for i in 0..<18 {
            data.append([
                "category": .string("user.contact.item\(i)"), "subjects": ["customer", "prospect"],
                "purposes": ["support"], "retention": ["period": "P3Y", "from": "end_of_contract"],
            ])
        }
        return [
            "cadre": "system/v1", "id": "voicebot-support", "name": "Voicebot",
            "owner": "relation-client@electra.example",
            "organisation": ["name": "Électra Énergie SAS", "country": "FR", "employees": 1800],
            "purposes": [
                ["id": "support", "legal_basis": "contract", "uses": ["essential.service.operations.support"]]
            ],
            "data": .table(LuaTable(array: data)),
            "ai": [
                ["id": "nlu", "kind": "voicebot", "discloses_ai": "at_start", "human_oversight": ["escalation": true]]
            ],
        ]
    }

    static func nodeCount(_ value: LuaValue) -> Int {
        guard case .table(let table) = value else { return 1 }
        return 1 + table.array.map(nodeCount).reduce(0, +) + table.fields.map { nodeCount($0.value) }.reduce(0, +)
    }
}
