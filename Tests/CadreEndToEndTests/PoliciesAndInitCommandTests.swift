import Foundation
import Testing

/// `cadre policies` and `cadre init`.
@Suite struct PoliciesAndInitCommandTests {
    @Test func policiesListShowsEveryRule() throws {
        let output = try CadreCommand.run(["policies", "list", "--workspace", "examples"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("cnil.recording.retention"))
        #expect(output.stdout.contains("high"))
        #expect(output.stdout.contains("[from 2014-11-27]"))
        #expect(output.stdout.contains("rules in 3 packs"))
    }

    @Test func policiesShowDescribesARule() throws {
        let output = try CadreCommand.run(["policies", "show", "cnil.recording.retention", "--workspace", "examples"])
        #expect(output.status == 0)
        #expect(
            output.stdout.contains(
                "references:  CNIL délibération n° 2014-474 (NS-57) <https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=2014-474>\n"
                    + "             CNIL, guidance on listening to and recording calls at work <https://www.cnil.fr/fr/lecoute-et-lenregistrement-des-appels-sur-le-lieu-de-travail>\n"
                    + "             GDPR Art. 5(1)(e) <https://eur-lex.europa.eu/eli/reg/2016/679/oj>\n"))
        #expect(output.stdout.contains("reviewed:    2026-12-07\n"))
        #expect(output.stdout.contains("confidence:  secondary"))
        #expect(output.stdout.contains("file:        policies/cnil/recording-retention.lua\n"))
    }

