-- AI Act Art. 26(7): an employer informs workers' representatives and the workers affected before using a high-risk AI system at the workplace.
local calendar = require("calendar")
local classification = require("classification")
local people = require("people")

local function at_workplace(system, component)
  if not classification.high_risk(system, component) then return false end
  return people.find(component.about, people.worker) ~= nil or people.find(component.interacts_with, people.worker) ~= nil
    or classification.declares(component, "4b")
end

return {
  id = "ai-act.deployer.workers-informed",
  title = "Workers and their representatives are informed before high-risk AI is used on them",
  description = "Before putting into service or using a high-risk AI system at the workplace, deployers who are employers inform workers' representatives and the affected workers that they will be subject to the use of the high-risk AI system, following the rules and procedures of Union and national law on informing workers and their representatives.",
  severity = "high",
  references = { "AI Act Art. 26(7)" },
  confidence = "secondary",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Inform the staff representatives and each agent concerned before use, and record it (`notices.workers_representatives_consulted: true`, `notices.employees_informed: true`).",
  tags = { "high-risk", "deployer", "workplace" },
  applies = function(system)
    for _, component in ipairs(system.ai or {}) do
      if at_workplace(system, component) then return true end
    end
    return false
  end,
  check = function(system, ctx)
    local notices = system.notices
    local component = nil
    for _, c in ipairs(system.ai) do
      if at_workplace(system, c) then component = c break end
    end
    if notices == nil or notices.workers_representatives_consulted ~= true then
      ctx:fail(notices and notices.workers_representatives_consulted ~= nil and {notices, "workers_representatives_consulted"} or (notices or component),
        "workers' representatives were not informed before high-risk component '%s' was used at the workplace", component.id)
    end
    if notices == nil or notices.employees_informed ~= true then
      ctx:fail(notices and notices.employees_informed ~= nil and {notices, "employees_informed"} or (notices or component),
        "the workers subject to high-risk component '%s' were not informed", component.id)
    end
  end,
}
