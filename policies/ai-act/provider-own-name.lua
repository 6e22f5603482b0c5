-- AI Act Art. 25(1)(a): a deployer that puts its name or trademark on a high-risk AI system already on the market is considered its provider.
local calendar = require("calendar")
local providers = require("providers")

local function branded(component) return component.branded == true end

---@type cadre.Rule
return {
  id = "ai-act.provider.own-name",
  title = "A deployer that puts its name on a high-risk system is its provider",
  description = "Any distributor, importer, deployer or other third party is considered a provider of a high-risk AI system, and takes on the provider's obligations (Art. 16), when it puts its name or trademark on a high-risk AI system already placed on the market or put into service. A customer-service assistant sold or presented under the organisation's own brand, built on a supplier's high-risk system, is such a case: the organisation declares itself provider (`role: provider`), and its supplier's conformity no longer covers it alone.",
  severity = "high",
  references = {
    { "AI Act Art. 25(1)(a)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 3(3)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Declare the organisation provider of the system (`role: provider`) and take on the provider's obligations, or agree otherwise with the supplier in the way Art. 25 allows and record it (a waiver with the reason).",
  tags = { "high-risk", "roles", "provider" },
  applies = function(system)
    return #providers.high_risk(system, branded) > 0
  end,
  check = function(system, ctx)
    if not providers.deployer_only(system) then return end
    for _, component in ipairs(providers.high_risk(system, branded)) do
      ctx:fail({component, "branded"},
        "high-risk component '%s' is put into service under the organisation's name, which makes it its provider (Art. 25(1)(a)); the descriptor says %s",
        component.id, system.role and ("`role: " .. system.role .. "`") or "no role")
    end
  end,
}
