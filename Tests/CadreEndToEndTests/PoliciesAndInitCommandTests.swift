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
                "references:  CNIL délibération n° 2014-474 (NS-57) <https://www.cnil.fr/fr/lecoute-et-lenregistrement-des-appels-sur-le-lieu-de-travail>\n"
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

    @Test func initStartsAWorkspaceThatValidatesAndEvaluates() throws {
        let folder = try TemporaryFolder(files: [:])
        let created = try CadreCommand.run(["init", folder.url.path])
        #expect(created.status == 0)
        for file in ["cadre.yaml", "systems/example-chatbot.yaml", "waivers.yaml"] {
            #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(file).path))
        }
        #expect(try CadreCommand.run(["validate", "systems"], in: folder.url).status == 0)
        let evaluated = try CadreCommand.run(["evaluate"], in: folder.url)
        #expect(evaluated.status == 0)
        #expect(evaluated.stderr.contains("loads no pack"))
        let again = try CadreCommand.run(["init", folder.url.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
    }
}
