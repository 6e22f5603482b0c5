-- AI Act Art. 25(1)(b): a deployer that makes a substantial modification to a high-risk AI system, which remains high-risk, is considered its provider.
local calendar = require("calendar")
local providers = require("providers")

local function modified(component) return component.substantially_modified == true end

---@type cadre.Rule
return {
  id = "ai-act.provider.substantial-modification",
  title = "A deployer that substantially modifies a high-risk system is its provider",
  description = "Any distributor, importer, deployer or other third party is considered a provider of a high-risk AI system, and takes on the provider's obligations (Art. 16), when it makes a substantial modification to a high-risk AI system already placed on the market or put into service in such a way that it remains high-risk. Retraining a supplier's scoring model on the organisation's own data, or changing what it decides, can be such a modification.",
  severity = "high",
  references = {
    { "AI Act Art. 25(1)(b)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 3(23)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Declare the organisation provider of the modified system (`role: provider`) and take on the provider's obligations (conformity assessment of the modified system), or undo the modification.",
  tags = { "high-risk", "roles", "provider" },
  applies = function(system)
    return #providers.high_risk(system, modified) > 0
  end,
  check = function(system, ctx)
    if not providers.deployer_only(system) then return end
    for _, component in ipairs(providers.high_risk(system, modified)) do
      ctx:fail({component, "substantially_modified"},
        "high-risk component '%s' was substantially modified by the organisation, which makes it its provider (Art. 25(1)(b)); the descriptor says %s",
        component.id, system.role and ("`role: " .. system.role .. "`") or "no role")
    end
  end,
}
