import Foundation
import Testing

/// `cadre timeline`: what comes into force or lapses for each system, from the rules' dates and
/// their `applies`.
@Suite struct TimelineCommandTests {
    static let highRisk = """
        -- AI Act Art. 26: deployers of high-risk AI systems (Annex III) have duties of their own.
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
        let output = try scratch.cadre("timeline", "credit-offer-assistant", "speech-analytics", "chatbot-web", "-w", "examples", "--from", "2026-11-29", "--until", "2028-12-31")
        #expect(output.status == 0)
        #expect(output.stdout == """
            obligations that come into force or lapse from 2026-11-29 to 2028-12-31

            chatbot-web  examples/systems/chatbot-web.yaml
              nothing comes into force or lapses

            credit-offer-assistant  examples/systems/credit-offer-assistant.yaml
              2027-12-02  comes into force  ai-act.high-risk.deployer  high  Deployers of high-risk AI systems follow the instructions and keep logs  [AI Act Art. 26]
              2028-07-01  lapses            ai-act.high-risk.deployer  high  Deployers of high-risk AI systems follow the instructions and keep logs (last day 2028-06-30)  [AI Act Art. 26]

            speech-analytics  examples/systems/speech-analytics.yaml
              2027-12-02  comes into force  ai-act.high-risk.deployer  high  Deployers of high-risk AI systems follow the instructions and keep logs  [AI Act Art. 26]
              2028-07-01  lapses            ai-act.high-risk.deployer  high  Deployers of high-risk AI systems follow the instructions and keep logs (last day 2028-06-30)  [AI Act Art. 26]

            4 dates for 2 of 3 systems

            """)

        // Under the AI Act's original calendar, Annex III applied from 2026-08-02; the
        // transparency duty of chatbots from the same day.
        try scratch.replace("ai-act: { calendar: omnibus }", with: "ai-act: { calendar: original }", in: "examples/cadre.yaml")
        let original = try scratch.cadre("timeline", "chatbot-web", "speech-analytics", "-w", "examples", "--from", "2026-01-01", "--until", "2026-12-31", "--format", "json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(original.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "cadre-timeline/v1")
        let systems = try #require(document["systems"] as? [[String: Any]])
        #expect(systems.map { $0["id"] as? String } == ["chatbot-web", "speech-analytics"])
        let events = systems.map { ($0["events"] as? [[String: Any]] ?? []).map { "\($0["date"] ?? "") \($0["kind"] ?? "") \($0["rule"] ?? "")" } }
        #expect(events == [
            ["2026-08-02 comes-into-force ai-act.transparency.disclosure"],
            ["2026-08-02 comes-into-force ai-act.high-risk.deployer"],
        ])
    }

    @Test func anUnknownSystemIsInvalidInput() throws {
        let scratch = try ScratchWorkspace()
        let output = try scratch.cadre("timeline", "voicebot-suport", "-w", "examples")
        #expect(output.status == 2)
        #expect(output.stderr.contains("no system `voicebot-suport` in the workspace (did you mean `voicebot-support`?)"))
        let backwards = try scratch.cadre("timeline", "-w", "examples", "--from", "2027-01-01", "--until", "2026-01-01")
        #expect(backwards.status == 2)
    }
}
