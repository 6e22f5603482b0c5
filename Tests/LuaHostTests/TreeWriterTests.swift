import CLua
import Testing

@testable import LuaHost

/// Read-only trees written table by table: scripts see what they see of the same tree handed to
/// `readOnly` as a value.
@Suite struct TreeWriterTests {
    let lua: LuaState
    init() throws { lua = try LuaState() }

    func run(_ source: String, _ arguments: [LuaValue] = []) throws -> [LuaValue] {
        try lua.call(try lua.load(source, name: "tree.lua"), arguments)
    }

    /// Writes `value` with the writer, the way a host walking a tree of its own would.
    func written(_ value: LuaValue, fallback: LuaValue? = nil) throws -> LuaValue {
        try lua.readOnlyTree(fallback: fallback) { writer throws(LuaError) in try write(value, into: &writer) }
    }

    func write(_ value: LuaValue, into writer: inout LuaTreeWriter) throws(LuaError) {
        guard case .table(let table) = value else { return try writer.value(value) }
        try writer.beginTable(tag: table.tag, elements: table.array.count, fields: table.fields.count)
        for element in table.array { try write(element, into: &writer) }
        for (key, field) in table.fields {
            guard case .string(let name) = key else { continue }
            try writer.key(name)
            try write(field, into: &writer)
        }
        try writer.endTable()
    }

    /// A descriptor-like tree: fields out of alphabetical order, lists, nested tags.
    static let sample: LuaValue = .table(
        LuaTable(
            fields: [
                ("zeta", "last in the alphabet, first here"),
                (
                    "data",
                    .table(
                        LuaTable(
                            array: [
                                .table(
                                    LuaTable(
                                        fields: [
                                            ("category", "user.contact.email"), ("subjects", ["customer", "prospect"]),
                                        ], tag: 2)),
                                .table(
                                    LuaTable(
                                        fields: [("retention", .table(LuaTable(fields: [("period", "P6M")], tag: 4)))],
                                        tag: 3)),
                            ], tag: 1))
                ),
                ("alpha", 1), ("ratio", 0.5), ("on", true),
            ],
            tag: 0))

    static let walk = """
        local function walk(t, out, prefix)
          for k, v in pairs(t) do
            if type(v) == 'table' then walk(v, out, prefix .. tostring(k) .. '.') else out[#out + 1] = prefix .. tostring(k) .. '=' .. tostring(v) end
          end
          return out
        end
        local t, tag_of = ...
        return table.concat(walk(t, {}, ''), ' '), tag_of(t), tag_of(t.data), tag_of(t.data[2]), tag_of(t.data[2].retention), #t.data, getmetatable(t)
        """

