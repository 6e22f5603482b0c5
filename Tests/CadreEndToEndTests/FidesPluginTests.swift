import Foundation
import Testing

/// The bundled plugin `plugins/fides`: `cadre import fides` on cadre's own Fides manifests
/// (plugins/fides/tests/cases), then `cadre evaluate`, compared with the verdicts `fides
/// evaluate` (ethyca-fides 2.78.2) gave on the same files, recorded in fides-verdicts.json.
@Suite struct FidesPluginTests {
    static let plugin = CadreCommand.repositoryRoot.appendingPathComponent("plugins/fides")
    static let cases = plugin.appendingPathComponent("tests/cases")

    /// A violation as both tools report it.
    struct Violation: Hashable, CustomStringConvertible {
        var system, declaration, policy, rule, level, name: String
        var categories, uses, subjects: [String]
        var description: String {
            "\(system) \(declaration) \(policy)/\(rule) \(level) \(name) \(categories) \(uses) \(subjects)"
        }
    }

    /// Imports the test manifests into a fresh workspace that enables the plugin and the packs.
    static func importCases() throws -> (TemporaryFolder, CadreCommand.Output) {
        let folder = try TemporaryFolder(files: ["README": "imported Fides cases\n"])
        let manifests = try FileManager.default.contentsOfDirectory(atPath: cases.path).filter { $0.hasSuffix(".yml") }
            .sorted()
        let imported = try CadreCommand.run(
            ["import", "fides"] + manifests.map { cases.appendingPathComponent($0).path }
                + ["--plugin", plugin.path, "--output-dir", folder.url.path],
            in: folder.url)
        try Data(
            """
            cadre: workspace/v1
            name: Fides cases
            systems: [systems]
            plugins: [\(plugin.path)]
            packs: [policies/privacy_policy, policies/strict_policy]
            taxonomy: [taxonomy/fides.yaml]
            """.utf8
        ).write(to: folder.url.appendingPathComponent("cadre.yaml"))
        return (folder, imported)
    }

