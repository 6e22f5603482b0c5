import Foundation
import Testing

/// `cadre import fides` as a new user runs it: short file names (so the importer's short lists
/// and mappings are written in flow style), a MongoDB dataset, and the workspace's cadre.yaml
/// updated with what was imported, so `cadre evaluate` runs on it at once.
@Suite struct ImportWorkspaceTests {
    static let mongo = """
        system:
          - fides_key: chat_archive
            name: Chat archive
            system_type: Service
            privacy_declarations:
              - name: Keep chats
                data_categories: [user.contact.email]
                data_use: essential.service.operations.support
                data_subjects: [customer]
                dataset_references: [mongo_chats]
        dataset:
          - fides_key: mongo_chats
            name: Chats
            collections:
              - name: conversations
                fields:
                  - name: _id
                    fides_meta: { data_type: object_id }
                  - name: email
                    data_categories: [user.contact.email]
        """

    /// The test manifests copied into a fresh folder, imported from there by their short names.
    static func importInto(_ extra: [String: String] = [:], output: String = "out") throws -> (
        TemporaryFolder, CadreCommand.Output
    ) {
        var files = extra
        for name in ["systems.yml", "datasets.yml", "policy.yml", "taxonomy.yml"] {
            files[name] = try String(
                contentsOf: FidesPluginTests.cases.appendingPathComponent(name), encoding: .utf8)
        }
        let folder = try TemporaryFolder(files: files)
        let manifests = files.keys.filter { $0.hasSuffix(".yml") }.sorted()
        let imported = try CadreCommand.run(
            ["import", "fides"] + manifests + ["--plugin", FidesPluginTests.plugin.path, "--output-dir", output],
            in: folder.url)
        return (folder, imported)
    }

    @Test func theImportedWorkspaceLoadsAndEvaluates() throws {
        let (folder, imported) = try Self.importInto(["mongo.yml": Self.mongo])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let pack = try String(
            contentsOf: folder.url.appendingPathComponent("out/policies/privacy_policy/pack.yaml"), encoding: .utf8)
        #expect(pack.contains("Fides policy privacy_policy, imported from policy.yml"))
        // A comma in a flow mapping is quoted by the emitter: the pack loads.
        #expect(!pack.contains("{ title: Fides policy privacy_policy, imported"), "\(pack)")

        let configuration = try String(contentsOf: folder.url.appendingPathComponent("out/cadre.yaml"), encoding: .utf8)
        #expect(configuration.hasPrefix("cadre: workspace/v1\n"))
        #expect(configuration.contains("systems: [systems]"))
        #expect(configuration.contains("policies/privacy_policy"))
        #expect(configuration.contains("taxonomy: [taxonomy/fides.yaml]"))
        #expect(configuration.contains("plugins: ["))
        #expect(imported.stdout.contains("wrote out/cadre.yaml: packs + "))

        let chats = try String(
            contentsOf: folder.url.appendingPathComponent("out/systems/chat_archive.yaml"), encoding: .utf8)
        #expect(chats.contains("engine: jsonl"), "\(chats)")
        #expect(!chats.contains("engine: postgres"))

        let evaluated = try CadreCommand.run(["evaluate", "--workspace", "out", "--no-stores"], in: folder.url)
        #expect(evaluated.status <= 1, "\(evaluated.stdout)\(evaluated.stderr)")
        #expect(!evaluated.stdout.contains(" 0 rules"), "the imported packs run")
    }

    @Test func anExistingCadreYamlIsUpdatedInPlace() throws {
        let existing = """
            # our workspace
            cadre: workspace/v1
            name: Ours   # kept
            packs:
              - ../policies/gdpr
            evaluate: { fail_on: high }
            """
        let (folder, imported) = try Self.importInto(["ws/cadre.yaml": existing + "\n"], output: "ws")
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let updated = try String(contentsOf: folder.url.appendingPathComponent("ws/cadre.yaml"), encoding: .utf8)
        #expect(
            updated.hasPrefix(
                "# our workspace\ncadre: workspace/v1\nname: Ours   # kept\npacks:\n  - ../policies/gdpr\n  - policies/"
            ), "\(updated)")
        #expect(updated.contains("evaluate: { fail_on: high }"))
        #expect(updated.contains("taxonomy: [taxonomy/fides.yaml]"))
        #expect(imported.stdout.contains("updated ws/cadre.yaml: packs + "))
    }
}
