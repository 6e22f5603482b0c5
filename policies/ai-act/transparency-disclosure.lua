-- AI Act Art. 50(1): people are told they interact with an AI system, unless it is obvious.
local calendar = require("calendar")
local classification = require("classification")

return {
  id = "ai-act.transparency.disclosure",
  title = "People are told they talk to an AI system",
  description = "AI systems intended to interact directly with natural persons are designed and developed so that the people concerned are informed that they are interacting with an AI system, unless this is obvious to a reasonably well-informed person in the circumstances. Per the Commission's Art. 50 guidelines, a bot or an AI that answers customers without human review interacts directly; a tool that drafts replies an agent reviews and sends does not; a human name, avatar or human-sounding voice makes it less obvious, not more; an AI agent says it is one and on whose behalf it acts.",
  severity = "high",
  references = { "AI Act Art. 50(1)", "Commission guidelines on Art. 50, C(2026) 5054 final" },
  confidence = "secondary",
  effective = { from = calendar.dates.transparency },
  remediation = "Announce the AI at the start of each conversation or message (`discloses_ai: at_start`): « Je suis l'assistant virtuel d'Électra ».",
  tags = { "transparency" },
  applies = classification.interacts_directly,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      if classification.direct_interaction(component) and (component.discloses_ai == nil or component.discloses_ai == "never") then
        ctx:fail(cadre.at(component, "discloses_ai"),
          "'%s' (%s) interacts with people and never tells them it is an AI system", component.id, component.kind)
      end
    end
  end,
}
