-- AI Act Art. 26(2): deployers assign human oversight of high-risk AI systems to people with the competence, training and authority it needs.
local calendar = require("calendar")
local classification = require("classification")
local high_risk = require("high_risk")

---@type cadre.Rule
return {
  id = "ai-act.deployer.human-oversight",
  title = "High-risk AI is overseen by trained people who can override it",
  description = "Deployers assign human oversight of high-risk AI systems to natural persons who have the necessary competence, training and authority, as well as the necessary support. The people overseeing the system are named (a team or a role), trained for it, and able to disregard, override or stop its output.",
  severity = "high",
  references = {
    { "AI Act Art. 26(2)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Name who oversees the component (`human_oversight.reviewer`), train them (`reviewers_trained: true`) and give them the authority to override or stop it (`can_override: true`).",
  tags = { "high-risk", "deployer", "human-oversight" },
  applies = high_risk.any,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      if classification.high_risk(system, component) then
        local oversight = component.human_oversight
        if oversight == nil then
          ctx:fail(component, "nobody is assigned to oversee high-risk component '%s'", component.id)
        else
          local missing = {}
          if oversight.reviewer == nil then missing[#missing + 1] = "who oversees it is not named" end
          if oversight.reviewers_trained ~= true then missing[#missing + 1] = "they are not trained for it" end
          if oversight.can_override ~= true then missing[#missing + 1] = "they cannot override or stop it" end
          if #missing > 0 then
            ctx:fail(oversight, "oversight of high-risk component '%s': %s", component.id, table.concat(missing, "; "))
          end
        end
      end
    end
  end,
}
