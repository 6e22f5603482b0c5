-- GDPR Art. 22(1): scores of agents that drive their pay or discipline have a similarly significant effect, and are declared so.
local has = cadre.has

local driven = { pay = "pay", discipline = "discipline" }

-- What the output of `component` drives for the workers it is about (pay, discipline), or nil.
local function drives(component)
  if cadre.find(component.about, cadre.people.worker) == nil then return nil end
  for _, consequence in ipairs(component.affects) do
    if driven[consequence] then return consequence end
  end
  return nil
end

---@type cadre.Rule
return {
  id = "gdpr.automated-decisions.worker-scores",
  title = "Agents' scores that drive pay or discipline are decisions with significant effects",
  description = "A decision that similarly significantly affects a person is within Art. 22 when it is based solely on automated processing. Scores of customer-service agents (quality, productivity, sentiment) that set their bonuses or pay, or trigger warnings and sanctions, affect their financial circumstances and employment: their effect is significant. The descriptor says so (`effect: significant`), so that a score applied without a person's genuine review needs an Art. 22(2) exception and the safeguards of Art. 22(3) (gdpr.automated-decisions.basis and .safeguards); a score that only informs a manager, who decides, stays outside Art. 22.",
  severity = "high",
  references = {
    { "GDPR Art. 22(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  remediation = "Declare the effect (`effect: significant`) of scores that drive agents' pay or discipline, and have a manager genuinely review each consequence (`decides: assists`), or rest it on an Art. 22(2) exception with safeguards.",
  tags = { "automated-decisions", "workplace" },
  applies = function(system) return cadre.find(system.ai, drives) ~= nil end,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      local consequence = drives(component)
      if consequence and component.effect ~= "significant" and component.effect ~= "legal" then
        ctx:fail(cadre.at(component, "effect"),
          "'%s' scores workers and drives their %s, and its effect is declared %s: a similarly significant effect (Art. 22(1))",
          component.id, consequence, component.effect or "nowhere")
      end
    end
  end,
}
