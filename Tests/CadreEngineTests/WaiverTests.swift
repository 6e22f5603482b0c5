import CadreEngine
import CadreModel
import Testing

/// Accepted exceptions: they turn a failure into `waived` until they expire, then are reported.
@Suite struct WaiverTests {
    static let failing = ["r.lua": TemporaryWorkspace.rule("r", check: "ctx:fail(system.data[1], 'wrong')")]

    static func system(expires: String) -> [String: String] {
        [
            "systems/a.yaml": TemporaryWorkspace.descriptor(
                id: "a",
                extra: """
                    waivers:
                      - { rule: test.r, reason: "Litigation hold", approved_by: dpo@example.com, expires: \(expires) }
                    """)
        ]
    }

    @Test func anActiveWaiverCoversAFailure() throws {
        let workspace = try TemporaryWorkspace.with(rules: Self.failing, systems: Self.system(expires: "2026-12-31"))
        let evaluation = try workspace.evaluate(asOf: "2026-12-31")
        let result = try #require(evaluation.result("test.r"))
        #expect(result.status == .waived)
        #expect(result.waiver?.approvedBy == "dpo@example.com")
        #expect(result.findings.map(\.message) == ["wrong"])
        #expect(evaluation.exitStatus(failOn: .info) == 0)
    }

    @Test func anExpiredWaiverNoLongerAppliesAndIsReported() throws {
        let workspace = try TemporaryWorkspace.with(rules: Self.failing, systems: Self.system(expires: "2026-12-31"))
        let result = try #require(try workspace.evaluate(asOf: "2027-01-01").result("test.r"))
        #expect(result.status == .fail)
        #expect(
            result.findings.contains {
                $0.level == .warn
                    && $0.message
                        == "the waiver approved by dpo@example.com expired on 2026-12-31 (Litigation hold): it no longer applies"
                    && $0.location.line == 20
            })
    }

    @Test func anExpiredWaiverOfAPassingRuleIsInformation() throws {
        let workspace = try TemporaryWorkspace.with(
            rules: ["r.lua": TemporaryWorkspace.rule("r", check: "")], systems: Self.system(expires: "2025-01-01"))
        let result = try #require(try workspace.evaluate().result("test.r"))
        #expect(result.status == .pass)
        #expect(result.findings.first?.message.hasSuffix("is no longer needed: remove it") == true)
    }

    @Test func workspaceWaiverFilesAreChecked() throws {
        let waivers = """
            cadre: waivers/v1
            waivers:
              - { rule: "test.*", system: a, reason: Migration, approved_by: dpo@example.com, expires: 2030-01-01 }
              - { rule: test.typo, system: a, reason: Typo, approved_by: dpo@example.com, expires: 2030-01-01 }
              - { rule: test.r, system: nobody, reason: Typo, approved_by: dpo@example.com, expires: 2030-01-01 }
            """
        let workspace = try TemporaryWorkspace.with(
            rules: Self.failing,
            extra: [
                "waivers.yaml": waivers, "cadre.yaml": TemporaryWorkspace.workspace + "\nwaivers: [waivers.yaml]\n",
            ])
        let evaluation = try workspace.evaluate()
        #expect(evaluation.result("test.r")?.status == .waived)
        let warnings = evaluation.diagnostics.filter { !$0.isError }.map(\.message)
        #expect(warnings.contains("the waiver names rule `test.typo`, which no pack defines"))
        #expect(warnings.contains("the waiver names system `nobody`, which no descriptor describes"))
    }
}
