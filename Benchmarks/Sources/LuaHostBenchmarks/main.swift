// Benchmarks of the Lua host (issue 2). Prints a Markdown section for BENCHMARKS.md.
import BenchmarkKit
import Foundation
import LuaHost

/// A descriptor-shaped tree of about 200 nodes.
func descriptorTree() -> LuaValue {
    var data: [LuaValue] = []
    for i in 0..<18 {
        data.append([
            "category": .string("user.contact.item\(i)"), "subjects": ["customer", "prospect"],
            "purposes": ["support"], "retention": ["period": "P3Y", "from": "end_of_contract"],
        ])
    }
    return [
        "cadre": "system/v1", "id": "voicebot-support", "name": "Voicebot", "owner": "relation-client@electra.example",
        "organisation": ["name": "Électra Énergie SAS", "country": "FR", "employees": 1800],
        "purposes": [["id": "support", "legal_basis": "contract", "uses": ["essential.service.operations.support"]]],
        "data": .table(LuaTable(array: data)),
        "ai": [["id": "nlu", "kind": "voicebot", "discloses_ai": "at_start", "human_oversight": ["escalation": true]]],
    ]
}

func nodeCount(_ value: LuaValue) -> Int {
    guard case .table(let table) = value else { return 1 }
    return 1 + table.array.map(nodeCount).reduce(0, +) + table.fields.map { nodeCount($0.value) }.reduce(0, +)
}

/// Code shaped like a rule: walk the data items, compare taxonomy keys by prefix, count findings.
let ruleLikeCode = """
    local function holds(system, prefix)
      for _, item in ipairs(system.data) do
        local c = item.category
        if c == prefix or c:sub(1, #prefix + 1) == prefix .. '.' then return true end
      end
      return false
    end
    return function(system, rounds)
      local findings = 0
      for r = 1, rounds do
        for _, item in ipairs(system.data) do
          if item.retention == nil or item.retention.period == 'P3Y' then findings = findings + 1 end
          for _, subject in ipairs(item.subjects) do
            if subject == 'prospect' and #item.purposes > 0 then findings = findings + 1 end
          end
        end
        if holds(system, 'user.contact') then findings = findings + 1 end
        if holds(system, 'user.biometric') then findings = findings + 1 end
      end
      return findings
    end
    """

/// Reads every field of the descriptor tree by name, as rules do.
let readEveryField = """
    return function(s)
      local x
      x = s.cadre; x = s.id; x = s.name; x = s.owner
      local o = s.organisation; x = o.name; x = o.country; x = o.employees
      for _, p in ipairs(s.purposes) do x = p.id; x = p.legal_basis; for _, u in ipairs(p.uses) do x = u end end
      for _, d in ipairs(s.data) do
        x = d.category
        for _, v in ipairs(d.subjects) do x = v end
        for _, v in ipairs(d.purposes) do x = v end
        local r = d.retention; x = r.period; x = r.from
      end
      for _, a in ipairs(s.ai) do x = a.id; x = a.kind; x = a.discloses_ai; x = a.human_oversight.escalation end
      return x
    end
    """

