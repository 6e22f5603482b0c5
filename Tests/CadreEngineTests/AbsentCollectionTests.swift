import CadreEngine
import CadreModel
import Testing

/// The collections of the descriptor format (lists, and mappings of free keys) that a descriptor
/// leaves out read as empty read-only tables: rules need no `or {}`, and see nothing else change.
@Suite struct AbsentCollectionTests {
    /// A descriptor with one data item, one AI component, one store with one table, one
    /// processor and prospecting, each leaving out every collection it may have.
    static let bare = """
        cadre: system/v1
        id: bare
        name: Bare
        owner: team@example.com
        data:
          - category: user.contact.email
        ai:
          - id: bot
            kind: chatbot
        stores:
          - id: crm
            engine: sqlite
            tables:
              - name: customers
        processors:
          - name: Host SAS
        prospecting: { consent: opt_out }
        purposes: ~
        """

    private func evaluate(_ check: String, descriptor: String = bare) throws -> RuleResult {
        let workspace = try TemporaryWorkspace.with(
            rules: ["probe.lua": TemporaryWorkspace.rule("probe", check: check)],
            systems: ["systems/a.yaml": descriptor])
        return try #require(try workspace.evaluate().result("test.probe", on: "bare"))
    }

    @Test func everyAbsentCollectionReadsAsAnEmptyList() throws {
        let result = try evaluate(
            """
            local lists = {
              system.channels, system.purposes, system.waivers,
              system.data[1].subjects, system.data[1].purposes, system.data[1].stores,
              system.ai[1].purposes, system.ai[1].inputs, system.ai[1].interacts_with, system.ai[1].infers,
              system.ai[1].about, system.ai[1].generates, system.ai[1].annex_iii,
              system.stores[1].tables[1].columns, system.stores[1].tables[1].free_text, system.stores[1].tables[1].subjects,
              system.processors[1].receives, system.prospecting.channels, system.prospecting.audience,
            }
            for index, list in ipairs(lists) do
              local seen = 0
              for _ in ipairs(list) do seen = seen + 1 end
              for _ in pairs(list) do seen = seen + 1 end
              if type(list) ~= "table" or #list ~= 0 or next(list) ~= nil or seen ~= 0 then ctx:fail("list %d is not empty", index) end
              if pcall(function() list[1] = "x" end) then ctx:fail("list %d can be changed", index) end
            end
            ctx:info("%d lists", #lists)
            """)
        #expect(result.status == .pass)
        #expect(result.findings.map(\.message) == ["19 lists"])
    }

    @Test func theKeysOfAPartAreStillOnlyThoseTheFileHas() throws {
        let result = try evaluate(
            """
            local function keys(t) local out = {} for k in pairs(t) do out[#out + 1] = tostring(k) end return table.concat(out, ',') end
            local function raw(t) local out = {} local k = next(t) while k do out[#out + 1] = tostring(k) k = next(t, k) end return table.concat(out, ',') end
            ctx:info("%s / %s / %s", keys(system), keys(system.data[1]), keys(system.stores[1].tables[1]))
            ctx:info("%s / %s", raw(system.data[1]), tostring(rawget(system.data[1], "subjects")))
            """)
        #expect(result.status == .pass)
        #expect(
            result.findings.map(\.message).sorted() == [
                "cadre,id,name,owner,data,ai,stores,processors,prospecting / category / name",
                "category / nil",
            ])
    }

    @Test func anEmptyListWrittenInTheFileIsTheFilesOwn() throws {
        let descriptor = Self.bare.replacingOccurrences(
            of: "  - category: user.contact.email", with: "  - category: user.contact.email\n    stores: []")
        let result = try evaluate(
            """
            local item = system.data[1]
            ctx:info("%s %s %d", tostring(rawget(item, "stores") ~= nil), tostring(rawget(item, "purposes") ~= nil), #item.stores)
            """, descriptor: descriptor)
        #expect(result.findings.map(\.message) == ["true false 0"])
    }

    @Test func aFindingOnAnAbsentListPointsAtThePartThatLeavesItOut() throws {
        let result = try evaluate(
            """
            ctx:fail(system.data[1].subjects, "no subjects")
            ctx:fail(system.stores[1].tables[1].columns, "no columns")
            ctx:fail({system.ai[1].annex_iii, 1}, "no point")
            ctx:fail(system.purposes, "no purposes")
            ctx:fail(system.waivers, "no waivers")
            """)
        let findings = Dictionary(uniqueKeysWithValues: result.findings.map { ($0.message, $0) })
        #expect(findings["no subjects"]?.path?.description == "data[0]")
        #expect(findings["no subjects"]?.location.line == 6)
        #expect(findings["no columns"]?.path?.description == "stores[0].tables[0]")
        #expect(findings["no columns"]?.location.line == 14)
        #expect(findings["no point"]?.path?.description == "ai[0]")
        #expect(findings["no point"]?.location.line == 8)
        #expect(findings["no purposes"]?.path == .root)
        #expect(findings["no waivers"]?.path == .root)
        #expect(findings["no waivers"]?.location.line == 1)
    }
}
