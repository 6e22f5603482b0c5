import Foundation
import Testing

/// `cadre dpia` and `cadre fria` on the example workspace: the reviewed drafts, the PIA tool's
/// structure, the systems Art. 27 does not concern, unknown ids, `--output`, `--as-of`, and
/// nothing of the stores or their secrets in any draft.
@Suite(.serialized) struct AssessmentCommandTests {
    static let asOf = ExampleReportTests.asOf
    static let environment = ExampleReportTests.environment
    static let systems = [
        "agent-assist", "call-recording-quality", "chatbot-web", "credit-offer-assistant", "crm-propensity-scoring",
        "email-autoresponder", "outbound-telemarketing", "speech-analytics", "voicebot-support",
    ]

    func cadre(_ arguments: [String], environment: [String: String] = environment) throws -> CadreCommand.Output {
        try CadreCommand.run(arguments + ["--workspace", "examples", "--as-of", Self.asOf], environment: environment)
    }

    /// The drafts of the credit scorer (an Annex III 5(b) deployer with a DPIA on record) are,
    /// byte for byte, the reviewed ones of examples/expected/.
    @Test(
        arguments: [
            (["dpia", "credit-offer-assistant"], "dpia-credit-offer-assistant.json"),
            (["dpia", "credit-offer-assistant", "--format", "markdown"], "dpia-credit-offer-assistant.md"),
            (["fria", "credit-offer-assistant"], "fria-credit-offer-assistant.md"),
        ])
    func theExampleDraftsAreTheReviewedOnes(_ arguments: [String], _ file: String) throws {
        try EvaluateCommandTests.ensureStores()
        let output = try cadre(arguments)
        #expect(output.status == 0, "\(output.stderr)")
        let expected = try String(
            contentsOf: CadreCommand.repositoryRoot.appendingPathComponent("examples/expected/\(file)"), encoding: .utf8
        )
        #expect(
            output.stdout == expected,
            "examples/expected/\(file) is out of date: review the difference, then run `make expected`")
    }

    /// Every example system's DPIA has the structure the PIA tool's importer reads, checked
    /// against the tool's own example export.
    @Test func everyDPIAHasThePIAToolsStructure() throws {
        try EvaluateCommandTests.ensureStores()
        for system in Self.systems {
            let output = try cadre(["dpia", system])
            #expect(output.status == 0, "\(system): \(output.stderr)")
            let check = try CIIntegrationTests.check("check_pia.py", output.stdout, suffix: "json")
            #expect(check.status == 0, "\(system): \(check.stdout)\(check.stderr)")
        }
    }

    /// Why a DPIA is required comes from the gdpr pack's rules: with a DPIA on record they are
    /// asked with it set aside, and name the EDPB criteria and the CNIL list's entries.
    @Test func theDraftSaysWhichCriteriaRequireADPIA() throws {
        let credit = try cadre(["dpia", "credit-offer-assistant", "--format", "markdown"])
        #expect(credit.stdout.contains("The DPIA on record: status done, dated 2024-01-22, reference DPIA-2024-02"))
        #expect(credit.stdout.contains("5 EDPB criteria: evaluation or scoring ('repayment-score')"))
        #expect(credit.stdout.contains("CNIL list: profiling that may exclude from a contract ('repayment-score')"))
        #expect(!credit.stdout.contains("but there is none"))
        // Without a DPIA, the rules' own findings say it, once.
        let crm = try cadre(["dpia", "crm-propensity-scoring", "--format", "markdown"])
        #expect(crm.stdout.contains("The descriptor records no DPIA"))
        #expect(crm.stdout.components(separatedBy: "4 EDPB criteria").count == 2)
        #expect(crm.stdout.contains("**Question:**"))
    }

    /// Art. 27 concerns only the credit scorer: for every other system no draft is written, the
    /// reason is given, and the status is 1.
    @Test func aFRIAIsDraftedOnlyWhereArticle27Applies() throws {
        for system in Self.systems where system != "credit-offer-assistant" {
            let output = try cadre(["fria", system])
            #expect(output.status == 1, "\(system): \(output.stderr)")
            #expect(output.stdout.isEmpty)
            #expect(
                output.stderr.contains("cadre: no FRIA drafted: `ai-act.fria.required` does not apply to `\(system)`"))
        }
        let json = try cadre(["fria", "credit-offer-assistant", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "cadre-fria/v1")
        let sections = (document["sections"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(sections == ["scope", "a", "b", "c", "d", "e", "f"])
    }

    /// Art. 27 binds deployers: the credit scorer declared as its provider gets no draft; without
    /// the ai-act pack, no rule can tell, which is invalid input (status 2).
    @Test func aProviderOrAWorkspaceWithoutTheAIActPackGetsNoFRIA() throws {
        let scratch = try ScratchWorkspace()
        try scratch.replace(
            "role: deployer", with: "role: provider", in: "examples/systems/credit-offer-assistant.yaml")
        let provider = try scratch.cadre("fria", "credit-offer-assistant", "-w", "examples", "--as-of", Self.asOf)
        #expect(provider.status == 1)
        #expect(provider.stdout.isEmpty)
        #expect(provider.stderr.contains("declares the AI Act role `provider`: Art. 27(1) binds deployers"))
        try scratch.replace(", ../policies/ai-act]", with: "]", in: "examples/cadre.yaml")
        try scratch.replace("settings:\n  ai-act: { calendar: omnibus }\n", with: "", in: "examples/cadre.yaml")
        let noPack = try scratch.cadre("fria", "credit-offer-assistant", "-w", "examples", "--as-of", Self.asOf)
        #expect(noPack.status == 2)
        #expect(noPack.stderr.contains("no pack of the workspace loads the rule `ai-act.fria.required`"))
    }

    /// --as-of applies the law of that date: under the omnibus Art. 27 is in force from
    /// 2 December 2027, and then the rule reports the planned FRIA.
    @Test func asOfChoosesTheLawApplied() throws {
        let before = try cadre(["fria", "credit-offer-assistant"])
        #expect(before.stdout.contains("on 2026-11-29 it is not yet in force"))
        let after = try CadreCommand.run(
            ["fria", "credit-offer-assistant", "--workspace", "examples", "--as-of", "2028-01-01"],
            environment: Self.environment)
        #expect(after.status == 0)
        #expect(after.stdout.contains("Art. 27 applies to it since 2027-12-02"))
        #expect(after.stdout.contains("**Finding** `ai-act.fria.required` (high, fail)"))
    }

    /// An unknown id: status 2, with the closest id and every known one.
    @Test(arguments: ["dpia", "fria"]) func anUnknownSystemListsTheKnownOnes(_ command: String) throws {
        let output = try cadre([command, "credit-offer"])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("cadre: no system `credit-offer` in the workspace"))
        #expect(output.stderr.contains("known systems: \(Self.systems.joined(separator: ", "))"))
    }

    /// --output writes what standard output would show, through the same machinery as
    /// evaluate: a folder is refused and stays a folder.
    @Test func outputWritesTheDraftAndRefusesAFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-dpia-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("draft.md")
        let written = try cadre(["fria", "credit-offer-assistant", "--output", file.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.isEmpty)
        let printed = try cadre(["fria", "credit-offer-assistant"])
        #expect(try String(contentsOf: file, encoding: .utf8) == printed.stdout)
        let refused = try cadre(["dpia", "credit-offer-assistant", "--output", folder.path])
        #expect(refused.status == 2)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    /// No draft holds a value of the seeded stores, a store URL or a secret, whatever the format,
    /// with the stores read (the voicebot's) and a password in the credit store's variables.
    @Test func noDraftHoldsAStoreValueOrASecret() throws {
        try EvaluateCommandTests.ensureStores()
        let seeded = try String(
            contentsOf: CadreCommand.repositoryRoot.appendingPathComponent("examples/stores/seeded-values.txt"),
            encoding: .utf8
        )
        .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        #expect(seeded.count >= 50)
        let password = "cadre-test-Pa55word-7f3a"
        let environment = Self.environment.merging([
            "CREDIT_DB_PASSWORD": password, "CREDIT_DB_HOST": "credit-db.invalid",
        ]) { $1 }
        var outputs: [String] = []
        for system in Self.systems {
            for format in ["json", "markdown"] {
                let dpia = try cadre(["dpia", system, "--format", format], environment: environment)
                #expect(dpia.status == 0, "\(system): \(dpia.stderr)")
                outputs.append(dpia.stdout + dpia.stderr)
                let fria = try cadre(["fria", system, "--format", format], environment: environment)
                outputs.append(fria.stdout + fria.stderr)
            }
        }
        // The stores were read: the rules that scan them found what the seeded rows hold.
        #expect(outputs.joined().contains("310 rows of crm.scores are older than P1Y"))
        for output in outputs {
            for value in seeded { #expect(!output.contains(value), "a seeded store value: \(value)") }
            #expect(!output.contains(password))
            #expect(!output.contains("stores/voicebot.sqlite"))
            #expect(!output.contains("postgres://"))
            #expect(!output.contains("credit-db.invalid"))
        }
    }
}
