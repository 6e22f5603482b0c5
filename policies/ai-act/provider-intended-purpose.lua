-- AI Act Art. 25(1)(c): a deployer that changes the intended purpose of an AI system, including a general-purpose one, so that it becomes high-risk, is considered its provider.
local calendar = require("calendar")
local providers = require("providers")

local function general_purpose(component)
  return component.model ~= nil and component.model.general_purpose == true
end

---@type cadre.Rule
return {
  id = "ai-act.provider.intended-purpose",
  title = "A high-risk system built on a general-purpose model makes the deployer its provider",
  description = "Any distributor, importer, deployer or other third party is considered a provider of a high-risk AI system when it modifies the intended purpose of an AI system, including a general-purpose AI system, which has not been classified as high-risk, in such a way that it becomes high-risk. A credit or insurance assistant built on a general-purpose model (an LLM that assesses creditworthiness in the conversation) is such a case: the model's provider did not intend that use, and the organisation that put it to it takes on the provider's obligations (Art. 16).",
  severity = "high",
  references = {
    { "AI Act Art. 25(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 3(12)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Declare the organisation provider of the system (`role: provider`) and take on the provider's obligations (risk management, documentation, conformity assessment, registration), or stop using the general-purpose model for a high-risk purpose.",
  tags = { "high-risk", "roles", "provider", "general-purpose" },
  applies = function(system)
    return #providers.high_risk(system, general_purpose) > 0
  end,
  check = function(system, ctx)
    if not providers.deployer_only(system) then return end
    for _, component in ipairs(providers.high_risk(system, general_purpose)) do
      ctx:fail({component.model, "general_purpose"},
        "high-risk component '%s' runs on a general-purpose model put to a high-risk purpose by the organisation, which makes it the system's provider (Art. 25(1)(c)); the descriptor says %s",
        component.id, system.role and ("`role: " .. system.role .. "`") or "no role")
    end
  end,
}
