import CadreModel
import Testing

@testable import CadreEngine
@testable import CadreReports

/// GitLab Code Quality: an issue per finding, rule error and invalid descriptor (waived findings
/// and warnings of the workspace left out), with GitLab's severities and unique, stable
/// fingerprints.
@Suite struct GitLabReportTests {
    static func issues(_ evaluation: Evaluation = ReportFixture.evaluation()) throws -> [[String: Any]] {
        let text = ReportFormat.gitlab.render(evaluation, context: ReportContext(toolVersion: "9.9.9"))
        return try #require(try ReportFixture.json(text) as? [[String: Any]])
    }

    @Test func anIssuePerProblemInReportOrder() throws {
        let issues = try Self.issues()
        #expect(
            issues.map { $0["check_name"] as? String } == [
                "gdpr.retention", "gdpr.retention", "cnil.cookies", "cadre.rule-error", "cadre.invalid-descriptor",
            ])
        #expect(issues.map { $0["severity"] as? String } == ["critical", "critical", "minor", "critical", "critical"])
        #expect(issues.allSatisfy { $0["type"] as? String == "issue" && $0["categories"] as? [String] == ["Security"] })
        let location = try #require(issues[0]["location"] as? [String: Any])
        #expect(location["path"] as? String == "systems/a.yaml")
        #expect((location["lines"] as? [String: Int])?["begin"] == 4)
        #expect(issues[0]["description"] as? String == "no retention for \(ReportFixture.tricky)\nsecond line\u{1B}[2J")
        #expect(issues[4]["description"] as? String == "missing field `id` (every system has an id)")
    }

    @Test func severitiesFollowTheRulesAndTheFindings() {
        func issue(_ kind: CIIssue.Kind, _ severity: Severity) -> CIIssue {
            CIIssue(
                kind: kind, rule: "r", severity: severity, message: "m", location: .start(of: "f"), fingerprint: [])
        }
        #expect(
            Severity.allCases.map { GitLabReport.severity(of: issue(.finding(.fail), $0)) }
                == Severity.allCases.map {
                    switch $0 {
                    case .critical: "blocker"
                    case .high: "critical"
                    case .medium: "major"
                    case .low: "minor"
                    case .info: "info"
                    }
                })
        #expect(GitLabReport.severity(of: issue(.finding(.warn), .critical)) == "minor")
        #expect(GitLabReport.severity(of: issue(.finding(.info), .critical)) == "info")
        #expect(GitLabReport.severity(of: issue(.invalidDescriptor, .low)) == "critical")
        #expect(GitLabReport.severity(of: issue(.ruleError, .medium)) == "major")
    }

    @Test func fingerprintsAreUniqueAndStable() throws {
        var evaluation = ReportFixture.evaluation()
        // The same finding twice in one result: GitLab wants each fingerprint once.
        let repeated = evaluation.systems[0].results[2].findings[1]
        evaluation.systems[0].results[2].findings.append(repeated)
        let issues = try Self.issues(evaluation)
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(fingerprints.count == 6)
        #expect(Set(fingerprints).count == 6)
        let again = try Self.issues(evaluation).compactMap { $0["fingerprint"] as? String }
        #expect(again == fingerprints)
    }

    @Test func anEmptyRunIsAnEmptyArray() throws {
        let empty = Evaluation(
            asOf: ReportFixture.asOf, workspace: nil, packs: [], rules: [], systems: [], diagnostics: [])
        #expect(try Self.issues(empty).isEmpty)
    }
}
