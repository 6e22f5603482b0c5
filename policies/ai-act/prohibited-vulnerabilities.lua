-- AI Act Art. 5(1)(b): no AI system exploits people's vulnerabilities due to age, disability or social or economic situation to distort their behaviour.
local calendar = require("calendar")
local classification = require("classification")
local matches = cadre.taxonomy.matches

local function singles_out(component)
  if cadre.has(component.infers, "vulnerability") then return true end
  return cadre.find(component.about, function(subject) return matches(subject, "customer.vulnerable") end) ~= nil
end

local function exploits(system, component)
  if not singles_out(component) then return nil end
  return classification.serves(system, component, {"marketing", "sales"})
end

---@type cadre.Rule
return {
  id = "ai-act.prohibited.vulnerabilities",
  title = "No AI exploiting vulnerabilities to sell",
  description = "Placing on the market, putting into service or using an AI system that exploits any of the vulnerabilities of a person or group due to their age, disability or a specific social or economic situation, with the objective or effect of materially distorting their behaviour in a manner that causes or is likely to cause significant harm, is prohibited. Detecting customers in financial difficulty, elderly or disabled customers in order to target them with sales or marketing falls under it; detecting them to protect them (payment plans, adapted support) does not.",
  severity = "critical",
  references = {
    { "AI Act Art. 5(1)(b)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "Commission guidelines on prohibited AI practices (4 Feb 2025)", url = "https://digital-strategy.ec.europa.eu/en/library/commission-publishes-guidelines-prohibited-artificial-intelligence-ai-practices-defined-ai-act" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.prohibitions },
  remediation = "Stop using vulnerability inferences for sales or marketing; use them only to protect the customers concerned.",
  tags = { "prohibited", "vulnerability", "marketing" },
  applies = function(system)
    return cadre.find(system.ai, singles_out) ~= nil
  end,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      local use = exploits(system, component)
      if use then
        ctx:fail({component, "purposes"}, "'%s' singles out vulnerable customers and serves %s", component.id, use)
      end
    end
  end,
}
