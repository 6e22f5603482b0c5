-- AI Act Art. 26(1): deployers of high-risk AI systems use them in accordance with the provider's instructions for use.
local calendar = require("calendar")
local classification = require("classification")
local high_risk = require("high_risk")

---@type cadre.Rule
return {
  id = "ai-act.deployer.instructions",
  title = "The high-risk system in use is identified, so its instructions for use apply",
  description = "Deployers of high-risk AI systems take appropriate technical and organisational measures to ensure they use them in accordance with the instructions for use that accompany them. That presupposes knowing which system is in use: its provider and the version deployed, whose instructions for use are the reference for operating and overseeing it.",
  severity = "medium",
  references = {
    { "AI Act Art. 26(1)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Record the model's `provider` and `version` for each high-risk component, and keep the provider's instructions for use for that version.",
  tags = { "high-risk", "deployer" },
  applies = high_risk.any,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      if classification.high_risk(system, component) then
        local model = component.model
        if model == nil or model.provider == nil then
          ctx:fail(cadre.at(component, "model"), "high-risk component '%s' does not name its provider, whose instructions for use apply", component.id)
        elseif model.version == nil then
          ctx:fail(model, "high-risk component '%s' does not say which version of %s is deployed", component.id, model.provider)
        end
      end
    end
  end,
}
