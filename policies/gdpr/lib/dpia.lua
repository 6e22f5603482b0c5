-- When a data protection impact assessment is required (GDPR Art. 35), and whether one was made:
-- the cases of Art. 35(3), the EDPB's nine criteria (WP248 rev.01: two or more), and the CNIL's
-- list of processing that always needs one (Délibération 2018-327).
local people = require("people")
local profiling = require("profiling")
local purposes = require("purposes")
local special = cadre.taxonomy.special

local dpia = {}

--- Whether the system concerns at least `pack.data.large_scale_subjects` people (the pack's
--- working figure: neither the GDPR nor the EDPB gives one).
function dpia.large_scale(system)
  local scale = system.scale
  return scale ~= nil and scale.subjects ~= nil and scale.subjects >= pack.data.large_scale_subjects
end

--- The first data item of a special category (Art. 9) or about criminal offences (Art. 10), or nil.
function dpia.sensitive_item(system)
  for _, item in ipairs(system.data or {}) do
    if special(item.category) then return item end
  end
  return nil
end

local function profiler(system) return profiling.find(system, profiling.profiles) end
local function with_effect(system) return profiling.find(system, profiling.has_effect) end

local function external_item(system)
  for _, item in ipairs(system.data or {}) do
    if item.source == "third_party" or item.source == "public" then return item end
  end
  return nil
end

local function own_item(system)
  for _, item in ipairs(system.data or {}) do
    if item.source ~= "third_party" and item.source ~= "public" then return item end
  end
  return nil
end

local function system_uses(system, use)
  for _, purpose in ipairs(system.purposes or {}) do
    if purposes.uses(purpose, use) then return purpose end
  end
  return nil
end

--- Constant or systematic monitoring of employees: every call recorded, screens captured,
--- activity logged, or a purpose of employee monitoring. Returns a reason, or nil.
local function monitoring_of_workers(system)
  if not people.in_system(system, people.worker) then return nil end
  if system.recording and system.recording.mode == "systematic" then return "every call of the agents is recorded" end
  if system:holds("user.content.screen_recording") then return "agents' screens are captured" end
  if system:holds("user.workplace.activity") then return "agents' activity is logged" end
  if system_uses(system, "employment.monitoring") then return "a purpose monitors employees" end
  return nil
end

--- The cases of Art. 35(3) the system falls in, as sentences (empty when none).
function dpia.article_35_3(system)
  local reasons = {}
  local evaluator, decider = profiler(system), with_effect(system)
  if evaluator and decider then
    local evaluations = table.concat(profiling.evaluations(evaluator), ", ")
    if evaluator == decider or profiling.has_effect(evaluator) then
      reasons[#reasons + 1] = string.format(
        "Art. 35(3)(a): '%s' evaluates people (%s) with a %s effect on them", evaluator.id, evaluations, evaluator.effect)
    else
      reasons[#reasons + 1] = string.format(
        "Art. 35(3)(a): '%s' evaluates people (%s) and '%s' decides with a %s effect",
        evaluator.id, evaluations, decider.id, decider.effect)
    end
  end
  local sensitive = dpia.sensitive_item(system)
  if sensitive and dpia.large_scale(system) then
    reasons[#reasons + 1] = string.format(
      "Art. 35(3)(b): %s (a special category) of %d people", sensitive.category, system.scale.subjects)
  end
  return reasons
end

--- The EDPB criteria the system meets, as short phrases in the guidelines' order.
function dpia.edpb_criteria(system)
  local met = {}
  local evaluator = profiler(system)
  if evaluator then met[#met + 1] = string.format("evaluation or scoring ('%s')", evaluator.id) end
  local automated = profiling.find(system, profiling.solely_automated)
  if automated then met[#met + 1] = string.format("automated decision with effect ('%s')", automated.id) end
  local monitoring = monitoring_of_workers(system)
  if monitoring then met[#met + 1] = "systematic monitoring (" .. monitoring .. ")" end
  local sensitive = dpia.sensitive_item(system)
  if sensitive then met[#met + 1] = "sensitive data (" .. sensitive.category .. ")" end
  if dpia.large_scale(system) then met[#met + 1] = string.format("large scale (%d people)", system.scale.subjects) end
  local external = external_item(system)
  if external and own_item(system) then
    met[#met + 1] = string.format("datasets combined (%s from %s)", external.category, external.source == "public" and "public sources" or "a third party")
  end
  local vulnerable = people.in_system(system, people.vulnerable)
  if vulnerable then
    met[#met + 1] = "vulnerable people (" .. vulnerable .. ")"
  elseif system:holds("user.childrens") then
    met[#met + 1] = "vulnerable people (children)"
  end
  if system.ai and #system.ai > 0 then met[#met + 1] = string.format("innovative technology (AI component '%s')", system.ai[1].id) end
  local blocking = profiling.find(system, function(c) return c.effect == "legal" end)
  if blocking then met[#met + 1] = string.format("may block a right, service or contract ('%s')", blocking.id) end
  return met
end

--- The entries of the CNIL's list the system falls in, as short phrases.
function dpia.cnil_list(system)
  local found = {}
  local hr = profiling.find(system, function(c)
    return profiling.profiles(c) and people.find(c.about, people.worker) ~= nil
  end)
  if hr then found[#found + 1] = string.format("profiling of employees ('%s')", hr.id) end
  local monitoring = monitoring_of_workers(system)
  if monitoring then found[#found + 1] = "constant monitoring of employees' activity (" .. monitoring .. ")" end
  local evaluator = profiler(system)
  local exclusion = profiling.find(system, function(c) return c.effect == "legal" end)
  if evaluator and exclusion then
    found[#found + 1] = string.format("profiling that may exclude from a contract ('%s')", exclusion.id)
  end
  local external = external_item(system)
  if evaluator and external then
    found[#found + 1] = string.format("profiling with external data (%s)", external.category)
  end
  if system:holds("user.location") and dpia.large_scale(system) then
    found[#found + 1] = "large-scale location data"
  end
  return found
end

local states = {
  missing = "there is none",
  in_progress = "it is still in progress",
  planned = "it is only planned",
  not_required = "it was judged not required",
}

--- Reports, through `ctx`, that a DPIA is required for `why`, unless one is done by the as-of
--- date. A system still `planned` may finish its DPIA before it processes data: a warning then.
function dpia.require(system, ctx, why)
  local assessment = system.assessments and system.assessments.dpia
  local status = assessment and assessment.status or "missing"
  if status == "done" then
    if assessment.date == nil or assessment.date <= ctx.as_of then return end
    local where = {assessment, "date"}
    return ctx:fail(where, "a DPIA is required (%s); the one on record is dated %s, after %s", why, assessment.date, ctx.as_of)
  end
  local where = assessment and {assessment, "status"} or (system.assessments or system)
  if system.status == "planned" and (status == "in_progress" or status == "planned") then
    return ctx:warn(where, "a DPIA is required before the system processes data (%s); %s", why, states[status])
  end
  ctx:fail(where, "a DPIA is required (%s), but %s", why, states[status] or status)
end

return dpia
