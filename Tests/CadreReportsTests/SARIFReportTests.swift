import CadreModel
import Testing

@testable import CadreEngine
@testable import CadreReports

/// SARIF 2.1.0 as code scanning reads it: the rules with their severities, a result per finding,
/// rule error and invalid descriptor, in report order, files named from the repository's root,
/// waived findings as accepted suppressions.
@Suite struct SARIFReportTests {
    static func run(sourceRoot: SourceRoot? = nil) throws -> [String: Any] {
        let document = try #require(
            try ReportFixture.json(ReportFixture.report(.sarif, sourceRoot: sourceRoot)) as? [String: Any])
        #expect(document["version"] as? String == "2.1.0")
        let runs = try #require(document["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return runs[0]
    }

    static func results(_ run: [String: Any]) throws -> [[String: Any]] {
        try #require(run["results"] as? [[String: Any]])
    }

    @Test func theToolAndItsRules() throws {
        let run = try Self.run()
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "cadre")
        #expect(driver["version"] as? String == "9.9.9")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(
            rules.map { $0["id"] as? String } == [
                "gdpr.retention", "cnil.cookies", "ai.log", "cadre.invalid-descriptor", "cadre.rule-error",
            ])
        let retention = rules[0]
        #expect((retention["shortDescription"] as? [String: String])?["text"] == "Retention is \(ReportFixture.tricky)")
        #expect((retention["defaultConfiguration"] as? [String: String])?["level"] == "error")
        let properties = try #require(retention["properties"] as? [String: Any])
        #expect(properties["security-severity"] as? String == "8.0")
        #expect(properties["references"] as? [String] == ["GDPR Art. 5(1)(e)"])
        #expect((rules[1]["defaultConfiguration"] as? [String: String])?["level"] == "warning")
        #expect((rules[2]["defaultConfiguration"] as? [String: String])?["level"] == "note")
        #expect(
            ((run["properties"] as? [String: Any])?["packs"] as? [String]) == ["ai@0.1.0", "cnil@2.0.0", "gdpr@1.2.0"])
    }

    @Test func aResultPerIssueInReportOrder() throws {
        let results = try Self.results(try Self.run())
        #expect(
            results.map { $0["ruleId"] as? String } == [
                "cnil.cookies", "gdpr.retention", "gdpr.retention", "cnil.cookies", "cadre.rule-error",
                "cadre.invalid-descriptor",
            ])
        #expect(results.map { $0["ruleIndex"] as? Int } == [1, 0, 0, 1, 4, 3])
        #expect(results.map { $0["level"] as? String } == ["warning", "error", "error", "warning", "error", "error"])
        #expect(
            (results[1]["message"] as? [String: String])?["text"]
                == "no retention for \(ReportFixture.tricky)\nsecond line\u{1B}[2J")
        #expect(
            (results[4]["message"] as? [String: String])?["text"]
                == "gdpr.retention could not be evaluated on bot: runtime: attempt to index a nil value")
        #expect(
            (results[5]["message"] as? [String: String])?["text"] == "missing field `id` (every system has an id)")
        // Only the waived finding is suppressed, as accepted, with its justification.
        #expect(results.map { $0["suppressions"] != nil } == [true, false, false, false, false, false])
        let suppression = try #require((results[0]["suppressions"] as? [[String: String]])?.first)
        #expect(suppression["status"] == "accepted")
        #expect(suppression["justification"] == "banner ships in March (approved by dpo@example.com, until 2027-03-31)")
    }

    @Test func locationsAreNamedFromTheRoot() throws {
        func location(_ result: [String: Any]) throws -> (uri: String?, base: String?, line: Int?) {
            let physical = try #require(
                ((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
            let artifact = physical["artifactLocation"] as? [String: Any]
            return (
                artifact?["uri"] as? String, artifact?["uriBaseId"] as? String,
                (physical["region"] as? [String: Any])?["startLine"] as? Int
            )
        }
        let plain = try Self.results(try Self.run())
        #expect(try location(plain[1]) == ("systems/a.yaml", "SRCROOT", 4))
        #expect(try location(plain[4]) == ("systems/b.yaml", "SRCROOT", 1), "a rule error points at its system")

        let rooted = try Self.run(sourceRoot: SourceRoot(path: "/repo", workspace: "/repo/my workspace"))
        let results = try Self.results(rooted)
        #expect(try location(results[1]) == ("my%20workspace/systems/a.yaml", "SRCROOT", 4))
        let base = (rooted["originalUriBaseIds"] as? [String: Any])?["SRCROOT"] as? [String: Any]
        #expect(base?["uri"] as? String == "file:///repo/")
    }

    @Test func fingerprintsAreStableAndDistinct() throws {
        let first = try Self.results(try Self.run()).map {
            ($0["partialFingerprints"] as? [String: String])?["cadreFinding/v1"]
        }
        let second = try Self.results(try Self.run()).map {
            ($0["partialFingerprints"] as? [String: String])?["cadreFinding/v1"]
        }
        #expect(first == second)
        #expect(Set(first.compactMap { $0 }).count == first.count)
    }
}
