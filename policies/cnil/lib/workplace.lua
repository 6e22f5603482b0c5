-- Systems that monitor or evaluate employees (agents) outside call recording, which the recording
-- rules cover: an AI component that evaluates workers, or a purpose that monitors or evaluates
-- them (Code du travail L.1222-3, L.1222-4, L.2312-38).
local matches = cadre.taxonomy.matches
local recording = require("recording")

local workplace = {}

local evaluations = { performance = true, personality = true, emotion = true, stress = true, satisfaction = true }

--- The first AI component of `system` that infers something about workers, or nil.
function workplace.evaluator(system)
  return cadre.find(system.ai, function(component)
    if cadre.find(component.about, cadre.people.worker) == nil then return false end
    return cadre.find(component.infers, function(inference) return evaluations[inference] end) ~= nil
  end)
end

--- The first purpose of `system` that monitors or evaluates employees, or nil.
function workplace.monitoring_purpose(system)
  return cadre.find(system.purposes, function(purpose)
    return cadre.find(purpose.uses, function(use)
      return matches(use, "employment.monitoring") or matches(use, "employment.evaluation")
    end) ~= nil
  end)
end

--- What makes `system` monitor or evaluate workers (a component or a purpose), unless it records
--- calls, or nil: the recording rules then check that agents are informed and their
--- representatives consulted (L.1222-4, L.2312-38). How agents are evaluated (L.1222-3) is
--- checked on every system with an evaluator, recording or not (workplace.evaluator).
function workplace.monitors(system)
  if recording.records(system) then return nil end
  return workplace.evaluator(system) or workplace.monitoring_purpose(system)
end

return workplace
