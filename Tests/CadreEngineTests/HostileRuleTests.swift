import CadreEngine
import CadreModel
import Foundation
import LuaHost
import Testing

/// Rules and plugins written to exhaust cadre from inside: values handed to the host that grow
/// without bound, memory kept from one system to the next, Lua's C loops at every hook. Each is
/// contained — an `error` result naming the limit, or a bounded value that says what it cut —
/// and every other rule runs as before.
@Suite struct HostileRuleTests {
    static let small = "limits: { memory_mb: 48, instructions: 2000000, deadline_ms: 60000 }"

    /// Evaluates one workspace with the rules given, on `systems` copies of the minimal system.
    func evaluate(_ rules: [String: String], systems count: Int = 1, limits: String = small) throws -> Evaluation {
        var systems: [String: String] = [:]
        for index in 1...count {
            let id = count == 1 ? "a" : "s\(index)"
            systems["systems/\(id).yaml"] = TemporaryWorkspace.descriptor(id: id)
        }
        let workspace = try TemporaryWorkspace.with(
            rules: rules, systems: systems, extra: ["cadre.yaml": TemporaryWorkspace.workspace + "\n" + limits])
        return try workspace.evaluate(jobs: 1)
    }

    static let innocent = TemporaryWorkspace.rule("innocent", check: "ctx:info('%s ok', system.id)")

    // MARK: Values handed to the host

    @Test func hugeMessagesAreCutAndSaySo() throws {
        let evaluation = try evaluate(
            [
                "big.lua": TemporaryWorkspace.rule(
                    "big",
                    check: """
                        local m = string.rep('m', 16 << 20)
                        for i = 1, 40 do ctx:fail(m) end
                        """), "innocent.lua": Self.innocent,
            ], limits: "limits: { memory_mb: 64, instructions: 20000000, deadline_ms: 60000 }")
        let result = try #require(evaluation.result("test.big"))
        #expect(result.status == .fail)
        let kept = result.findings.filter { $0.level == .fail }
        #expect(kept.count == 40)
        for finding in kept {
            #expect(finding.message.utf8.count < 4_200)
            #expect(finding.message.hasSuffix("more bytes)"))
        }
        #expect(evaluation.result("test.innocent")?.status == .pass)
    }

    @Test func findingsPastTheirTextBudgetAreCountedNotKept() throws {
        let evaluation = try evaluate([
            "many.lua": TemporaryWorkspace.rule(
                "many",
                check: """
                    local m = string.rep('w', 4000)
                    for i = 1, 600 do ctx:warn(m) end
                    """)
        ])
        let result = try #require(evaluation.result("test.many"))
        let warnings = result.findings.filter { $0.level == .warn }
        #expect(warnings.count == (1 << 20) / 4000)
        #expect(result.findings.last?.message.hasPrefix("\(600 - warnings.count) more findings were not kept") == true)
    }

