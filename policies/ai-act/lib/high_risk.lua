-- Shared checks of the rules on Annex III use cases: a component found to fall under a point it
-- does not declare is reported with the reason, and the reminder that profiling rules out Art. 6(3).
local classification = require("classification")

local high_risk = {}

--- The `check` of a rule for Annex III point `point` (`4b`, `5b`, `5c`), with `label` naming it.
function high_risk.undeclared(point, label)
  return function(system, ctx)
    for _, component in ipairs(system.ai) do
      for _, found in ipairs(classification.points(system, component)) do
        if found.point == point and not classification.declares(component, point) then
          ctx:fail(cadre.at(component, "annex_iii"),
            "'%s' is a high-risk system of Annex III %s (%s): %s, and it profiles people, so Art. 6(3) cannot exempt it",
            component.id, point, label, found.reason)
        end
      end
    end
  end
end

--- The `applies` of a rule for Annex III point `point`.
function high_risk.concerns(point)
  return function(system)
    for _, component in ipairs(system.ai) do
      for _, found in ipairs(classification.points(system, component)) do
        if found.point == point then return true end
      end
    end
    return false
  end
end

--- The `check` of a deployer duty that each high-risk component records as a flag of its
--- `monitoring` block (`monitored`, `suspension_procedure`, `incident_procedure`): a high-risk
--- component whose flag is not `true` fails at the flag, with `message` (a format with one `%s`,
--- the component's id).
function high_risk.requires(flag, message)
  return function(system, ctx)
    for _, component in ipairs(system.ai) do
      if classification.high_risk(system, component) then
        local monitoring = component.monitoring
        if monitoring == nil or monitoring[flag] ~= true then
          ctx:fail(cadre.at(component, "monitoring." .. flag), message, component.id)
        end
      end
    end
  end
end

--- Whether the deployer duties of Art. 26 concern `system`: it has a high-risk component.
function high_risk.any(system)
  return classification.first_high_risk(system) ~= nil
end

return high_risk
