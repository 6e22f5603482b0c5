import CadreEngine
import CadreModel
import Testing

/// Results of rules on systems: statuses, findings located in the descriptor, errors, limits.
@Suite struct EvaluationTests {
    @Test func findingsPointAtTheDescriptorNode() throws {
        let workspace = try TemporaryWorkspace.with(rules: [
            "retention.lua": TemporaryWorkspace.rule(
                "retention",
                check: """
                    for _, item in ipairs(system:data_of("user.content.call_recording")) do
                      if cadre.duration(item.retention.period) > cadre.duration("P6M") then
                        ctx:fail(item.retention, "recordings kept %s", item.retention.period)
                        ctx:fail({item.retention, "period"}, "the period line")
                      end
                    end
                    """)
        ])
        let result = try #require(try workspace.evaluate().result("test.retention"))
        #expect(result.status == .fail)
        #expect(result.findings.map(\.message) == ["recordings kept P2Y", "the period line"])
        #expect(result.findings.map(\.location.line) == [18, 18])
        #expect(result.findings[0].location.column == 16)
        #expect(result.findings[0].location.file.hasSuffix("systems/a.yaml"))
        #expect(result.findings[0].path?.description == "data[1].retention")
        #expect(result.findings[1].path?.description == "data[1].retention.period")
    }

    @Test func rulesSeeTheDescriptorInDocumentOrderAndFindingsAnywhereKeepTheirPath() throws {
        let extra = """
            x-notes:
              zeta: 1
              alpha: ~
              mid: [first, { deep: yes }]
            """
        let workspace = try TemporaryWorkspace.with(
            rules: [
                "order.lua": TemporaryWorkspace.rule(
                    "order",
                    check: """
                        local function keys(t) local out = {} for k in pairs(t) do out[#out + 1] = tostring(k) end return table.concat(out, ',') end
                        local notes = system['x-notes']
                        ctx:info(notes.mid[2], keys(system) .. ' / ' .. keys(notes) .. ' / ' .. keys(notes.mid))
                        ctx:info({notes.mid, 1}, 'first element')
                        ctx:info({notes, 'zeta'}, 'zeta')
                        ctx:info(system.data[2].retention, 'retention')
                        ctx:info(system, 'root')
                        if pcall(function() notes.mid[3] = 'x' end) then ctx:fail('changed') end
                        """)
            ],
            systems: ["systems/a.yaml": TemporaryWorkspace.descriptor(id: "a", extra: extra)])
        let result = try #require(try workspace.evaluate().result("test.order"))
        #expect(result.status == .pass)
        let byMessage = Dictionary(uniqueKeysWithValues: result.findings.map { ($0.message, $0) })
        #expect(byMessage.count == 5)
        let order = try #require(byMessage.keys.first { $0.contains(" / ") })
        #expect(order == "cadre,id,name,owner,purposes,data,x-notes / zeta,mid / 1,2")
        #expect(byMessage[order]?.path?.description == "x-notes.mid[1]")
        #expect(byMessage["first element"]?.path?.description == "x-notes.mid[0]")
        #expect(byMessage["zeta"]?.path?.description == "x-notes.zeta")
        #expect(byMessage["zeta"]?.location.line == 20)
        #expect(byMessage["retention"]?.path?.description == "data[1].retention")
        #expect(byMessage["retention"]?.location.line == 18)
        #expect(byMessage["root"]?.path == .root)
        #expect(byMessage["root"]?.location.line == 1)
    }

    @Test func whatARulePrintsIsItsResultsLogAndOnlyItsOwn() throws {
        let workspace = try TemporaryWorkspace.with(rules: [
            "a.lua": TemporaryWorkspace.rule("a", check: "print('checking', system.id) ctx:fail(system, 'no')"),
            "b.lua": TemporaryWorkspace.rule("b", check: "print('b ran')"),
            "c.lua": TemporaryWorkspace.rule("c", check: "print('before') error('stop')"),
        ])
        let evaluation = try workspace.evaluate()
        #expect(evaluation.result("test.a")?.log == ["checking\ta"])
        #expect(evaluation.result("test.b")?.log == ["b ran"])
        #expect(evaluation.result("test.c")?.log == ["before"])
        #expect(evaluation.result("test.c")?.status == .error)
    }

    @Test func warningsAndInformationDoNotFail() throws {
        let workspace = try TemporaryWorkspace.with(rules: [
            "warn.lua": TemporaryWorkspace.rule("warn", check: "ctx:warn(system.purposes[1], 'watch this')"),
            "info.lua": TemporaryWorkspace.rule("info", check: "ctx:info('for your information')"),
        ])
        let evaluation = try workspace.evaluate()
        #expect(evaluation.result("test.warn")?.status == .warn)
        #expect(evaluation.result("test.info")?.status == .pass)
        #expect(evaluation.result("test.info")?.findings.first?.location.line == 1)
        #expect(evaluation.exitStatus(failOn: .info) == 0)
    }