    @Test func aMillionFindingsKeepAThousand() throws {
        let evaluation = try evaluate(
            ["flood.lua": TemporaryWorkspace.rule("flood", check: "for i = 1, 1e6 do ctx:info('n') end")],
            limits: "limits: { memory_mb: 48, instructions: 50000000, deadline_ms: 60000 }")
        let result = try #require(evaluation.result("test.flood"))
        #expect(result.findings.count == 1_001)
        #expect(
            result.findings.last?.message.hasPrefix("999,000 more findings were not kept (a rule keeps 1,000 findings")
                == true)
    }

    @Test func evidenceIsBoundedWhateverTheListHolds() throws {
        let evaluation = try evaluate([
            "evidence.lua": TemporaryWorkspace.rule(
                "evidence",
                check: """
                    local list = {}
                    for i = 1, 200000 do list[i] = 'item ' .. i end
                    list[1] = string.rep('e', 1 << 20)
                    ctx:fail({node = system, evidence = list}, 'many')
                    -- tables that share sub-tables: a small value that copies into a huge one
                    local dag = {'leaf'}
                    for i = 1, 60 do dag = {dag, dag} end
                    ctx:fail({node = system, evidence = {dag, dag, 'text', 12, true}}, 'shared')
                    ctx:fail({node = system, evidence = setmetatable({}, {__index = function() while true do end end, __len = function() return 1e9 end})}, 'tricked')
                    """)
        ])
        let result = try #require(evaluation.result("test.evidence"))
        let many = try #require(result.findings.first { $0.message == "many" })
        #expect(many.evidence.count == 33)
        #expect(many.evidence[0].utf8.count < 600 && many.evidence[0].hasSuffix("more bytes)"))
        #expect(many.evidence[1] == "item 2")
        #expect(many.evidence.last == "…(199968 more)")
        let shared = try #require(result.findings.first { $0.message == "shared" })
        #expect(shared.evidence == ["(a table value)", "(a table value)", "text", "12", "true"])
        let tricked = try #require(result.findings.first { $0.message == "tricked" })
        #expect(tricked.evidence.isEmpty)
    }

    @Test func aHugeErrorMessageIsCut() throws {
        let evaluation = try evaluate(
            [
                "raise.lua": TemporaryWorkspace.rule("raise", check: "error(string.rep('e', 30 << 20))"),
                "innocent.lua": Self.innocent,
            ], limits: "limits: { memory_mb: 96, deadline_ms: 60000 }")
        let result = try #require(evaluation.result("test.raise"))
        #expect(result.status == .error)
        let message = try #require(result.failure?.message)
        #expect(message.utf8.count < 4_200)
        #expect(message.hasSuffix("more bytes)"))
        #expect(evaluation.result("test.innocent")?.status == .pass)
    }

    /// Dates, durations, taxonomy keys and module names are read at most 256 bytes, and an error
    /// quotes a bounded part: a loop passing 16 MiB strings costs what it keeps.
    @Test func hugeArgumentsToTheRuleAPIAreReadBounded() throws {
        let clock = ContinuousClock()
        var evaluation: Evaluation?
        let elapsed = try clock.measure {
            evaluation = try evaluate(
                [
                    "args.lua": TemporaryWorkspace.rule(
                        "args",
                        check: """
                            local big = string.rep('P', 16 << 20)
                            local _, d = pcall(cadre.duration, big)
                            local _, t = pcall(cadre.date, big)
                            ctx:info('%s', d)
                            ctx:info('%s', t)
                            for i = 1, 1000 do
                              pcall(cadre.duration, big)
                              pcall(cadre.date, big)
                              cadre.taxonomy.special(big)
                              cadre.taxonomy.known(big)
                              cadre.taxonomy.name(big)
                            end
                            """),
                    "innocent.lua": Self.innocent,
                ], limits: "limits: { memory_mb: 64, instructions: 100000000, deadline_ms: 3000 }")
        }
        #expect(elapsed < .seconds(5))
        let result = try #require(evaluation?.result("test.args"))
        #expect(result.status == .pass, "\(String(describing: result.failure))")
        let cut = String(repeating: "P", count: 256) + "…(16,776,960 more bytes)"
        let messages = result.findings.map(\.message).sorted()
        #expect(messages.count == 2)
        #expect(messages.first?.hasPrefix("`\(cut)` is not a valid date: ") == true)
        #expect(messages.last?.hasPrefix("`\(cut)` is not a valid duration: ") == true)
        #expect(messages.allSatisfy { $0.utf8.count < 512 })
        #expect(evaluation?.result("test.innocent")?.status == .pass)
    }

    @Test func aHugeFindingKeyAndALogFloodAreBounded() throws {
        let evaluation = try evaluate(
            [
                "keys.lua": TemporaryWorkspace.rule(
                    "keys",
                    check: """
                        ctx:fail({system, string.rep('k', 1 << 20)}, 'key')
                        local line = string.rep('l', 1 << 20)
                        for i = 1, 2000 do print(line) end
                        """)
            ], limits: "limits: { memory_mb: 64, instructions: 100000000, deadline_ms: 60000 }")
        let result = try #require(evaluation.result("test.keys"))
        #expect(result.status == .fail)
        // At most 64 KiB of lines, each cut to 1 KiB, then how many were dropped.
        let kept = result.log.count - 1
        #expect(kept > 0 && kept <= 64)
        #expect(result.log.dropped(more: 2000 - kept))
        #expect(result.log.dropLast().allSatisfy { $0.utf8.count < 1_100 && $0.hasSuffix("more bytes)") })
    }

    @Test func aValueCopiedIntoTheHostIsBounded() throws {
        // A rule file returning tables that share sub-tables: a copy would be 2^40 tables.
        let evaluation = try evaluate([
            "dag.lua": """
            local dag = {'leaf'}
            for i = 1, 40 do dag = {dag, dag} end
            return { id = 'test.dag', title = 'DAG', severity = 'low', references = {'x'}, tags = dag,
                     check = function() end }
            """, "innocent.lua": Self.innocent,
        ])
        let problem = try #require(evaluation.diagnostics.first { $0.isError && $0.location.file.hasSuffix("dag.lua") })
        #expect(problem.message.contains("too large to hand to the host"))
        #expect(evaluation.result("test.innocent")?.status == .pass)
    }

    // MARK: Memory kept between systems

    @Test func aRuleThatHoardsErrsAndItsNeighboursDoNot() throws {
        let evaluation = try evaluate(
            [
                "hoard.lua": """
                kept = {}
                return { id = 'test.hoard', title = 'Hoard', severity = 'low', references = {'x'},
                  check = function(system) kept[#kept + 1] = string.rep('x', 3 << 20) .. system.id end }
                """,
                "upvalue.lua": """
                local cache = {}
                return { id = 'test.upvalue', title = 'Upvalue', severity = 'low', references = {'x'},
                  check = function(system) cache[#cache + 1] = system end }
                """,
                "greedy.lua": TemporaryWorkspace.rule(
                    "greedy", check: "local s = string.rep('y', 20 << 20) ctx:info('%d', #s)"),
                "thrifty.lua": """
                local seen = {}
                return { id = 'test.thrifty', title = 'Thrifty', severity = 'low', references = {'x'},
                  check = function(system, ctx) seen[#seen + 1] = system.id ctx:info('%d seen', #seen) end }
                """,
                "innocent.lua": Self.innocent,
            ], systems: 12,
            limits: "limits: { memory_mb: 48, instructions: 2000000, deadline_ms: 60000, retained_mb: 2 }")
        // The hoarder keeps 3 MiB from the first system on: it errs, naming the limit.
        let hoard = evaluation.systems.compactMap { $0.results.first { $0.rule == "test.hoard" } }
        #expect(hoard.count == 12)
        #expect(hoard.allSatisfy { $0.status == .error && $0.failure?.kind == "memory-limit" })
        #expect(
            hoard.first?.failure?.message.contains("more than the 2.0 MiB a rule file may keep (limits.retained_mb)")
                == true)
        #expect(hoard.first?.failure?.location?.file.hasSuffix("pack/hoard.lua") == true)
        // Whole descriptors kept in an upvalue grow slowly: it errs once past the limit, or not at all.
        // Those that only use memory during a call, or keep a little, are never blamed.
        for system in evaluation.systems {
            #expect(system.results.first { $0.rule == "test.greedy" }?.status == .pass)
            #expect(system.results.first { $0.rule == "test.thrifty" }?.status == .pass)
            #expect(system.results.first { $0.rule == "test.innocent" }?.status == .pass)
        }
    }

    /// What a pack's module keeps is the module's: past the limit, the module and the rule files
    /// that required it are stopped; the pack's other files, which reach the same `require`, run on.
    @Test func aModuleThatHoardsStopsOnlyTheRulesThatRequireIt() throws {
        let evaluation = try evaluate(
            [
                "lib/hoard.lua": "local kept = {} return { add = function(v) kept[#kept + 1] = v end }",
                "lib/fine.lua": "local n = 0 return { count = function() n = n + 1 return n end }",
                "filler.lua": TemporaryWorkspace.rule(
                    "filler", check: "require('hoard').add(string.rep('x', 3 << 20) .. system.id)"),
                "reader.lua": """
                local hoard = require('hoard')
                return { id = 'test.reader', title = 'Reader', severity = 'low', references = {'x'},
                  check = function(system, ctx) ctx:info('%s', type(hoard.add)) end }
                """,
                "late.lua": TemporaryWorkspace.rule(
                    "late", check: "local ok, e = pcall(require, 'hoard') ctx:info('%s', tostring(e))"),
                "other.lua": TemporaryWorkspace.rule("other", check: "ctx:info('%d', require('fine').count())"),
                "innocent.lua": Self.innocent,
            ], systems: 6,
            limits: "limits: { memory_mb: 48, instructions: 2000000, deadline_ms: 60000, retained_mb: 2 }")
        #expect(evaluation.diagnostics.filter(\.isError).isEmpty, "\(evaluation.diagnostics)")
        for rule in ["test.filler", "test.reader"] {
            let results = evaluation.systems.compactMap { $0.results.first { $0.rule == rule } }
            #expect(results.count == 6)
            #expect(results.allSatisfy { $0.status == .error && $0.failure?.kind == "memory-limit" }, "\(rule)")
            let message = try #require(results.first?.failure?.message)
            #expect(message.hasPrefix("the module `"), "\(message)")
            #expect(message.contains("pack/lib/hoard.lua` it requires kept 3.0 MiB from one system to the next"))
            #expect(
                message.hasSuffix(
                    "more than the 2.0 MiB a module may keep (limits.retained_mb): the rules that require it are stopped for the rest of the run"
                ))
        }
        for system in evaluation.systems {
            #expect(system.results.first { $0.rule == "test.innocent" }?.status == .pass)
            #expect(system.results.first { $0.rule == "test.other" }?.status == .pass)
            // Required after the module was stopped: an error the rule can catch, naming it.
            let late = system.results.first { $0.rule == "test.late" }
            #expect(late?.status == .pass)
            #expect(
                late?.findings.first?.message.contains(
                    "module 'hoard' was stopped: it kept more memory from one system to the next than limits.retained_mb allows"
                ) == true)
        }
    }

    @Test func aRuleThatKeepsWholeDescriptorsIsStoppedOncePastItsLimit() throws {
        let big = (1...400).map {
            "  - { category: user.contact.email, subjects: [customer], purposes: [support], retention: { period: P1Y, from: collection } } # \($0)"
        }
        var systems: [String: String] = [:]
        for index in 1...30 {
            systems["systems/s\(index).yaml"] = TemporaryWorkspace.descriptor(id: "s\(index)").replacingOccurrences(
                of: "data:\n", with: "data:\n" + big.joined(separator: "\n") + "\n")
        }
        let workspace = try TemporaryWorkspace.with(
            rules: [
                "keeper.lua": """
                local kept = {}
                return { id = 'test.keeper', title = 'Keeper', severity = 'low', references = {'x'},
                  check = function(system) kept[#kept + 1] = system end }
                """, "innocent.lua": Self.innocent,
            ],
            systems: systems,
            extra: ["cadre.yaml": TemporaryWorkspace.workspace + "\nlimits: { deadline_ms: 60000, retained_mb: 1 }"])
        let evaluation = try workspace.evaluate(jobs: 1)
        let keeper = evaluation.systems.sorted { Int($0.id!.dropFirst())! < Int($1.id!.dropFirst())! }
            .compactMap { $0.results.first { $0.rule == "test.keeper" } }
        #expect(keeper.first?.status == .pass)
        #expect(keeper.last?.status == .error)
        #expect(keeper.last?.failure?.kind == "memory-limit")
        #expect(evaluation.systems.allSatisfy { $0.results.first { $0.rule == "test.innocent" }?.status == .pass })
    }

    // MARK: C loops at every hook

    static let cLoop = "table.move({}, 1, math.maxinteger - 1, 2, {})"

    @Test func aCLoopInAppliesOrCheckIsAnError() throws {
        let evaluation = try evaluate([
            "check.lua": TemporaryWorkspace.rule("check", check: Self.cLoop),
            "applies.lua": TemporaryWorkspace.rule(
                "applies", extra: "applies = function() \(Self.cLoop) return true end,", check: ""),
            "innocent.lua": Self.innocent,
        ])
        for rule in ["test.check", "test.applies"] {
            let result = try #require(evaluation.result(rule))
            #expect(result.status == .error)
            #expect(result.failure?.kind == "instruction-limit")
            #expect(result.failure?.message.contains("instruction limit exceeded") == true)
        }
        #expect(evaluation.result("test.innocent")?.status == .pass)
    }

    @Test func aCLoopAtARuleFilesTopLevelIsALoadError() throws {
        let evaluation = try evaluate(["top.lua": "\n\(Self.cLoop)\nreturn {}", "innocent.lua": Self.innocent])
        let problem = try #require(evaluation.diagnostics.first { $0.isError })
        #expect(problem.message.contains("instruction limit exceeded"))
        #expect(problem.location.file.hasSuffix("pack/top.lua"))
        #expect(problem.location.line == 2)
        #expect(evaluation.result("test.innocent")?.status == .pass)
    }

    @Test func aCLoopInAPackModuleIsALoadError() throws {
        let evaluation = try evaluate([
            "lib/slow.lua":
                "local t = setmetatable({}, {__len = function() return 1 << 62 end}) table.insert(t, 1, 'x') return {}",
            "uses.lua": "local slow = require('slow')\nreturn {}",
            "innocent.lua": Self.innocent,
        ])
        let problem = try #require(evaluation.diagnostics.first { $0.isError })
        #expect(problem.message.contains("instruction limit exceeded"), "\(problem.message)")
        #expect(evaluation.result("test.innocent")?.status == .pass)
    }

    @Test(arguments: [
        ("return {format = 'x', import = function() \(cLoop) return {} end}", true),
        ("\(cLoop)\nreturn {format = 'x', import = function() return {} end}", false),
    ])
    func aCLoopInAnImporterIsThePluginsError(source: String, atCall: Bool) throws {
        let (runtime, workspace) = try PluginImportAndReportTests().runtime(
            importer: source, limits: LuaLimits(memoryBytes: 16 << 20, instructions: 1_000_000, deadline: .seconds(5)))
        if atCall {
            let result = runtime.runImport(
                format: "x", paths: [workspace.root.appendingPathComponent("input.yaml").path])
            #expect(result.files.isEmpty)
            #expect(result.diagnostics.contains { $0.isError && $0.message.contains("instruction limit exceeded") })
        } else {
            #expect(runtime.diagnostics.contains { $0.isError && $0.message.contains("instruction limit exceeded") })
        }
    }

    @Test func aCLoopInAReporterIsThePluginsError() throws {
        let (runtime, _) = try PluginImportAndReportTests().runtime(
            reporter:
                "return {format = 'y', render = function(report) return string.rep('', 1e18) .. table.concat(setmetatable({}, {__index = function() return '' end, __len = function() return 1 << 62 end})) end}",
            limits: LuaLimits(memoryBytes: 16 << 20, instructions: 1_000_000, deadline: .seconds(5)))
        #expect {
            _ = try runtime.render(format: "y", report: #"{"format": "cadre-evaluation/v1"}"#)
        } throws: { error in
            (error as? Diagnostic)?.message.contains("instruction limit exceeded") == true
        }
    }

    @Test func aCLoopInADetectorFailsTheScanningRule() throws {
        let evaluation = try HostilePluginTests().evaluate(
            detectors: HostilePluginTests.detector(validate: "\(Self.cLoop) return true"),
            limits: "limits: { instructions: 1000000 }")
        let scan = try #require(evaluation.result("test.scan"))
        #expect(scan.status == .error)
        #expect(scan.failure?.kind == "plugin")
        #expect(scan.failure?.message.contains("instruction limit exceeded") == true)
        #expect(evaluation.result("test.plain")?.status == .pass)
    }
}

