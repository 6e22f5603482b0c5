-- AI Act Art. 26(7): an employer informs workers' representatives and the workers affected before using a high-risk AI system at the workplace.
local calendar = require("calendar")
local classification = require("classification")

local function at_workplace(system, component)
  if not classification.high_risk(system, component) then return false end
  return cadre.find(component.about, cadre.people.worker) ~= nil or cadre.find(component.interacts_with, cadre.people.worker) ~= nil
    or classification.declares(component, "4b")
end

---@type cadre.Rule
return {
  id = "ai-act.deployer.workers-informed",
  title = "Workers and their representatives are informed before high-risk AI is used on them",
  description = "Before putting into service or using a high-risk AI system at the workplace, deployers who are employers inform workers' representatives and the affected workers that they will be subject to the use of the high-risk AI system, following the rules and procedures of Union and national law on informing workers and their representatives.",
  severity = "high",
  references = {
    { "AI Act Art. 26(7)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Inform the staff representatives and each agent concerned before use, and record it (`notices.workers_representatives_consulted: true`, `notices.employees_informed: true`).",
  tags = { "high-risk", "deployer", "workplace" },
  applies = function(system)
    for _, component in ipairs(system.ai) do
      if at_workplace(system, component) then return true end
    end
    return false
  end,
  check = function(system, ctx)
    local notices = system.notices
    local component = cadre.find(system.ai, function(c) return at_workplace(system, c) end)
    if notices == nil or notices.workers_representatives_consulted ~= true then
      ctx:fail(cadre.at(notices, "workers_representatives_consulted") or component,
        "workers' representatives were not informed before high-risk component '%s' was used at the workplace", component.id)
    end
    if notices == nil or notices.employees_informed ~= true then
      ctx:fail(cadre.at(notices, "employees_informed") or component,
        "the workers subject to high-risk component '%s' were not informed", component.id)
    end
  end,
}
