import Foundation
import Testing

/// A pack's version held to its rules: `cadre test` and `cadre policies doc` fail when the rules
/// changed and the version recorded in `CHANGELOG.md` did not.
@Suite struct PackVersionTests {
    static func pack(changelog: String?, message: String = "keeps calls six months") throws -> TemporaryFolder {
        var files = [
            "pack/pack.yaml": "cadre: pack/v1\nid: t\nversion: 1.0.0\ntitle: T\napi: 1\n",
            "pack/retention.lua": EvaluateCommandTests.rule("retention", "ctx:fail(system.purposes[1], '\(message)')"),
            "pack/tests/retention_test.lua":
                "it('fails', function() expect(run('t.retention', system{ purposes = { { id = 'p' } } })):to_fail() end)\n",
        ]
        if let changelog { files["pack/CHANGELOG.md"] = changelog }
        return try TemporaryFolder(files: files)
    }

    /// The digest `cadre test` asks to record for the pack's rules.
    static func digest(in folder: TemporaryFolder) throws -> String {
        let output = try CadreCommand.run(["test", "pack"], in: folder.url)
        let hint = try #require(output.stdout.split(separator: "\n").first { $0.contains("Rules digest: `") })
        return String(hint.split(separator: "`")[1])
    }

    @Test func aChangedRuleUnderTheSameVersionFails() throws {
        let unrecorded = try Self.pack(changelog: "# Changelog\n\n## 1.0.0 — 2026-12-01\n\nFirst.\n")
        let warned = try CadreCommand.run(["test", "pack"], in: unrecorded.url)
        #expect(warned.status == 0, "\(warned.stdout)")
        #expect(
            warned.stdout.contains(
                "pack/CHANGELOG.md:3:1: warning: the entry of version 1.0.0 records no rules digest"))
        let digest = try Self.digest(in: unrecorded)
        #expect(digest.count == 64)

        // Recorded: the same rules pass; tests, README and the changelog itself do not count.
        let changelog = "# Changelog\n\n## 1.0.0 — 2026-12-01\n\nRules digest: `\(digest)`\n\nFirst.\n"
        let recorded = try Self.pack(changelog: changelog)
        try Data("# T\n".utf8).write(to: recorded.url.appendingPathComponent("pack/README.md"))
        let passed = try CadreCommand.run(["test", "pack"], in: recorded.url)
        #expect(passed.status == 0, "\(passed.stdout)")
        #expect(!passed.stdout.contains("pack-version"))

        // A rule changed, the version kept: both `cadre test` and `cadre policies doc` fail.
        let changed = try Self.pack(changelog: changelog, message: "keeps calls three months")
        let failed = try CadreCommand.run(["test", "pack"], in: changed.url)
        #expect(failed.status == 2)
        #expect(
            failed.stdout.contains(
                "pack/CHANGELOG.md:5:1: error: the rules of pack `t` changed since version 1.0.0 was released, and pack.yaml still says 1.0.0 [pack-version]"
            ), "\(failed.stdout)")
        #expect(failed.stdout.contains("hint: bump `version` in pack.yaml (1.1.0 if outcomes can change"))
        let doc = try CadreCommand.run(["policies", "doc", "pack"], in: changed.url)
        #expect(doc.status == 2)
        #expect(doc.stderr.contains("[pack-version]"))

        // Bumped without an entry: said at pack.yaml.
        try Data("cadre: pack/v1\nid: t\nversion: 1.1.0\ntitle: T\napi: 1\n".utf8).write(
            to: changed.url.appendingPathComponent("pack/pack.yaml"))
        let bumped = try CadreCommand.run(["test", "pack"], in: changed.url)
        #expect(bumped.status == 2)
        #expect(
            bumped.stdout.contains(
                "error: pack `t` is at version 1.1.0, which pack/CHANGELOG.md does not describe [pack-version]"),
            "\(bumped.stdout)")
    }

    @Test func aPackWithoutChangelogIsNotChecked() throws {
        let folder = try Self.pack(changelog: nil)
        let output = try CadreCommand.run(["test", "pack"], in: folder.url)
        #expect(output.status == 0)
        #expect(!output.stdout.contains("pack-version"))
    }
}
