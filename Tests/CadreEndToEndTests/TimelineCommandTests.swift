import Foundation
import Testing

/// `cadre timeline`: what comes into force or lapses for each system, from the rules' dates and
/// their `applies`.
@Suite struct TimelineCommandTests {
    /// A rule added to the bundled pack that also lapses, on a date of the pack's data.
    static let highRisk = """
        -- A deployer duty with an end date, to see a rule lapse.
        local dates = pack.data.calendars[pack.settings.calendar]
        return {
          id = "ai-act.high-risk.deployer",
          title = "Deployers of high-risk AI systems follow the instructions and keep logs",
          severity = "high",
          references = { "AI Act Art. 26" },
          effective = { from = dates.annex_iii, to = "2028-06-30" },
          applies = function(system)
            for _, component in ipairs(system:ai_of()) do
              if component.annex_iii and #component.annex_iii > 0 then return true end
            end
            return false
          end,
          check = function(system, ctx) end,
        }

        """

    @Test func eachSystemSeesItsObligationsComing() throws {
        let scratch = try ScratchWorkspace()
        try scratch.write("policies/ai-act/high-risk-deployer.lua", Self.highRisk)
        let output = try scratch.cadre(
            "timeline", "credit-offer-assistant", "speech-analytics", "chatbot-web", "-w", "examples", "--from",
            "2026-11-29", "--until", "2028-12-31")
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "obligations that come into force or lapse from 2026-11-29 to 2028-12-31")
        // Systems in id order; the chatbot's obligations are all in force already (omnibus calendar).
        #expect(
            output.stdout.contains(
                """

                chatbot-web  examples/systems/chatbot-web.yaml
                  nothing comes into force or lapses

                credit-offer-assistant  examples/systems/credit-offer-assistant.yaml

                """))
        // Annex III's high-risk duties from 2027-12-02, for the credit assistant (5(b)) and the
        // speech analytics that evaluate agents (4(b)); the added rule lapses after 2028-06-30.
        let credit = Self.section("credit-offer-assistant", of: lines)
        #expect(
            credit.contains(
                "  2027-12-02  comes into force  ai-act.high-risk.credit  high  Credit scoring is treated as high-risk (Annex III 5(b))  [AI Act Annex III 5(b); AI Act Art. 6(3)]"
            ))
        #expect(
            credit.contains(
                "  2027-12-02  comes into force  ai-act.fria.required  high  A fundamental rights impact assessment precedes the use of credit or insurance AI  [AI Act Art. 27(1); AI Act Annex III 5(b); AI Act Annex III 5(c)]"
            ))
        #expect(
            credit.last
                == "  2028-07-01  lapses            ai-act.high-risk.deployer  high  Deployers of high-risk AI systems follow the instructions and keep logs (last day 2028-06-30)  [AI Act Art. 26]"
        )
        #expect(credit.count == 14)
        let speech = Self.section("speech-analytics", of: lines)
        #expect(
            speech.contains(
                "  2027-12-02  comes into force  ai-act.high-risk.workers  high  AI evaluating agents is treated as high-risk (Annex III 4(b))  [AI Act Annex III 4(b); AI Act Art. 6(3)]"
            ))
        #expect(!speech.contains { $0.contains("ai-act.high-risk.credit") })
        #expect(
            speech.allSatisfy {
                $0.hasPrefix("  2027-12-02  comes into force  ") || $0.hasPrefix("  2028-07-01  lapses  ")
            })
        #expect(speech.count == 15)
        #expect(output.stdout.hasSuffix("\n29 dates for 2 of 3 systems\n"))

        // Under the AI Act's original calendar, Annex III applied from 2026-08-02, and so did
        // the transparency duties of the chatbot.
        try scratch.replace(
            "ai-act: { calendar: omnibus }", with: "ai-act: { calendar: original }", in: "examples/cadre.yaml")
        let original = try scratch.cadre(
            "timeline", "chatbot-web", "speech-analytics", "-w", "examples", "--from", "2026-01-01", "--until",
            "2026-12-31", "--format", "json")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(original.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "cadre-timeline/v1")
        let systems = try #require(document["systems"] as? [[String: Any]])
        #expect(systems.map { $0["id"] as? String } == ["chatbot-web", "speech-analytics"])
        let events = systems.map {
            ($0["events"] as? [[String: Any]] ?? []).map {
                "\($0["date"] ?? "") \($0["kind"] ?? "") \($0["rule"] ?? "")"
            }
        }
        #expect(
            events.first == [
                "2026-08-02 comes-into-force ai-act.transparency.disclosure",
                "2026-08-02 comes-into-force ai-act.transparency.marking",
                "2026-08-02 comes-into-force ai-act.transparency.timing",
            ])
        #expect(events.last?.contains("2026-08-02 comes-into-force ai-act.high-risk.deployer") == true)
        #expect(events.last?.contains("2026-08-02 comes-into-force ai-act.transparency.emotion-recognition") == true)
        #expect(events.last?.allSatisfy { $0.hasPrefix("2026-08-02 comes-into-force ") } == true)
    }

    @Test func waiversThatExpireInThePeriodAreListed() throws {
        let scratch = try ScratchWorkspace()
        try scratch.write(
            "examples/waivers.yaml",
            """
            cadre: waivers/v1
            waivers:
              - { rule: "cnil.prospecting.*", system: voicebot-support, reason: Campaign paused,
                  approved_by: legal@electra.example, expires: 2027-03-15 }
              - { rule: gdpr.retention.defined, system: voicebot-support, reason: Migration,
                  approved_by: cto@electra.example, expires: 2029-01-01 }
              - { rule: gdpr.retention.defined, system: chatbot-web, reason: Before the period,
                  approved_by: cto@electra.example, expires: 2026-01-01 }

            """)
        try scratch.replace(
            "systems: [systems]\n", with: "systems: [systems]\nwaivers: [waivers.yaml]\n", in: "examples/cadre.yaml")
        let output = try scratch.cadre(
            "timeline", "voicebot-support", "chatbot-web", "--workspace", "examples", "--from", "2026-11-29", "--until",
            "2028-12-31")
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The descriptor's waiver (its last day 2026-12-31) and the waiver file's, by date among
        // the obligations; the waivers outside the period are not listed.
        let voicebot = Self.section("voicebot-support", of: lines)
        #expect(
            voicebot.filter { $0.contains("waiver expires") } == [
                "  2026-12-31  waiver expires    cnil.recording.retention  approved by dpo@electra.example  Litigation hold, case 2025-114  [examples/systems/voicebot-support.yaml:84]",
                "  2027-03-15  waiver expires    cnil.prospecting.*  approved by legal@electra.example  Campaign paused  [examples/waivers.yaml:3]",
            ])
        #expect(voicebot.map { String($0.prefix(12)) } == voicebot.map { String($0.prefix(12)) }.sorted())
        #expect(Self.section("chatbot-web", of: lines) == ["  nothing comes into force or lapses"])
        #expect(output.stdout.contains(" for 1 of 2 systems (2 waivers expiring)\n"))

        let json = try scratch.cadre(
            "timeline", "voicebot-support", "--workspace", "examples", "--from", "2026-12-31", "--until", "2026-12-31",
            "--format", "json")
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let systems = try #require(document["systems"] as? [[String: Any]])
        let waivers = try #require(systems.first?["waivers"] as? [[String: Any]])
        #expect(waivers.count == 1)
        #expect(waivers.first?["expires"] as? String == "2026-12-31")
        #expect(waivers.first?["rule"] as? String == "cnil.recording.retention")
        #expect(waivers.first?["system"] as? String == "voicebot-support")
        #expect(waivers.first?["approved_by"] as? String == "dpo@electra.example")
        #expect(waivers.first?["reason"] as? String == "Litigation hold, case 2025-114")
        #expect(waivers.first?["file"] as? String == "examples/systems/voicebot-support.yaml")
        #expect(waivers.first?["line"] as? Int == 84)
    }

    /// The event lines of `system`'s section of a text timeline.
    static func section(_ system: String, of lines: [String]) -> [String] {
        guard let start = lines.firstIndex(where: { $0.hasPrefix(system + "  ") }) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
    }

    @Test func anUnknownSystemIsInvalidInput() throws {
        let scratch = try ScratchWorkspace()
        let output = try scratch.cadre("timeline", "voicebot-suport", "-w", "examples")
        #expect(output.status == 2)
        #expect(
            output.stderr.contains("no system `voicebot-suport` in the workspace (did you mean `voicebot-support`?)"))
        let backwards = try scratch.cadre("timeline", "-w", "examples", "--from", "2027-01-01", "--until", "2026-01-01")
        #expect(backwards.status == 2)
    }
}
