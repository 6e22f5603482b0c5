import Foundation
import Testing

/// `cadre schema`, and the schema at work in an editor's validator.
@Suite struct SchemaCommandTests {
    @Test func printsADraft2020SchemaAndWritesItToAFile() throws {
        let printed = try CadreCommand.run(["schema"])
        #expect(printed.status == 0)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("system-v1.schema.json")
        let written = try CadreCommand.run(["schema", "--output", file.path])
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == printed.stdout)

        let unwritable = try CadreCommand.run([
            "schema", "--output", folder.appendingPathComponent("no/such/dir/x.json").path,
        ])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("cannot write"))
    }

    @Test func theSchemaAcceptsEveryExampleAndRejectsBrokenDescriptors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cadre-jsonschema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = folder.appendingPathComponent("schema.json")
        #expect(try CadreCommand.run(["schema", "--output", schema.path]).status == 0)

        let header = "cadre: system/v1\nid: broken\nname: Broken\nowner: team@example.com\n"
        let broken = [
            "unknown-key.yaml": header + "purposes:\n  - id: support\n    legal_bases: contract\n",
            "norway.yaml": header + "ai:\n  - id: bot\n    kind: chatbot\n    discloses_ai: no\n",
            "duration.yaml": header + "data:\n  - category: user.contact.email\n    retention: {period: 6 months}\n",
            "missing-owner.yaml": "cadre: system/v1\nid: broken\nname: Broken\n",
            "date.yaml": header + "assessments:\n  dpia: {status: done, date: 10/03/2025}\n",
            "taxonomy.yaml": header + "data:\n  - category: user.contact.phone\n",
            "version.yaml": header.replacingOccurrences(of: "system/v1", with: "system/v2"),
            "boolean.yaml": header + "notices: {recording_announcement: yes}\n",
        ]
        for (name, text) in broken {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }

        let examples = try FileManager.default.contentsOfDirectory(
            atPath: CadreCommand.repositoryRoot.appendingPathComponent("examples/systems").path
        ).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted().map { "examples/systems/\($0)" }
        #expect(examples.count >= 8)
        let script = try #require(Bundle.module.url(forResource: "Scripts/check_schema", withExtension: "py"))
        let output = try CadreCommand.runProgram(
            "python3",
            [script.path, schema.path, "--valid"] + examples + [
                "Tests/CadreModelTests/Fixtures/complete.yaml", "--invalid",
            ]
                + broken.keys.sorted().map { folder.appendingPathComponent($0).path })
        #expect(
            output.status == 0,
            "\(output.stdout)\(output.stderr)\nneeds python3 with jsonschema and PyYAML (scripts/install-deps.sh)")
        #expect(output.stdout.split(separator: "\n").count == examples.count + 1 + broken.count)
    }
}
