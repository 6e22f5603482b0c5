-- AI Act Art. 50(1): providers design AI systems that interact with people so that people are told they interact with an AI system, unless it is obvious.
local calendar = require("calendar")
local classification = require("classification")

---@type cadre.Rule
return {
  id = "ai-act.transparency.disclosure",
  title = "People are told they talk to an AI system",
  description = "Providers ensure that AI systems intended to interact directly with natural persons are designed and developed so that the people concerned are informed that they are interacting with an AI system, unless this is obvious to a reasonably well-informed person in the circumstances. Per the Commission's Art. 50 guidelines, a bot or an AI that answers customers without human review interacts directly; a tool that drafts replies an agent reviews and sends does not; a human name, avatar or human-sounding voice makes it less obvious, not more; an AI agent says it is one and on whose behalf it acts. Art. 50(1) binds the provider (`role: provider`, who built the system or has it built and puts it into service under its name): a provider whose system does not tell people fails. A deployer (its duties are Art. 50(3) and 50(4)) gets a warning: the system it runs does not disclose, which its provider must fix, and which the deployer must not switch off.",
  severity = "high",
  references = {
    { "AI Act Art. 50(1)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "Commission guidelines on Art. 50, C(2026) 5054 final", url = "https://digital-strategy.ec.europa.eu/en/policies/guidelines-ai-transparency-obligations" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.transparency },
  remediation = "Announce the AI at the start of each conversation or message (`discloses_ai: at_start`): « Je suis l'assistant virtuel d'Électra ». As a deployer, turn the provider's disclosure on, or require it from the provider.",
  tags = { "transparency" },
  applies = classification.interacts_directly,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      if classification.direct_interaction(component) and (component.discloses_ai == nil or component.discloses_ai == "never") then
        local where = cadre.at(component, "discloses_ai")
        if system.role == "provider" then
          ctx:fail(where, "'%s' (%s) interacts with people and never tells them it is an AI system (Art. 50(1), a duty of its provider: you)",
            component.id, component.kind)
        else
          ctx:warn(where, "'%s' (%s) interacts with people and never tells them it is an AI system: its provider must design it to (Art. 50(1)); turn its disclosure on or require it",
            component.id, component.kind)
        end
      end
    end
  end,
}
