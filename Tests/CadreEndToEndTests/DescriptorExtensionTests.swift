import Foundation
import Testing

/// `x-` blocks a pack gives fields in its pack.yaml (`extensions:`): `cadre validate` and
/// `cadre evaluate` check them where the pack says; other `x-` keys stay free.
@Suite struct DescriptorExtensionTests {
    static let pack = """
        cadre: pack/v1
        id: energy
        version: 1.0.0
        title: Energy
        api: 1
        extensions:
          x-energy:
            description: The energy the system's AI uses.
            in: [system, ai]
            fields:
              kwh_per_month: { type: integer, required: true, description: "Energy used in a month, in kWh." }
              supplier: { type: text }
              tier: { type: choice, values: [low, medium, high] }
              sites: { type: country, list: true }

        """

    static let rule = """
        return {
          id = "energy.declared", title = "Energy is declared", severity = "low", references = { "none" },
          applies = function(system) return true end,
          check = function(system, ctx)
            if not system["x-energy"] then ctx:fail(system, "no x-energy") end
          end,
        }

        """

    static func workspace(_ systems: [String: String], pack: String = Self.pack) throws -> TemporaryFolder {
        var files = [
            "cadre.yaml": "cadre: workspace/v1\npacks: [./energy]\n",
            "energy/pack.yaml": pack,
            "energy/declared.lua": Self.rule,
        ]
        for (name, text) in systems { files["systems/\(name)"] = text }
        return try TemporaryFolder(files: files)
    }

    static let header = "cadre: system/v1\nid: SYSTEM\nname: A system\nowner: team@example.com\n"

    static func descriptor(_ id: String, _ body: String) -> String {
        header.replacingOccurrences(of: "SYSTEM", with: id) + body
    }

    static let hint = "`x-energy` is declared by pack `energy` (its pack.yaml, `extensions:`)"

    @Test func aTypoAWrongTypeAndAMissingFieldAreCaughtWhereThePackSays() throws {
        let folder = try Self.workspace([
            "typo.yaml": Self.descriptor(
                "typo",
                """
                x-energy:
                  kwh_per_mont: 1200
                  tier: hihg
                  x-note: free inside the block too
                x-other: { anything: 1 }

                """),
            "types.yaml": Self.descriptor(
                "types",
                """
                ai:
                  - id: bot
                    kind: chatbot
                    x-energy: { kwh_per_month: "a lot", supplier: 3, sites: [FR, France] }

                """),
            "valid.yaml": Self.descriptor(
                "valid", "x-energy: { kwh_per_month: 1200, supplier: Électra, tier: high, sites: [FR, DE] }\n"),
            "elsewhere.yaml": Self.descriptor(
                "elsewhere",
                """
                x-energy: { kwh_per_month: 10 }
                purposes:
                  - { id: support, legal_basis: contract, uses: [essential.service.operations.support], x-energy: 1 }

                """),
        ])
        // From a subfolder: the workspace, and its packs, are found upward (files shown from there).
        let validated = try CadreCommand.run(["validate"], in: folder.url.appendingPathComponent("systems"))
        #expect(validated.status == 2)
        let expected = [
            "systems/typo.yaml:6:3: error: `x-energy` is missing `kwh_per_month` [missing-field]\n"
                + "    hint: add `kwh_per_month:` — energy used in a month, in kWh. — \(Self.hint)",
            "systems/typo.yaml:6:3: error: unknown key `kwh_per_mont` in `x-energy` [unknown-key]\n"
                + "    hint: did you mean `kwh_per_month`? — \(Self.hint)",
            "systems/typo.yaml:7:9: error: `hihg` is not a valid `tier` [invalid-value]\n"
                + "    hint: did you mean `high`? allowed: low, medium, high — \(Self.hint)",
            "systems/types.yaml:8:32: error: `kwh_per_month` must be a whole number, not a string [wrong-type]\n"
                + "    hint: \(Self.hint)",
            "systems/types.yaml:8:51: error: `supplier` must be a string, not an integer [wrong-type]\n"
                + "    hint: quote it: `\"3\"` — \(Self.hint)",
            "systems/types.yaml:8:66: error: `sites[1]` must be an ISO 3166-1 alpha-2 country code, not `France` [invalid-value]\n"
                + "    hint: write `FR` — \(Self.hint)",
            "systems/elsewhere.yaml:7:89: warning: `x-energy` is not checked in a purpose: pack `energy` declares it in `system`, `ai` [misplaced-extension]",
        ]
        for text in expected {
            #expect(validated.stdout.contains("../" + text), "\(text)")
        }
        #expect(!validated.stdout.contains("x-note"))
        #expect(!validated.stdout.contains("x-other"))
        #expect(!validated.stdout.contains("valid.yaml"))
        #expect(validated.stdout.contains("4 files checked: 2 valid, 2 invalid (6 errors, 1 warning)"))

        // evaluate validates the same way: the two invalid descriptors are not evaluated.
        let evaluated = try CadreCommand.run(["evaluate", "--format", "json"], in: folder.url)
        #expect(evaluated.status == 2, "\(evaluated.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(evaluated.stdout.utf8)) as? [String: Any])
        let systems = try #require(report["systems"] as? [[String: Any]])
        #expect(systems.compactMap { $0["id"] as? String }.sorted() == ["elsewhere", "valid"])
        #expect(evaluated.stdout.contains("`hihg` is not a valid `tier`"))
    }

