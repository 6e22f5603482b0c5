import Foundation
import Testing

/// Commands that behave the same everywhere: `validate` sees the workspace as `evaluate` does,
/// `--quiet` and `--color`, remediation in the reports, the form an `--as-of` expects, plurals.
@Suite struct ConsistentCommandsTests {
    static let taxonomy = """
        cadre: taxonomy/v1
        data_categories:
          user.contact.loyalty_number:
            name: Loyalty number
        """

    static let descriptor =
        EvaluateCommandTests.descriptor + """

            data:
              - category: user.contact.loyalty_number
                subjects: [customer]
                purposes: [support]
                retention: { period: P1Y, from: collection }
            """

    @Test func validateUsesTheWorkspacesTaxonomyAsEvaluateDoes() throws {
        let folder = try TemporaryFolder.oneFailingRule([
            "cadre.yaml": "cadre: workspace/v1\npacks: [./pack]\ntaxonomy: [terms.yaml]\n",
            "terms.yaml": Self.taxonomy,
            "systems/a.yaml": Self.descriptor,
        ])
        let evaluated = try CadreCommand.run(["evaluate"], in: folder.url)
        #expect(evaluated.status == 1, "\(evaluated.stdout)\(evaluated.stderr)")
        for arguments in [["validate"], ["validate", "systems/a.yaml"], ["validate", "--workspace", "."]] {
            let validated = try CadreCommand.run(arguments, in: folder.url)
            #expect(validated.status == 0, "\(arguments): \(validated.stdout)\(validated.stderr)")
            #expect(validated.stdout.contains("1 file checked: 1 valid, 0 invalid"), "\(validated.stdout)")
        }
        // From a folder inside the workspace, found upward.
        let inside = try CadreCommand.run(["validate"], in: folder.url.appendingPathComponent("systems"))
        #expect(inside.status == 0, "\(inside.stdout)\(inside.stderr)")
        // Without the workspace's terms, the category is unknown.
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("cadre.yaml"))
        let bare = try CadreCommand.run(["validate"], in: folder.url)
        #expect(bare.status == 2)
        #expect(bare.stdout.contains("unknown-taxonomy-key"))
    }

    @Test func quietPrintsOnlyTheSummaryOrTheErrors() throws {
        let folder = try TemporaryFolder.oneFailingRule()
        let quiet = try CadreCommand.run(["evaluate", "--quiet"], in: folder.url)
        #expect(quiet.status == 1)
        #expect(quiet.stdout.split(separator: "\n").count == 1, "\(quiet.stdout)")
        #expect(quiet.stdout.hasPrefix("as of "))
        #expect(quiet.stdout.contains("1 system, 1 rule — 1 failed, 0 warned, 0 errors"), "\(quiet.stdout)")
        let valid = try CadreCommand.run(["validate", "-q"], in: folder.url)
        #expect(valid.status == 0)
        #expect(valid.stdout.isEmpty, "\(valid.stdout)")
        try Data("cadre: system/v1\nid: a\n".utf8).write(to: folder.url.appendingPathComponent("systems/a.yaml"))
        let invalid = try CadreCommand.run(["validate", "-q"], in: folder.url)
        #expect(invalid.status == 2)
        #expect(invalid.stdout.split(separator: "\n").allSatisfy { $0.contains(": error: ") }, "\(invalid.stdout)")
        #expect(!invalid.stdout.contains("checked"))
    }

    @Test func colorIsChosenBesideNoColor() throws {
        let folder = try TemporaryFolder.oneFailingRule()
        let always = try CadreCommand.run(
            ["evaluate", "--color", "always"], in: folder.url, environment: ["NO_COLOR": "1"])
        #expect(always.stdout.contains("\u{1B}[31m"), "--color always wins over NO_COLOR")
        let auto = try CadreCommand.run(["evaluate"], in: folder.url)
        #expect(!auto.stdout.contains("\u{1B}["), "auto: not a terminal")
        let never = try CadreCommand.run(["evaluate", "--color", "never"], in: folder.url)
        #expect(!never.stdout.contains("\u{1B}["))
        let wrong = try CadreCommand.run(["evaluate", "--color", "sometimes"], in: folder.url)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--color"))
    }

    @Test func reportsShowTheRemediationOfFailingRules() throws {
        let rule = """
            return { id = 't.fine', title = 'fine', severity = 'high', references = {'T 1'},
              remediation = 'Declare the retention period.',
              check = function(system, ctx) ctx:fail(system.purposes[1], 'found it') end }
            """
        let folder = try TemporaryFolder.oneFailingRule(["pack/fine.lua": rule])
        let text = try CadreCommand.run(["evaluate"], in: folder.url)
        #expect(text.stdout.contains("          what to do: Declare the retention period."), "\(text.stdout)")
        let markdown = try CadreCommand.run(["evaluate", "--format", "markdown"], in: folder.url)
        #expect(
            markdown.stdout.contains("found it<br>**What to do:** Declare the retention period."), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("1 system, 1 rule ("))
    }

    @Test(arguments: ["2026-13-01", "tomorrow", "2026-02-30"])
    func aWrongAsOfSaysTheFormExpected(_ value: String) throws {
        let folder = try TemporaryFolder.oneFailingRule()
        let output = try CadreCommand.run(["evaluate", "--as-of", value], in: folder.url)
        #expect(output.status == 2)
        #expect(output.stderr.contains("expected a date as YYYY-MM-DD, such as 2026-11-29"), "\(output.stderr)")
    }
}