    @Test func aFailingResultSetsTheExitStatusAtOrAboveTheThreshold() throws {
        let workspace = try TemporaryWorkspace.with(rules: [
            "m.lua": TemporaryWorkspace.rule("m", severity: "medium", check: "ctx:fail('no')")
        ])
        let evaluation = try workspace.evaluate()
        #expect(evaluation.exitStatus(failOn: .high) == 0)
        #expect(evaluation.exitStatus(failOn: .medium) == 1)
        #expect(evaluation.exitStatus(failOn: nil) == 0)
    }

    @Test func aRuleThatLoopsOrEatsMemoryDoesNotStopTheOthers() throws {
        let workspace = try TemporaryWorkspace.with(
            rules: [
                "loop.lua": TemporaryWorkspace.rule("loop", check: "while true do end"),
                "bomb.lua": TemporaryWorkspace.rule("bomb", check: "local s = 'x' while true do s = s .. s end"),
                "crash.lua": TemporaryWorkspace.rule("crash", check: "\n\nlocal x = system.nothing.deeper"),
                "fine.lua": TemporaryWorkspace.rule("fine", check: "ctx:fail('found')"),
            ],
            extra: ["cadre.yaml": TemporaryWorkspace.workspace + "\nlimits: { memory_mb: 8, instructions: 200000 }\n"])
        let evaluation = try workspace.evaluate()
        let loop = try #require(evaluation.result("test.loop"))
        #expect(loop.status == .error)
        #expect(loop.failure?.kind == "instruction-limit")
        #expect(loop.failure?.location?.file.hasSuffix("pack/loop.lua") == true)
        #expect(evaluation.result("test.bomb")?.failure?.kind == "memory-limit")
        let crash = try #require(evaluation.result("test.crash")?.failure)
        #expect(crash.kind == "runtime")
        #expect(crash.message == "attempt to index a nil value (field 'nothing')")
        #expect(crash.location?.line == 10)
        #expect(evaluation.result("test.fine")?.status == .fail)
        // An error counts like a failure of the rule's severity.
        #expect(evaluation.exitStatus(failOn: .high) == 1)
    }

    @Test func rulesCannotChangeTheSystem() throws {
        let workspace = try TemporaryWorkspace.with(rules: [
            "a.lua": TemporaryWorkspace.rule("a", check: "system.id = 'changed'"),
            "b.lua": TemporaryWorkspace.rule("b", check: "rawset(system.data[1], 'category', 'x')"),
            "c.lua": TemporaryWorkspace.rule(
                "c",
                check:
                    "if system.id ~= 'a' or system.data[1].category ~= 'user.contact.email' then ctx:fail('changed') end"
            ),
        ])
        let evaluation = try workspace.evaluate()
        #expect(evaluation.result("test.a")?.failure?.message == "attempt to set field 'id' of a read-only table")
        #expect(evaluation.result("test.b")?.status == .error)
        #expect(evaluation.result("test.c")?.status == .pass)
    }

    @Test func globalsOfOneRuleAreNotAnothers() throws {
        let workspace = try TemporaryWorkspace.with(rules: [
            "a.lua": "shared = 'from a'\n" + TemporaryWorkspace.rule("a", check: "ipairs = nil"),
            "b.lua": TemporaryWorkspace.rule(
                "b", check: "if rawget(_G, 'shared') ~= nil or ipairs == nil then ctx:fail('leak') end"),
        ])
        #expect(try workspace.evaluate().result("test.b")?.status == .pass)
    }

    @Test func appliesDecidesWhetherARuleRuns() throws {
        let workspace = try TemporaryWorkspace.with(rules: [
            "yes.lua": TemporaryWorkspace.rule(
                "yes", extra: "applies = function(s) return s:holds('user.contact') end,", check: "ctx:fail('x')"),
            "no.lua": TemporaryWorkspace.rule(
                "no", extra: "applies = function(s) return s:holds('user.biometric') end,", check: "ctx:fail('x')"),
            "bad.lua": TemporaryWorkspace.rule(
                "bad", extra: "applies = function(s) return s.missing.x end,", check: ""),
        ])
        let evaluation = try workspace.evaluate()
        #expect(evaluation.result("test.yes")?.status == .fail)
        #expect(evaluation.result("test.no")?.status == .skipped)
        #expect(evaluation.result("test.no")?.skipReason == .notApplicable)
        #expect(evaluation.result("test.bad")?.status == .error)
    }