    @Test func aPacksTestsCheckTheirFixturesAgainstItsExtensions() throws {
        let folder = try Self.workspace([:])
        try Data(
            """
            describe("energy.declared", function()
              it("passes with the block", function()
                expect(run("energy.declared", system{ ["x-energy"] = { kwh_per_month = 3 } })):to_pass()
              end)
              it("has a typo in the block", function()
                expect(run("energy.declared", system{ ["x-energy"] = { kwh_per_mont = 3 } })):to_pass()
              end)
            end)

            """.utf8
        ).write(to: try folder.file("energy/tests/declared_test.lua"))
        let tested = try CadreCommand.run(["test"], in: folder.url)
        #expect(tested.status == 1, "\(tested.stdout)\(tested.stderr)")
        #expect(tested.stdout.contains("1 passed, 1 failed — 2 tests in 1 file of 1 pack"))
        #expect(tested.stdout.contains("FAIL   energy.declared has a typo in the block"))
        #expect(tested.stdout.contains("energy/tests/declared_test.lua:6: the fixture is not a valid descriptor:"))
        #expect(
            tested.stdout.contains(
                "x-energy.kwh_per_mont: unknown key `kwh_per_mont` in `x-energy` (did you mean `kwh_per_month`? — \(Self.hint))"
            ))
    }

    @Test func xKeysNoPackDeclaresStayFree() throws {
        let body = "x-energy: { kwh_per_mont: 1200 }\n"
        let folder = try Self.workspace(
            ["a.yaml": Self.descriptor("a", body)],
            pack: "cadre: pack/v1\nid: energy\nversion: 1.0.0\ntitle: E\napi: 1\n")
        let validated = try CadreCommand.run(["validate"], in: folder.url)
        #expect(validated.status == 0, "\(validated.stdout)")
        #expect(validated.stdout.contains("1 file checked: 1 valid, 0 invalid"))
    }

    @Test func aWrongDeclarationIsAnErrorOfThePack() throws {
        let folder = try Self.workspace(
            ["a.yaml": Self.descriptor("a", "x-energy: { tier: low }\n")],
            pack: Self.pack.replacingOccurrences(of: ", values: [low, medium, high]", with: "")
                .replacingOccurrences(of: "  x-energy:\n", with: "  x-energy:\n    inn: [ai]\n"))
        let validated = try CadreCommand.run(["validate"], in: folder.url)
        #expect(validated.status == 2)
        #expect(validated.stdout.contains("energy/pack.yaml:8:5: error: unknown key `inn` in extension [unknown-key]"))
        #expect(validated.stdout.contains("hint: did you mean `in`?"))
        let fixed = Self.pack.replacingOccurrences(of: ", values: [low, medium, high]", with: "")
        try Data(fixed.utf8).write(to: folder.url.appendingPathComponent("energy/pack.yaml"))
        let choice = try CadreCommand.run(["validate"], in: folder.url)
        #expect(choice.status == 2)
        #expect(
            choice.stdout.contains(
                "energy/pack.yaml:13:13: error: field `tier` of `x-energy` is a choice with no `values` [missing-field]"
            ))
        let named = Self.pack.replacingOccurrences(of: "  x-energy:\n", with: "  energy:\n")
        try Data(named.utf8).write(to: folder.url.appendingPathComponent("energy/pack.yaml"))
        let unprefixed = try CadreCommand.run(["validate"], in: folder.url)
        #expect(unprefixed.status == 2)
        #expect(unprefixed.stdout.contains("key `energy` must be `x-` followed by an identifier"))
    }

    @Test func twoPacksDeclaringOneBlockWarnAndTheFirstIsChecked() throws {
        let folder = try Self.workspace(["a.yaml": Self.descriptor("a", "x-energy: { kwh_per_month: 3 }\n")])
        try Data(Self.pack.replacingOccurrences(of: "id: energy", with: "id: power").utf8).write(
            to: try folder.file("power/pack.yaml"))
        try Data(Self.rule.replacingOccurrences(of: "energy.declared", with: "power.declared").utf8).write(
            to: try folder.file("power/declared.lua"))
        try Data("cadre: workspace/v1\npacks: [./energy, ./power]\n".utf8).write(
            to: folder.url.appendingPathComponent("cadre.yaml"))
        let evaluated = try CadreCommand.run(["evaluate"], in: folder.url)
        #expect(evaluated.status == 0, "\(evaluated.stdout)\(evaluated.stderr)")
        #expect(
            (evaluated.stdout + evaluated.stderr).contains(
                "power/pack.yaml:7:3: warning: `x-energy` is declared by pack `energy` too: its fields are the ones checked [duplicate-extension]"
            ))
    }
}

extension TemporaryFolder {
    /// The URL of `path` in the folder, its parent folders created.
    func file(_ path: String) throws -> URL {
        let url = self.url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return url
    }
}