    @Test func anUnknownRuleGetsASuggestion() throws {
        let output = try CadreCommand.run(["policies", "show", "cnil.recording.retentoin", "--workspace", "examples"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("did you mean `cnil.recording.retention`?"))
    }

    @Test func policiesShowFindsTheWorkspaceFromASubfolderOrSaysToPassIt() throws {
        let folder = try TemporaryFolder.oneFailingRule(["systems/nested/b.txt": "a subfolder\n"])
        let inside = try CadreCommand.run(
            ["policies", "show", "t.fine"], in: folder.url.appendingPathComponent("systems/nested"))
        #expect(inside.status == 0, "\(inside.stderr)")
        #expect(inside.stdout.hasPrefix("t.fine\n"))
        #expect(inside.stdout.contains("file:        ../../pack/fine.lua\n"))

        let outside = try TemporaryFolder(files: ["notes.txt": "no workspace here\n"])
        for command in [["policies", "show", "t.fine"], ["policies", "list"], ["policies", "doc"]] {
            let output = try CadreCommand.run(command, in: outside.url)
            #expect(output.status == 2)
            #expect(
                output.stderr
                    == "cadre: no workspace here: no cadre.yaml in the current folder or a folder above it; run it inside a workspace, or pass --workspace DIR\n"
            )
        }
        let named = try CadreCommand.run(["policies", "show", "t.fine", "--workspace", "."], in: outside.url)
        #expect(named.status == 2)
        #expect(
            named.stderr
                == "cadre: `.` is not a workspace (no cadre.yaml in it): pass --workspace the folder that holds cadre.yaml\n"
        )
        let given = try CadreCommand.run(
            ["policies", "show", "t.fine", "--workspace", folder.url.path], in: outside.url)
        #expect(given.status == 0, "\(given.stderr)")
    }

    @Test func initStartsAWorkspaceThatValidatesAndEvaluatesTheBundledPacks() throws {
        let folder = try TemporaryFolder(files: [:])
        let created = try CadreCommand.run(["init", folder.url.path])
        #expect(created.status == 0, "\(created.stderr)")
        for file in ["cadre.yaml", "systems/example-chatbot.yaml", "waivers.yaml"] {
            #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(file).path))
        }
        let configuration = try String(contentsOf: folder.url.appendingPathComponent("cadre.yaml"), encoding: .utf8)
        #expect(configuration.contains("packs: [gdpr, cnil, ai-act]"))
        #expect(try CadreCommand.run(["validate", "systems"], in: folder.url).status == 0)
        let evaluated = try CadreCommand.run(["evaluate", "--format", "json"], in: folder.url)
        #expect(evaluated.status <= 1, "\(evaluated.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(evaluated.stdout.utf8)) as? [String: Any])
        let summary = try #require(document["summary"] as? [String: Any])
        #expect((summary["rules"] as? Int ?? 0) >= 76)
        let again = try CadreCommand.run(["init", folder.url.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
    }

    @Test func initWritesThePacksChosenAndRefusesAnUnknownOne() throws {
        let folder = try TemporaryFolder(files: [:])
        let unknown = try CadreCommand.run(["init", folder.url.path, "--pack", "gdpr", "--pack", "gpdr"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("cadre: error: --pack gpdr: unknown pack `gpdr` [unknown-pack]"))
        #expect(unknown.stderr.contains("packs found: ai-act, cnil, gdpr"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("cadre.yaml").path))
        let missingFolder = try CadreCommand.run(["init", folder.url.path, "--pack", "./mine"])
        #expect(missingFolder.status == 2)
        #expect(missingFolder.stderr.contains("not a pack: there is no pack.yaml in"))

        let chosen = try CadreCommand.run(["init", folder.url.path, "--pack", "cnil"])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        let configuration = try String(contentsOf: folder.url.appendingPathComponent("cadre.yaml"), encoding: .utf8)
        #expect(configuration.contains("packs: [cnil]"))
        let list = try CadreCommand.run(["policies", "list"], in: folder.url)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("cnil 1."))
        #expect(list.stdout.contains("(bundled: "))
        #expect(!list.stdout.contains("gdpr."))
    }

    @Test func aWorkspaceWithNoPackIsAnErrorUnlessAllowed() throws {
        let folder = try TemporaryFolder(files: [
            "cadre.yaml": "cadre: workspace/v1\npacks: []\n",
            "systems/a.yaml": EvaluateCommandTests.descriptor,
        ])
        let refused = try CadreCommand.run(["evaluate"], in: folder.url)
        #expect(refused.status == 2)
        #expect(
            refused.stderr.contains(
                "cadre.yaml:2:8: error: the workspace loads no pack: no rule would run [no-packs]"))
        #expect(
            refused.stderr.contains(
                "hint: list packs in cadre.yaml (`packs: [gdpr, cnil, ai-act]`), or pass --allow-empty"))
        let recheck = try CadreCommand.run(["recheck"], in: folder.url)
        #expect(recheck.status == 2)
        #expect(recheck.stderr.contains("[no-packs]"))
        let allowed = try CadreCommand.run(["evaluate", "--allow-empty"], in: folder.url)
        #expect(allowed.status == 0, "\(allowed.stderr)")

        let bare = try TemporaryFolder(files: ["systems/a.yaml": EvaluateCommandTests.descriptor])
        let noWorkspace = try CadreCommand.run(["evaluate"], in: bare.url)
        #expect(noWorkspace.status == 2)
        #expect(noWorkspace.stderr.contains("no cadre.yaml in the workspace or a folder above it"))
    }

    @Test func anUnknownPackIdIsAnErrorAtItsLine() throws {
        let folder = try TemporaryFolder.oneFailingRule([
            "cadre.yaml": "cadre: workspace/v1\npacks: [gdpr, gpdr, pack]\nplugins: [pii-fr, pii-de]\n"
        ])
        let output = try CadreCommand.run(["evaluate"], in: folder.url)
        #expect(output.status == 2)
        let printed = output.stdout + output.stderr
        #expect(printed.contains("cadre.yaml:2:15: error: unknown pack `gpdr` [unknown-pack]"))
        #expect(printed.contains("did you mean `gdpr`?; packs found: ai-act, cnil, gdpr; cadre looked in "))
        #expect(printed.contains("/policies (CADRE_PATH adds folders holding packs/)"))
        #expect(printed.contains("cadre.yaml:2:21: error: unknown pack `pack` [unknown-pack]"))
        #expect(printed.contains("hint: the workspace's folder `pack` is written `./pack`"))
        #expect(printed.contains("cadre.yaml:3:19: error: unknown plugin `pii-de` [unknown-pack]"))
        #expect(printed.contains("plugins found: csv-findings, fides, pii-fr"))
    }

    @Test func cadrePathFoldersAreSearchedFirst() throws {
        let folder = try TemporaryFolder.oneFailingRule([
            "cadre.yaml": "cadre: workspace/v1\npacks: [t]\n",
            "shared/packs/t/pack.yaml": "cadre: pack/v1\nid: t\nversion: 2.0.0\ntitle: Shared\napi: 1\n",
            "shared/packs/t/fine.lua": EvaluateCommandTests.rule("fine", "ctx:fail(system.purposes[1], 'found it')"),
        ])
        let environment = ["CADRE_PATH": "/nonexistent:" + folder.url.appendingPathComponent("shared").path]
        let list = try CadreCommand.run(["policies", "list"], in: folder.url, environment: environment)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(
            list.stdout.contains(
                "t 2.0.0 — Shared (CADRE_PATH \(folder.url.path)/shared: \(folder.url.path)/shared/packs/t; digest "))
        let evaluated = try CadreCommand.run(["evaluate"], in: folder.url, environment: environment)
        #expect(evaluated.status == 1, "\(evaluated.stderr)")
        #expect(evaluated.stdout.contains("found it"))
        let withoutPath = try CadreCommand.run(["evaluate"], in: folder.url)
        #expect(withoutPath.status == 2)
    }

    @Test func aRecheckSeesAChangeToAPackNamedById() throws {
        let folder = try TemporaryFolder.oneFailingRule([
            "cadre.yaml": "cadre: workspace/v1\npacks: [t]\n",
            "shared/packs/t/pack.yaml": "cadre: pack/v1\nid: t\nversion: 1.0.0\ntitle: Shared\napi: 1\n",
            "shared/packs/t/fine.lua": EvaluateCommandTests.rule("fine", "ctx:fail(system.purposes[1], 'found it')"),
        ])
        let environment = ["CADRE_PATH": folder.url.appendingPathComponent("shared").path]
        let first = try CadreCommand.run(
            ["recheck", "--as-of", "2026-11-29"], in: folder.url, environment: environment)
        #expect(first.status == 1, "\(first.stderr)")
        let rule = folder.url.appendingPathComponent("shared/packs/t/fine.lua")
        try Data(EvaluateCommandTests.rule("fine", "ctx:fail(system.purposes[1], 'found it again')").utf8).write(
            to: rule)
        let second = try CadreCommand.run(
            ["recheck", "--as-of", "2026-11-29"], in: folder.url, environment: environment)
        #expect(second.status <= 1, "\(second.stderr)")
        #expect(second.stdout.contains("\(rule.path): rule file changed: its rules, on every system"))
        #expect(second.stdout.contains("found it again"))
    }
}