    @Test func obligationsApplyInTheirWindow() throws {
        let workspace = try TemporaryWorkspace.with(rules: [
            "window.lua": TemporaryWorkspace.rule(
                "window", extra: "effective = { from = '2026-08-02', to = '2027-12-01' },", check: "ctx:fail('x')")
        ])
        #expect(try workspace.evaluate(asOf: "2026-08-01").result("test.window")?.skipReason == .notYetInForce)
        #expect(try workspace.evaluate(asOf: "2026-08-02").result("test.window")?.status == .fail)
        #expect(try workspace.evaluate(asOf: "2027-12-01").result("test.window")?.status == .fail)
        #expect(try workspace.evaluate(asOf: "2027-12-02").result("test.window")?.skipReason == .noLongerInForce)
    }

    @Test func theAsOfDateReachesRules() throws {
        let workspace = try TemporaryWorkspace.with(rules: [
            "date.lua": TemporaryWorkspace.rule(
                "date",
                check: """
                    local cutoff = cadre.date(ctx.as_of):sub("P6M")
                    ctx:info("%s %s %s %d", ctx.as_of, tostring(cutoff), tostring(ctx.as_of >= "2026-08-02"), cadre.date("2026-01-31"):add("P1M").day)
                    """)
        ])
        #expect(
            try workspace.evaluate(asOf: "2026-08-31").result("test.date")?.findings.first?.message
                == "2026-08-31 2026-02-28 true 28")
    }

    @Test func systemMethodsAnswer() throws {
        let workspace = try TemporaryWorkspace.with(rules: [
            "methods.lua": TemporaryWorkspace.rule(
                "methods",
                check: """
                    ctx:info("%s %s %d %s %s %s", tostring(system:holds("user.contact")), tostring(system:holds("user.biometric")),
                      #system:data_of("user"), system:purpose("support").legal_basis, tostring(system:uses("essential.service")),
                      tostring(cadre.taxonomy.matches("user.contact.email", "user.contact")))
                    """)
        ])
        #expect(
            try workspace.evaluate().result("test.methods")?.findings.first?.message
                == "true false 2 contract true true")
    }

    @Test func randomNumbersDependOnlyOnTheRuleAndTheSystem() throws {
        let workspace = try TemporaryWorkspace.with(
            rules: ["r.lua": TemporaryWorkspace.rule("r", check: "ctx:info(tostring(math.random(1, 1000000)))")],
            systems: [
                "systems/a.yaml": TemporaryWorkspace.descriptor(id: "a"),
                "systems/b.yaml": TemporaryWorkspace.descriptor(id: "b"),
            ])
        let first = try workspace.evaluate(jobs: 1)
        let second = try workspace.evaluate(jobs: 2)
        #expect(first.systems == second.systems)
        #expect(first.result("test.r", on: "a")?.findings != first.result("test.r", on: "b")?.findings)
    }

    @Test func resultsDoNotDependOnTheNumberOfWorkers() throws {
        var systems: [String: String] = [:]
        for index in 0..<12 { systems["systems/s\(index).yaml"] = TemporaryWorkspace.descriptor(id: "s\(index)") }
        systems["systems/broken.yaml"] = "cadre: system/v1\nid: [oops]\n"
        let workspace = try TemporaryWorkspace.with(
            rules: [
                "a.lua": TemporaryWorkspace.rule(
                    "a", check: "if #system.id % 2 == 0 then ctx:fail(system.data[1], 'even') end"),
                "b.lua": TemporaryWorkspace.rule(
                    "b", check: "for k, v in pairs(system) do if type(v) == 'table' then ctx:info(v, k) end end"),
            ],
            systems: systems)
        let one = try workspace.evaluate(jobs: 1)
        let two = try workspace.evaluate(jobs: 2)
        let four = try workspace.evaluate(jobs: 4)
        #expect(one.systems == two.systems)
        #expect(one.systems == four.systems)
        #expect(one.systems.last?.isValid == false)
        #expect(one.exitStatus(failOn: .high) == 2)
    }

    @Test func duplicateSystemIdsAreInvalidInput() throws {
        let workspace = try TemporaryWorkspace.with(
            rules: ["a.lua": TemporaryWorkspace.rule("a", check: "")],
            systems: [
                "systems/one.yaml": TemporaryWorkspace.descriptor(id: "same"),
                "systems/two.yaml": TemporaryWorkspace.descriptor(id: "same"),
            ])
        let evaluation = try workspace.evaluate()
        #expect(evaluation.systems.filter { !$0.isValid }.count == 1)
        #expect(evaluation.exitStatus(failOn: .high) == 2)
    }
}