    @Test func aWrittenTreeReadsLikeTheSameTreeMadeReadOnly() throws {
        let tagOf = lua.function("tag_of") { call in
            if let tag = call.tag(1) { call.push(tag) } else { call.pushNil() }
            return 1
        }
        let fromValue = try run(Self.walk, [try lua.readOnly(Self.sample), tagOf])
        let fromWriter = try run(Self.walk, [try written(Self.sample), tagOf])
        #expect(fromWriter == fromValue)
        #expect(
            fromWriter[0]
                == "zeta=last in the alphabet, first here data.1.category=user.contact.email data.1.subjects.1=customer data.1.subjects.2=prospect data.2.retention.period=P6M alpha=1 ratio=0.5 on=true"
        )
        #expect(Array(fromWriter.dropFirst()) == [0, 1, 3, 4, 2, "read-only"])
        #expect(try run("return ...", [try written(Self.sample)]) == [Self.sample.withoutTags])
    }

    @Test func aWrittenTreeCannotBeChanged() throws {
        let tree = try written(Self.sample)
        for (script, message) in [
            ("(...).zeta = 1", "attempt to set field 'zeta' of a read-only table"),
            ("(...).data[1].category = 'x'", "attempt to set field 'category' of a read-only table"),
            ("(...).data[3] = {}", "attempt to modify a read-only table"),
            ("rawset((...).data, 1, 2)", "attempt to modify a read-only table"),
            ("setmetatable(..., {})", "cannot change a protected metatable"),
        ] {
            #expect { try run(script, [tree]) } throws: { error in
                (error as? LuaError)?.message.contains(message) == true
            }
        }
    }

    @Test func nilValuesAreNoFieldsAndHolesInLists() throws {
        let tree = try lua.readOnlyTree { writer throws(LuaError) in
            try writer.beginTable(fields: 3)
            try writer.key("gone")
            try writer.value(.nil)
            try writer.key("kept")
            try writer.value("yes")
            try writer.key("list")
            try writer.beginTable(elements: 3)
            try writer.value("a")
            try writer.value(.nil)
            try writer.value("c")
            try writer.endTable()
            try writer.endTable()
        }
        let result = try run(
            "local t = ... local keys = {} for k in pairs(t) do keys[#keys + 1] = k end return table.concat(keys, ','), t.gone, t.list[1], t.list[2], t.list[3]",
            [tree])
        #expect(result == ["kept,list", .nil, "a", .nil, "c"])
    }

    @Test func aKeyWrittenTwiceKeepsItsPlaceAndTakesTheLaterValue() throws {
        var table = LuaTable(fields: [("b", 1), ("a", 2)])
        table["b"] = 3
        let tree = try lua.readOnlyTree { writer throws(LuaError) in
            try writer.beginTable(fields: 3)
            for (key, value) in [("b", 1), ("a", 2), ("b", 3)] as [(String, LuaValue)] {
                try writer.key(key)
                try writer.value(value)
            }
            try writer.endTable()
        }
        let order =
            "local keys = {} for k, v in pairs(...) do keys[#keys + 1] = k .. '=' .. v end return table.concat(keys, ' ')"
        #expect(try run(order, [tree]) == ["b=3 a=2"])
        #expect(try run(order, [try lua.readOnly(.table(table))]) == ["b=3 a=2"])
    }

    @Test func aFallbackAnswersKeysTheTreeLacks() throws {
        let methods = try lua.readOnly(["greet": "hello", "zeta": "hidden"])
        let tree = try written(Self.sample, fallback: methods)
        #expect(
            try run("local t = ... return t.greet, t.zeta, t.data[1].greet", [tree]) == [
                "hello", "last in the alphabet, first here", .nil,
            ])
    }

    @Test func nestingIsBoundedAsForValues() throws {
        let shallow = try LuaState(options: .init(maxValueDepth: 3))
        var deep: LuaValue = ["leaf": 1]
        for _ in 0..<3 { deep = ["inner": deep] }
        let viaValue = #expect(throws: LuaError.self) { try shallow.readOnly(deep) }
        let viaWriter = #expect(throws: LuaError.self) {
            try shallow.readOnlyTree { writer throws(LuaError) in try write(deep, into: &writer) }
        }
        #expect(viaWriter?.message == viaValue?.message)
        #expect(viaWriter?.message == "table nesting deeper than 3 levels")
        #expect(stackHeight(shallow) == 0)
    }

    @Test func aRootThatIsNoTableIsItsOwnValue() throws {
        #expect(try lua.readOnlyTree { writer throws(LuaError) in try writer.value("plain") } == "plain")
    }

    @Test func anUnfinishedTreeIsAnError() throws {
        #expect(throws: LuaError.self) {
            try lua.readOnlyTree { writer throws(LuaError) in try writer.beginTable() }
        }
        #expect(throws: LuaError.self) {
            try lua.readOnlyTree { writer throws(LuaError) in
                try writer.beginTable()
                try writer.key("dangling")
                try writer.endTable()
            }
        }
        #expect(stackHeight(lua) == 0)
    }
}

/// The number of values on a state's stack: writing a tree leaves none behind, even on error.
private func stackHeight(_ state: LuaState) -> Int32 { lua_gettop(state.L) }

extension LuaValue {
    /// The same value with no table tags (what reading a tree back gives).
    fileprivate var withoutTags: LuaValue {
        guard case .table(var table) = self else { return self }
        table.tag = nil
        table.array = table.array.map(\.withoutTags)
        for (key, value) in table.fields { table[key] = value.withoutTags }
        return .table(table)
    }
}