    /// A Fides project keeps all its systems in one manifest: one larger than a descriptor may be
    /// (1 MiB) is still read.
    @Test func aManifestLargerThanADescriptorIsImported() throws {
        let folder = try TemporaryFolder(files: ["README": "a large manifest\n"])
        var lines = ["system:"]
        for index in 0..<3_000 {
            lines += [
                "  - fides_key: system_\(index)", "    name: System \(index)",
                "    description: \(String(repeating: "Customer service. ", count: 20))",
                "    system_type: Service", "    privacy_declarations:", "      - name: Support",
                "        data_categories: [user.contact.email]",
                "        data_use: essential.service.operations.support", "        data_subjects: [customer]",
            ]
        }
        let manifest = folder.url.appendingPathComponent("systems.yml")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: manifest)
        #expect(try FileManager.default.attributesOfItem(atPath: manifest.path)[.size] as? Int ?? 0 > 1 << 20)
        let imported = try CadreCommand.run(
            [
                "import", "fides", manifest.path, "--plugin", Self.plugin.path, "--output-dir",
                folder.url.appendingPathComponent("out").path,
            ],
            in: folder.url, timeout: 300)
        #expect(imported.status == 0, "\(imported.stderr.prefix(2_000))")
        #expect(
            FileManager.default.fileExists(
                atPath: folder.url.appendingPathComponent("out/systems/system_2999.yaml").path))
    }

    @Test func importWritesDescriptorsPacksAndTerms() throws {
        let (folder, imported) = try Self.importCases()
        #expect(imported.status == 0, "\(imported.stderr)")
        for file in [
            "systems/helpdesk.yaml", "systems/data_lake.yaml", "policies/privacy_policy/pack.yaml",
            "policies/privacy_policy/policy.yaml", "policies/privacy_policy/rules.lua", "taxonomy/fides.yaml",
        ] {
            #expect(imported.stdout.contains("wrote \(folder.url.appendingPathComponent(file).path)"), "\(file)")
        }
        // A dataset no system references is said to be left out.
        let helpdesk = try String(
            contentsOf: folder.url.appendingPathComponent("systems/helpdesk.yaml"), encoding: .utf8)
        #expect(
            helpdesk.hasPrefix(
                "# Imported from \(Self.cases.path)/systems.yml (Fides system `helpdesk`) by `cadre import fides`.\n"))
        #expect(
            helpdesk.contains(
                """
                cadre: system/v1
                id: helpdesk
                name: Helpdesk
                description: Customer tickets, answered by agents.
                owner: Customer service
                organisation: {name: Électra Énergie SAS, dpo: dpo@electra.example}
                purposes:
                  - id: answer-customer-tickets
                    description: Answer customer tickets
                    legal_basis: contract
                    uses: [essential.service.operations.support]
                data:
                  - category: user.contact.email
                    subjects: [customer]
                    purposes: [answer-customer-tickets]
                    stores: [tickets_db]
                """))
        #expect(
            helpdesk.contains(
                """
                  - id: tickets_db
                    # Fides does not say where dataset `tickets_db` lives: set the engine and the URL.
                    engine: postgres
                    url: ${TICKETS_DB_URL}
                """))
        #expect(
            helpdesk.contains(
                """
                      - name: tickets
                        columns:
                          id: system.operations
                          requester_email: user.contact.email
                          body: user.content.private
                      - name: agents
                        columns: {agent_name: user.name, badge: user.unique_id}
                        x-fides:
                          data_categories: [user.name]
                          fields:
                            badge: [user.unique_id, user.authorization.credentials]
                x-fides: {system_type: Application, organization_fides_key: electra}
                """))
        let rules = try String(
            contentsOf: folder.url.appendingPathComponent("policies/privacy_policy/rules.lua"), encoding: .utf8)
        #expect(
            rules.contains(
                #"fides.rule(policy, "Health data only for employment", { id = "privacy_policy.health-data-only-for-employment", severity = "high" }),"#
            ))

        // The imported workspace is valid as a whole.
        let validated = try CadreCommand.run(
            ["validate", "systems", "--taxonomy", "taxonomy/fides.yaml"], in: folder.url)
        #expect(validated.status == 0, "\(validated.stdout)")
        let again = try CadreCommand.run(
            [
                "import", "fides", Self.cases.appendingPathComponent("systems.yml").path,
                Self.cases.appendingPathComponent("datasets.yml").path,
                Self.cases.appendingPathComponent("taxonomy.yml").path,
                "--plugin", Self.plugin.path,
            ], in: folder.url)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists; nothing was written (use --force to overwrite)"))
    }

    @Test func evaluateGivesTheVerdictsOfFidesEvaluate() throws {
        let (folder, imported) = try Self.importCases()
        #expect(imported.status == 0, "\(imported.stderr)")
        let output = try CadreCommand.run(["evaluate", "--format", "json", "--as-of", "2026-01-01"], in: folder.url)
        #expect(output.status == 1, "\(output.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        var found: [Violation] = []
        var verdicts: [String: String] = [:]
        for system in report["systems"] as? [[String: Any]] ?? [] {
            let id = system["id"] as? String ?? ""
            var failed = false
            for result in system["results"] as? [[String: Any]] ?? [] {
                #expect(result["status"] as? String != "error", "\(result)")
                if result["status"] as? String == "fail" { failed = true }
                for finding in result["findings"] as? [[String: Any]] ?? [] {
                    found.append(try #require(Self.violation(finding["message"] as? String ?? "")))
                }
            }
            verdicts[id] = failed ? "fail" : "pass"
        }
        let recorded = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.cases.appendingPathComponent("fides-verdicts.json"))) as? [String: Any])
        let expected = (recorded["violations"] as? [[String: Any]] ?? []).map { v in
            var violation = Violation(
                system: v["system"] as? String ?? "", declaration: v["declaration"] as? String ?? "",
                policy: v["policy"] as? String ?? "", rule: v["rule"] as? String ?? "",
                level: v["level"] as? String ?? "",
                name: v["name"] as? String ?? "", categories: v["data_categories"] as? [String] ?? [],
                uses: v["data_uses"] as? [String] ?? [], subjects: v["data_subjects"] as? [String] ?? [])
            // A declaration Fides names `None` is a purpose cadre names after its data use.
            if violation.declaration == "None" {
                violation.declaration = (violation.uses.first ?? "").replacingOccurrences(of: ".", with: "-")
            }
            return violation
        }
        #expect(found.count == expected.count)
        #expect(
            Set(found) == Set(expected),
            "only cadre: \(Set(found).subtracting(expected)); only fides: \(Set(expected).subtracting(found))")
        #expect(verdicts == recorded["systems"] as? [String: String])
    }

    /// A finding of a Fides rule, read back from its message (Fides' own violation detail).
    static func violation(_ message: String) -> Violation? {
        let pattern =
            #/^Declaration \((?<declaration>.*)\) of system \((?<system>.*)\) failed rule \((?<rule>.*)\) from policy \((?<policy>.*?)\)(?: for (?<level>dataset|dataset collection|dataset field) \((?<name>.*)\))?\. Violated usage of data categories \((?<categories>.*)\) for data uses \((?<uses>.*)\) and subjects \((?<subjects>.*)\)$/#
        guard let match = message.wholeMatch(of: pattern) else { return nil }
        let level =
            switch match.output.level.map(String.init) {
            case "dataset"?: "dataset"
            case "dataset collection"?: "collection"
            case "dataset field"?: "field"
            default: "declaration"
            }
        func list(_ text: Substring) -> [String] { text.split(separator: ",").map(String.init).sorted() }
        return Violation(
            system: String(match.output.system), declaration: String(match.output.declaration),
            policy: String(match.output.policy),
            rule: String(match.output.rule), level: level, name: match.output.name.map(String.init) ?? "",
            categories: list(match.output.categories), uses: list(match.output.uses),
            subjects: list(match.output.subjects))
    }
}
