-- AI Act Art. 86: a person subject to a decision taken on the basis of an Annex III high-risk system's output, with legal or similarly significant effects, can obtain a clear and meaningful explanation from the deployer.
local calendar = require("calendar")
local classification = require("classification")

-- Whether `component` is a high-risk system of Annex III (other than point 2, critical
-- infrastructure) whose output decides about people with a legal or similarly significant effect.
local function concerned(system, component)
  if not classification.high_risk(system, component) then return false end
  if #component.annex_iii == 1 and component.annex_iii[1] == "2" then return false end
  if component.decides == nil or component.decides == "none" then return false end
  return (component.effect == "significant" or component.effect == "legal") and #component.about > 0
end

---@type cadre.Rule
return {
  id = "ai-act.deployer.explanation",
  title = "People affected by decisions based on high-risk AI can obtain an explanation",
  description = "Any affected person subject to a decision taken by the deployer on the basis of the output of a high-risk AI system listed in Annex III (except point 2), which produces legal effects or similarly significantly affects them in a way they consider adverse to their health, safety or fundamental rights, has the right to obtain from the deployer clear and meaningful explanations of the role of the AI system in the decision-making procedure and of the main elements of the decision taken. The deployer needs a way to give them: what the system's output was, how much it weighed, who decided. The pack applies it from the Annex III date of the calendar in effect (README.md says why).",
  severity = "high",
  references = {
    { "AI Act Art. 86(1)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Set up how an affected person obtains an explanation of the AI's role and of the main elements of the decision (a request channel, an explanation template), and record it (`explains_decisions: true`).",
  tags = { "high-risk", "deployer", "transparency", "rights" },
  applies = function(system)
    return cadre.find(system.ai, function(component) return concerned(system, component) end) ~= nil
  end,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      if concerned(system, component) and component.explains_decisions ~= true then
        ctx:fail(cadre.at(component, "explains_decisions"),
          "decisions with a %s effect are taken on the output of high-risk component '%s', and the people affected cannot obtain an explanation of its role (Art. 86)",
          component.effect, component.id)
      end
    end
  end,
}
