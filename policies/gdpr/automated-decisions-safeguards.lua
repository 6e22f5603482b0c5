-- GDPR Art. 22(3): people subject to a solely automated decision can obtain human intervention, express their view and contest it.
local profiling = require("profiling")

---@type cadre.Rule
return {
  id = "gdpr.automated-decisions.safeguards",
  title = "Solely automated decisions come with human intervention and a way to contest",
  description = "When a solely automated decision with legal or similarly significant effects rests on a contract or on explicit consent, the controller implements suitable measures to safeguard the person's rights, at least the right to obtain human intervention, to express their point of view and to contest the decision. People must be able to reach a person who can review and override the decision. (Where a law authorises the decision, the safeguards are those the law lays down.)",
  severity = "high",
  references = {
    { "GDPR Art. 22(3)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 22(2)(a)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 22(2)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Let people reach a person (`human_oversight.escalation: true`) who can review and override the decision (`can_override: true`), and tell them how to contest it.",
  tags = { "automated-decisions", "human-oversight" },
  applies = function(system)
    return cadre.find(system.ai, function(c) return profiling.solely_automated(c) and c.automated_decision_basis ~= "law" end) ~= nil
  end,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      if profiling.solely_automated(component) and component.automated_decision_basis ~= "law" then
        local oversight = component.human_oversight
        if oversight == nil then
          ctx:fail(component, "'%s' decides alone with a %s effect, and nobody can review its decisions", component.id, component.effect)
        else
          if oversight.escalation ~= true then
            ctx:fail(oversight, "people cannot reach a person to contest the decisions of '%s' (`escalation`)", component.id)
          end
          if oversight.can_override ~= true then
            ctx:fail(oversight, "nobody can override the decisions of '%s' (`can_override`)", component.id)
          end
        end
      end
    end
  end,
}
