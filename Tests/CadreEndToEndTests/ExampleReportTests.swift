import Foundation
import Testing

/// The example workspace against its reviewed report (`examples/expected/`, explained system by
/// system in `examples/README.md`), and the AI Act pack's two calendars on the same systems.
@Suite(.serialized) struct ExampleReportTests {
    static let asOf = "2026-11-29"
    static let environment = ["VOICEBOT_DB_URL": "stores/voicebot.sqlite"]

    /// `cadre evaluate` of the example workspace prints, byte for byte, the reviewed report: the
    /// default text report (no `--format`), JSON, Markdown and HTML.
    @Test(
        arguments: [(nil, "report.txt"), ("json", "report.json"), ("markdown", "report.md"), ("html", "report.html")]
            as [(String?, String)])
    func theExampleWorkspaceGivesItsReviewedReport(_ format: String?, _ file: String) throws {
        try EvaluateCommandTests.ensureStores()
        let output = try CadreCommand.run(
            ["evaluate", "--workspace", "examples", "--as-of", Self.asOf] + (format.map { ["--format", $0] } ?? []),
            environment: Self.environment)
        #expect(output.status == 1, "findings at or above high: \(output.stderr)")
        let expected = try String(
            contentsOf: CadreCommand.repositoryRoot.appendingPathComponent("examples/expected/\(file)"), encoding: .utf8
        )
        #expect(
            output.stdout == expected,
            "examples/expected/\(file) is out of date: review the difference, then run `make expected`")
    }

    /// The compliant systems of the answer key fail no rule that reads their descriptor…
    @Test func theCompliantSystemsFailNoDescriptorRule() throws {
        let results = try Self.results(calendar: "omnibus", asOf: Self.asOf)
        for system in ["chatbot-web", "voicebot-support"] {
            let failed = results.filter { $0.key.system == system && ($0.value == "fail" || $0.value == "error") }
            #expect(failed.isEmpty, "\(system): \(failed.keys.map(\.rule).sorted())")
        }
    }

    /// …and none that reads their stores: no rule fires on a compliant system by accident.
    @Test func theCompliantSystemsFailNoRuleAtAll() throws {
        try EvaluateCommandTests.ensureStores()
        for system in ["chatbot-web", "voicebot-support"] {
            let output = try CadreCommand.run(
                [
                    "evaluate", "--workspace", "examples", "--as-of", Self.asOf, "--fail-on", "info", "--format",
                    "json", "examples/systems/\(system).yaml",
                ],
                environment: Self.environment)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
            let results = (document["systems"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
            #expect(!results.isEmpty)
            let failed = results.filter { ["fail", "error"].contains($0["status"] as? String ?? "") }.compactMap {
                $0["rule"] as? String
            }
            #expect(failed.isEmpty, "\(system): \(failed)")
        }
    }

    /// Each calendar gives three different, correct results on 1 January 2025, 1 September 2026
    /// and 1 January 2028.
    @Test func theAIActCalendarsGiveEachDateItsObligations() throws {
        var byDate: [String: [String: [Key: String]]] = [:]
        for calendar in ["omnibus", "original"] {
            for date in ["2025-01-01", "2026-09-01", "2028-01-01"] {
                byDate[calendar, default: [:]][date] = try Self.results(calendar: calendar, asOf: date).filter {
                    $0.key.rule.hasPrefix("ai-act.")
                }
            }
        }
        for calendar in ["omnibus", "original"] {
            let early = try #require(byDate[calendar]?["2025-01-01"])
            #expect(!early.isEmpty)
            #expect(
                early.values.allSatisfy { $0 == "skipped" },
                "nothing of the AI Act applies before 2 February 2025 (\(calendar))")
            let dates = ["2025-01-01", "2026-09-01", "2028-01-01"].compactMap { byDate[calendar]?[$0] }
            #expect(Set(dates.map { $0.description }).count == 3, "three dates, three different results (\(calendar))")
        }
        let omnibus = try #require(byDate["omnibus"])
        let original = try #require(byDate["original"])
        // 1 September 2026: Art. 4, 5 and 50 under both; Annex III only under the original calendar.
        for results in [omnibus["2026-09-01"], original["2026-09-01"]] {
            #expect(results?[Key("speech-analytics", "ai-act.prohibited.emotion-workplace")] == "fail")
            // Art. 50(1) binds the provider: the email bot's deployer is warned.
            #expect(results?[Key("email-autoresponder", "ai-act.transparency.disclosure")] == "warn")
            #expect(results?[Key("chatbot-web", "ai-act.literacy.training")] == "pass")
        }
        #expect(omnibus["2026-09-01"]?[Key("credit-offer-assistant", "ai-act.fria.required")] == "skipped")
        #expect(omnibus["2026-09-01"]?[Key("speech-analytics", "ai-act.deployer.logs")] == "skipped")
        #expect(original["2026-09-01"]?[Key("credit-offer-assistant", "ai-act.fria.required")] == "fail")
        #expect(original["2026-09-01"]?[Key("speech-analytics", "ai-act.deployer.logs")] == "fail")
        // Marking by a generative system on the market before 2 August 2026: 2 December 2026 under the omnibus.
        #expect(omnibus["2026-09-01"]?[Key("email-autoresponder", "ai-act.transparency.marking")] == "pass")
        #expect(original["2026-09-01"]?[Key("email-autoresponder", "ai-act.transparency.marking")] == "warn")
        // 1 January 2028: everything but Annex I under both calendars, and the chatbot's yearly training is
        // due: a warning under the original Art. 4, only noted under the omnibus's (measures, not a cadence).
        for results in [omnibus["2028-01-01"], original["2028-01-01"]] {
            #expect(results?[Key("credit-offer-assistant", "ai-act.fria.required")] == "fail")
            #expect(results?[Key("speech-analytics", "ai-act.deployer.logs")] == "fail")
            #expect(results?[Key("email-autoresponder", "ai-act.transparency.marking")] == "warn")
        }
        #expect(omnibus["2028-01-01"]?[Key("chatbot-web", "ai-act.literacy.training")] == "pass")
        #expect(original["2028-01-01"]?[Key("chatbot-web", "ai-act.literacy.training")] == "warn")
        let differing = Set(omnibus["2028-01-01"]?.keys.map { $0 } ?? []).filter {
            omnibus["2028-01-01"]?[$0] != original["2028-01-01"]?[$0]
        }
        #expect(
            differing.map(\.description).sorted().allSatisfy { $0.hasSuffix("/ai-act.literacy.training") },
            "the calendars differ on 1 January 2028 only by Art. 4's wording: \(differing)")
    }

    struct Key: Hashable, CustomStringConvertible {
        var system: String
        var rule: String
        init(_ system: String, _ rule: String) {
            self.system = system
            self.rule = rule
        }
        var description: String { "\(system)/\(rule)" }
    }

    /// The status of every result of the example systems, with the AI Act pack under `calendar`,
    /// without stores (the calendar is what changes).
    static func results(calendar: String, asOf: String) throws -> [Key: String] {
        let root = CadreCommand.repositoryRoot.path
        let workspace = try TemporaryFolder(files: [
            "cadre.yaml": """
            cadre: workspace/v1
            systems: [\(root)/examples/systems]
            packs: [\(root)/policies/gdpr, \(root)/policies/cnil, \(root)/policies/ai-act]
            settings: { ai-act: { calendar: \(calendar) } }
            """
        ])
        let output = try CadreCommand.run(
            ["evaluate", "--as-of", asOf, "--format", "json", "--no-stores"], in: workspace.url)
        #expect(output.status == 1, "\(output.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        var statuses: [Key: String] = [:]
        for system in document["systems"] as? [[String: Any]] ?? [] {
            let id = system["id"] as? String ?? ""
            for result in system["results"] as? [[String: Any]] ?? [] {
                statuses[Key(id, result["rule"] as? String ?? "")] = result["status"] as? String
            }
        }
        return statuses
    }
}
