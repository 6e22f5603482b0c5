-- AI Act Art. 50(5): the information of Art. 50 is given clearly, at the latest at the first interaction or exposure.
local calendar = require("calendar")
local classification = require("classification")

---@type cadre.Rule
return {
  id = "ai-act.transparency.timing",
  title = "The AI is disclosed at the first interaction, not on request",
  description = "The information Art. 50(1) to (4) require is provided to the people concerned in a clear and distinguishable manner at the latest at the time of the first interaction or exposure, and conforms to accessibility requirements. Telling people only when they ask is too late. The disclosure of Art. 50(1) is the provider's duty: a provider fails, a deployer is warned (its provider must fix it).",
  severity = "high",
  references = {
    { "AI Act Art. 50(5)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 50(1)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.transparency },
  remediation = "Disclose the AI at the start of the first interaction (`discloses_ai: at_start`), in the conversation itself.",
  tags = { "transparency" },
  applies = classification.interacts_directly,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      if classification.direct_interaction(component) and component.discloses_ai == "on_request" then
        if system.role == "provider" then
          ctx:fail({component, "discloses_ai"}, "'%s' tells people it is an AI system only when they ask; at the first interaction at the latest (Art. 50(5))", component.id)
        else
          ctx:warn({component, "discloses_ai"}, "'%s' tells people it is an AI system only when they ask; its provider must tell them at the first interaction at the latest (Art. 50(1), 50(5))", component.id)
        end
      end
    end
  end,
}