extension Array where Element == String {
    /// Whether the log's last line says `count` lines were not kept.
    fileprivate func dropped(more count: Int) -> Bool {
        last == "(\(TextLimit.groupedThousands(count)) more lines not kept)"
    }
}

extension HostileRuleTests {
    @Test func rulesThatKeepALittleEachAreBoundedTogether() throws {
        // Six files keep 0.8 MiB each per system, under their 1 MiB each, over 4 MiB together.
        var rules = ["innocent.lua": Self.innocent]
        for index in 1...6 {
            rules["keep\(index).lua"] = """
                local kept = {}
                return { id = 'test.keep\(index)', title = 'Keep', severity = 'low', references = {'x'},
                  check = function(system) if #kept == 0 then kept[1] = string.rep('k', 800 << 10) .. system.id end end }
                """
        }
        let evaluation = try evaluate(
            rules, systems: 3, limits: "limits: { memory_mb: 48, deadline_ms: 60000, retained_mb: 1 }")
        let stopped = (1...6).filter { index in
            evaluation.systems.contains { $0.results.first { $0.rule == "test.keep\(index)" }?.status == .error }
        }
        #expect(stopped.count >= 1 && stopped.count <= 2, "\(stopped)")
        let failure = evaluation.systems.lazy.compactMap { $0.results.first { $0.status == .error }?.failure }.first
        #expect(failure?.message.contains("that together kept more than 4.0 MiB") == true)
        #expect(evaluation.systems.allSatisfy { $0.results.first { $0.rule == "test.innocent" }?.status == .pass })
    }
}