func run() throws {
    var report = Report(title: "Lua host (issue 2)")
    let tree = descriptorTree()

    // 1. Creating a sandboxed state.
    report.add(
        measure("create a sandboxed state (and close it)", iterations: 2_000) {
            blackHole(try? LuaState())
        }, targetNanoseconds: 50_000)
    let probe = try LuaState()
    report.note("- A new state holds \(probe.memoryInUse / 1024) KiB.")

    // 2. Calling a Lua function from Swift.
    let lua = try LuaState()
    let add = try lua.call(try lua.load("return function(a, b) return a + b end", name: "add.lua"))[0]
    report.add(
        measure("call a Lua function from Swift (2 arguments, 1 result)", iterations: 200_000) {
            blackHole(try? lua.call(add, [1, 2]))
        }, targetNanoseconds: 1_000)
    let noop = try lua.call(try lua.load("return function() end", name: "noop.lua"))[0]
    report.add(
        measure("call a Lua function from Swift (no arguments, no result)", iterations: 200_000) {
            blackHole(try? lua.call(noop))
        }, targetNanoseconds: 1_000)

    // 3. Calling a Swift function from Lua.
    try lua.setGlobal(
        "identity",
        lua.function("identity") { call in
            call.push(try call.integer(1))
            return 1
        })
    let loops = 1_000_000
    let hostLoop = try lua.call(
        try lua.load(
            "return function(n) local s = 0 for i = 1, n do s = s + identity(i) end return s end", name: "host-loop.lua"
        ))[0]
    let luaLoop = try lua.call(
        try lua.load(
            "local function identity(x) return x end return function(n) local s = 0 for i = 1, n do s = s + identity(i) end return s end",
            name: "lua-loop.lua"))[0]
    let unlimited = LuaLimits(memoryBytes: 0, instructions: 0, deadline: nil)
    let swiftFromLua = measure("call a Swift function from Lua (1 argument, 1 result)", iterations: 1, samples: 11) {
        blackHole(try? lua.call(hostLoop, [.integer(Int64(loops))], limits: unlimited))
    }
    report.add(scaled(swiftFromLua, by: loops), targetNanoseconds: 1_000)
    let luaFromLua = measure("  for scale: call a Lua function from Lua", iterations: 1, samples: 11) {
        blackHole(try? lua.call(luaLoop, [.integer(Int64(loops))], limits: unlimited))
    }
    report.add(scaled(luaFromLua, by: loops))

    // 4. A 200-node read-only tree: built once per system (per worker), then handed to every rule.
    let nodes = nodeCount(tree)
    report.add(
        measure("build a \(nodes)-node read-only tree (once per system and worker)", iterations: 2_000) {
            guard let built = try? lua.readOnly(tree), let reference = built.referenceValue else { return }
            lua.release(reference)
        })
    let shared = try lua.readOnly(tree)
    let readAll = try lua.call(try lua.load(readEveryField, name: "read-all.lua"))[0]
    report.add(
        measure("hand the built tree to a script that reads every field by name", iterations: 20_000) {
            blackHole(try? lua.call(readAll, [shared]))
        }, targetNanoseconds: 20_000)
    let walk = try lua.call(
        try lua.load(
            """
            local function walk(t) local n = 1 for _, v in pairs(t) do if type(v) == 'table' then n = n + walk(v) else n = n + 1 end end return n end
            return walk
            """, name: "walk.lua"))[0]
    report.add(
        measure("hand the built tree to a script that walks it all with pairs", iterations: 5_000) {
            blackHole(try? lua.call(walk, [shared]))
        })
    report.add(
        measure("build the tree and walk it all with pairs", iterations: 2_000) {
            guard let built = try? lua.readOnly(tree), let reference = built.referenceValue else { return }
            blackHole(try? lua.call(walk, [built]))
            lua.release(reference)
        })
    // The same tree as ordinary tables, kept in an environment (tables cross the bridge by copy).
    let holder = try lua.makeEnvironment(["tree": tree, "walk": walk, "read_all": readAll])
    let readPlain = try lua.load("return read_all(tree)", name: "read-plain.lua", environment: holder)
    let walkPlain = try lua.load("return walk(tree)", name: "walk-plain.lua", environment: holder)
    report.add(
        measure("  for scale: reading every field by name, plain tables", iterations: 20_000) {
            blackHole(try? lua.call(readPlain))
        })
    report.add(
        measure("  for scale: walking it all with pairs, plain tables", iterations: 5_000) {
            blackHole(try? lua.call(walkPlain))
        })

    // 5. What the instruction limit costs on rule-like code.
    let rule = try lua.call(try lua.load(ruleLikeCode, name: "rule-like.lua"))[0]
    let ruleOnPlain = try lua.load(
        "local rule, rounds = ... return rule(tree, rounds)", name: "rule-plain.lua", environment: holder)
    _ = try lua.call(readAll, [shared])
    let rounds: LuaValue = 200
    let limited = measure("rule-like code, with the limits armed (count hook, deadline)", iterations: 20) {
        blackHole(try? lua.call(ruleOnPlain, [rule, rounds]))
    }
    let free = measure("rule-like code, with no limit (no hook)", iterations: 20) {
        blackHole(try? lua.call(ruleOnPlain, [rule, rounds], limits: unlimited))
    }
    let onTree = measure("rule-like code on the read-only tree, limits armed", iterations: 20) {
        blackHole(try? lua.call(rule, [shared, rounds]))
    }
    report.add(limited)
    report.add(free)
    report.add(onTree)
    report.note(
        String(
            format:
                "- The instruction limit costs %.1f%% on rule-like code (median with limits / median without = %.3f). "
                + "Reading through a read-only tree instead of a plain table costs %.1f%%.",
            (limited.median / free.median - 1) * 100, limited.median / free.median,
            (onTree.median / limited.median - 1) * 100))
    report.note("- " + Report.machineLine())
    print(report.markdown)
}

