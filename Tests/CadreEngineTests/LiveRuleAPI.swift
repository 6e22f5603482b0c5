import CLua
import CadreModel
import Foundation
import Testing

@testable import CadreEngine
@testable import LuaHost

/// The rule API as live worker states have it: every function and field a rule or a pack's test
/// can reach from `cadre`, a system's methods and collections, `ctx`, the durations, dates and
/// stores they return, `pack` and `require`, and the globals and matchers of test files.
///
/// Names read `cadre.taxonomy.matches`, `duration.compare`, `ctx.as_of`, `expectation.to_pass`,
/// `describe`; each maps to what Lua's `type` says of its value.
struct LiveRuleAPI {
    var names: [String: String] = [:]
    /// The system's collections: what a root that leaves them out still reads as a list.
    var systemCollections: Set<String> = []

    static func read() throws -> LiveRuleAPI {
        let workspace = try TemporaryWorkspace.with(rules: ["probe.lua": TemporaryWorkspace.rule("probe", check: "")])
        let folder = workspace.root.appendingPathComponent("pack").path
        let pack = try #require(PackLoader().load(at: folder, as: folder, settings: [:]).0)
        let taxonomy = try Taxonomy.bundled()
        let limits = LuaLimits()
        let worker = try EngineWorker(
            packs: [pack], taxonomy: taxonomy, limits: limits, asOf: try ISODate(parsing: "2026-11-29"))
        var api = LiveRuleAPI()
        try api.readRuleSide(of: worker, pack: pack, limits: limits)
        try api.readTestSide(pack: pack, worker: worker, taxonomy: taxonomy, limits: limits)
        return api
    }

    /// What a rule file sees: `cadre`, a system, `ctx`, `pack`, `require`.
    private mutating func readRuleSide(of worker: EngineWorker, pack: Pack, limits: LuaLimits) throws {
        let state = worker.state
        let globals = try PackGlobals.make(for: pack, in: state, limits: limits)
        let environment = try state.makeEnvironment(globals)
        let walk = try state.load(Self.walker, name: "walker", environment: environment)
        let found = try state.call(walk, [worker.library.systemMethods, worker.context], limits: limits)
        for line in (found.first?.stringValue ?? "").split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            if parts[0] == "collection" { systemCollections.insert(parts[1]) } else { names[parts[0]] = parts[1] }
        }
        for prefix in ["duration", "date"] {
            for method in try Self.functions(inMetatableOf: "probe_\(prefix)", of: environment, in: state) {
                names["\(prefix).\(method)"] = "function"
            }
        }
        for method in try Self.storeMethods(in: state) { names["store.\(method)"] = "function" }
    }

    /// What a test file sees besides: its globals and the matchers of `expect`.
    private mutating func readTestSide(pack: Pack, worker: EngineWorker, taxonomy: Taxonomy, limits: LuaLimits) throws {
        let state = try LuaState(options: .init(limits: limits))
        _ = try CadreLibrary(state: state, taxonomy: taxonomy, sink: FindingSink())
        let context = TestContext(pack: pack, defaultWorker: worker, taxonomy: taxonomy, limits: limits)
        let library = try TestLibrary(state: state, context: context, limits: limits)
        let globals = try #require(try state.call(library.newFile, [], limits: limits).first?.tableValue)
        for (key, value) in globals.fields { if let name = key.stringValue { names[name] = value.typeName } }
        let probe = try state.load(
            "local expect = ... local _, message = pcall(function() return expect(nil).no_such_matcher end) return message",
            name: "matchers")
        context.expectations.begin()  // as when a test runs: `expect` is for inside one
        let message = try state.call(probe, [try #require(globals["expect"])], limits: limits).first?.stringValue ?? ""
        _ = context.expectations.end()
        let list = try #require(message.firstMatch(of: /\(matchers: ([a-z_, ]+)\)/)?.1)
        for matcher in list.split(separator: ", ") { names["expectation.\(matcher)"] = "function" }
    }

    /// Walks what Lua can see and returns the names; leaves a duration and a date, whose methods
    /// are behind protected metatables, in its globals.
    private static let walker = """
        local system, ctx = ...
        local found = {}
        local function note(name, value) found[#found + 1] = name .. " " .. type(value) end
        local function walk(prefix, t, deeper)
          for key, value in pairs(t) do
            if type(key) == "string" and not key:find("^__") then
              note(prefix .. "." .. key, value)
              if deeper and type(value) == "table" then walk(prefix .. "." .. key, value, true) end
            end
          end
        end
        walk("cadre", cadre, true)
        walk("ctx", ctx, false)
        walk("pack", pack, false)
        note("require", require)
        for key, value in pairs(system) do
          if type(value) == "table" then found[#found + 1] = "collection " .. key else note("system." .. key, value) end
        end
        probe_duration, probe_date = cadre.duration("P1D"), cadre.date("2026-11-29")
        walk("duration", probe_duration, false)
        walk("date", probe_date, false)
        return table.concat(found, "\\n")
        """

    /// The names of the functions in the metatable of the global `name` of `environment`, read
    /// with Lua's C API: scripts cannot read a protected metatable.
    private static func functions(inMetatableOf name: String, of environment: LuaEnvironment, in state: LuaState) throws
        -> [String]
    {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        let L = state.L
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try state.push(.reference(environment.table))
        guard lua_getfield(L, -1, name) == LUA_TTABLE, lua_getmetatable(L, -1) != 0 else { return [] }
        return functions(inTableAt: lua_gettop(L), L)
    }

    /// The methods of store handles, from the metatable the store type registers.
    private static func storeMethods(in state: LuaState) throws -> [String] {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        let L = state.L
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        guard lua_getfield(L, clua_registryindex(), StoreLibrary.typeName) == LUA_TTABLE,
            lua_getfield(L, -1, "__index") == LUA_TTABLE
        else { return [] }
        return functions(inTableAt: lua_gettop(L), L)
    }

    // swift-format-ignore: AlwaysUseLowerCamelCase
    private static func functions(inTableAt index: Int32, _ L: OpaquePointer) -> [String] {
        var names: [String] = []
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            if lua_type(L, -2) == LUA_TSTRING, lua_type(L, -1) == LUA_TFUNCTION, let key = lua_tolstring(L, -2, nil) {
                let name = String(cString: key)
                if !name.hasPrefix("__") { names.append(name) }
            }
            lua_settop(L, -2)
        }
        return names
    }
}
