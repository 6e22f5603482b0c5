-- AI Act Art. 50(1): people are told they interact with an AI system, unless it is obvious.
local dates = pack.data.calendars[pack.settings.calendar]

return {
  id = "ai-act.transparency.disclosure",
  title = "People are told they talk to an AI system",
  description = "Providers ensure AI systems that interact directly with people are designed so those people are informed that they interact with an AI system, at the latest at the first interaction, unless this is obvious. A bot answering customers without human review interacts directly.",
  severity = "high",
  references = { "AI Act Art. 50(1)", "AI Act Art. 50(5)" },
  confidence = "secondary",
  effective = { from = dates.transparency },
  remediation = "Announce the AI at the start of the conversation (`discloses_ai: at_start`).",
  tags = { "transparency" },
  applies = function(system)
    for _, component in ipairs(system:ai_of()) do
      if component.interacts_with and (component.kind == "chatbot" or component.kind == "voicebot") then return true end
    end
    return false
  end,
  check = function(system, ctx)
    for _, component in ipairs(system:ai_of()) do
      if (component.kind == "chatbot" or component.kind == "voicebot") and component.discloses_ai ~= "at_start" then
        ctx:fail({component, "discloses_ai"}, "%s '%s' discloses it is an AI %s; it must at the first interaction",
          component.kind, component.id, component.discloses_ai == nil and "nowhere" or "only " .. component.discloses_ai:gsub("_", " "))
      end
    end
  end,
}