/// A measurement of `count` operations per iteration, as time per operation.
func scaled(_ m: BenchmarkResult, by count: Int) -> BenchmarkResult {
    BenchmarkResult(
        name: m.name, samples: m.samples.map { $0 / Double(count) }, iterationsPerSample: m.iterationsPerSample * count)
}

/// `LuaHostBenchmarks profile-tree N MODE`: one operation N times, for callgrind's instruction
/// counts (repeatable whatever else the machine does). MODE: build, walk, plain, rule-limited,
/// rule-free, rule-tree… (see the switch).
func profileTree(_ count: Int) throws {
    let lua = try LuaState()
    let tree = descriptorTree()
    let walk = try lua.call(
        try lua.load(
            "local function walk(t) local n = 1 for _, v in pairs(t) do if type(v) == 'table' then n = n + walk(v) else n = n + 1 end end return n end return walk",
            name: "walk.lua"))[0]
    let mode = CommandLine.arguments.count > 3 ? CommandLine.arguments[3] : "build+walk"
    let shared = try lua.readOnly(tree)
    let holder = try lua.makeEnvironment(["tree": tree, "walk": walk])
    let walkPlain = try lua.load("return walk(tree)", name: "walk-plain.lua", environment: holder)
    let unlimited = LuaLimits(memoryBytes: 0, instructions: 0, deadline: nil)
    let readAll = try lua.call(try lua.load(readEveryField, name: "read-all.lua"))[0]
    let readHolder = try lua.makeEnvironment(["tree": tree, "read_all": readAll])
    let readPlain = try lua.load("return read_all(tree)", name: "read-plain.lua", environment: readHolder)
    let rule = try lua.call(try lua.load(ruleLikeCode, name: "rule-like.lua"))[0]
    let ruleOnPlain = try lua.load(
        "local rule, rounds = ... return rule(tree, rounds)", name: "rule-plain.lua", environment: holder)
    for _ in 0..<count {
        switch mode {
        case "read": blackHole(try lua.call(readAll, [shared]))
        case "read-plain": blackHole(try lua.call(readPlain))
        case "rule-limited": blackHole(try lua.call(ruleOnPlain, [rule, 1]))
        case "rule-free": blackHole(try lua.call(ruleOnPlain, [rule, 1], limits: unlimited))
        case "rule-tree": blackHole(try lua.call(rule, [shared, 1]))
        case "walk": blackHole(try lua.call(walk, [shared]))
        case "walk-unlimited": blackHole(try lua.call(walk, [shared], limits: unlimited))
        case "plain": blackHole(try lua.call(walkPlain))
        case "plain-unlimited": blackHole(try lua.call(walkPlain, limits: unlimited))
        case "build":
            let built = try lua.readOnly(tree)
            if let reference = built.referenceValue { lua.release(reference) }
        default:
            let built = try lua.readOnly(tree)
            blackHole(try lua.call(walk, [built]))
            if let reference = built.referenceValue { lua.release(reference) }
        }
    }
}

do {
    let arguments = CommandLine.arguments
    if arguments.count >= 3, arguments[1] == "profile-tree", let count = Int(arguments[2]) {
        try profileTree(count)
    } else {
        try run()
    }
} catch {
    FileHandle.standardError.write("benchmark failed: \(error)\n".data(using: .utf8)!)
    exit(1)
}
