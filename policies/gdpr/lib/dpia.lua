-- When a data protection impact assessment is required (GDPR Art. 35), and whether one was made:
-- the cases of Art. 35(3), the EDPB's nine criteria (WP248 rev.01: two or more), and the CNIL's
-- list of processing that always needs one (Délibération 2018-327). One pass over the descriptor
-- gathers the facts they all use.
local profiling = require("profiling")
local purposes = require("purposes")
local special = cadre.taxonomy.special
local matches = cadre.taxonomy.matches

local dpia = {}

--- Whether the system concerns at least `pack.data.large_scale_subjects` people (the pack's
--- working figure: neither the GDPR nor the EDPB gives one).
function dpia.large_scale(system)
  local scale = system.scale
  return scale ~= nil and scale.subjects ~= nil and scale.subjects >= pack.data.large_scale_subjects
end

--- The first data item of a special category (Art. 9) or about criminal offences (Art. 10), or nil.
function dpia.sensitive_item(system)
  for _, item in ipairs(system.data) do
    if special(item.category) then return item end
  end
  return nil
end

-- Whether the data subject `subject` is vulnerable in the sense of the EDPB's criteria (WP248
-- rev.01), which count employees among them because of the imbalance of power.
local function vulnerable(subject)
  return cadre.people.worker(subject) or matches(subject, "customer.vulnerable") or matches(subject, "patient")
end

-- What the criteria look at, gathered in one pass over data items and AI components.
local function facts(system)
  local f = { subjects = {}, large = dpia.large_scale(system) }
  local function subject(s) f.subjects[s] = true end
  for _, item in ipairs(system.data) do
    local category, source = item.category, item.source
    if f.sensitive == nil and special(category) then f.sensitive = item end
    if source == "third_party" or source == "public" then
      f.external = f.external or item
    else
      f.own = f.own or item
    end
    if f.screens == nil and matches(category, "user.content.screen_recording") then f.screens = item end
    if f.activity == nil and matches(category, "user.workplace.activity") then f.activity = item end
    if f.location == nil and matches(category, "user.location") then f.location = item end
    if f.children == nil and matches(category, "user.childrens") then f.children = item end
    for _, s in ipairs(item.subjects) do subject(s) end
  end
  for _, component in ipairs(system.ai) do
    f.first_ai = f.first_ai or component
    local profiles = profiling.profiles(component)
    if profiles then
      f.profiler = f.profiler or component
      if f.hr == nil and cadre.find(component.about, cadre.people.worker) then f.hr = component end
    end
    if profiling.has_effect(component) then
      f.decider = f.decider or component
      if component.effect == "legal" then f.blocking = f.blocking or component end
      if component.decides == "solely_automated" then f.automated = f.automated or component end
    end
    for _, s in ipairs(component.about) do subject(s) end
    for _, s in ipairs(component.interacts_with) do subject(s) end
  end
  for s in pairs(f.subjects) do
    if cadre.people.worker(s) then f.worker = f.worker or s end
    if vulnerable(s) and (f.vulnerable == nil or s < f.vulnerable) then f.vulnerable = s end
  end
  return f
end

--- Constant or systematic monitoring of employees: every call recorded, screens captured,
--- activity logged, or a purpose of employee monitoring. Returns a reason, or nil.
local function monitoring_of_workers(system, f)
  if f.worker == nil then return nil end
  if system.recording and system.recording.mode == "systematic" then return "every call of the agents is recorded" end
  if f.screens then return "agents' screens are captured" end
  if f.activity then return "agents' activity is logged" end
  for _, purpose in ipairs(system.purposes) do
    if purposes.uses(purpose, "employment.monitoring") then return "a purpose monitors employees" end
  end
  return nil
end

--- The cases of Art. 35(3) the system falls in, as sentences (empty when none).
function dpia.article_35_3(system)
  local f, reasons = facts(system), {}
  local evaluator, decider = f.profiler, f.decider
  if evaluator and decider then
    local evaluations = table.concat(profiling.evaluations(evaluator), ", ")
    if profiling.has_effect(evaluator) then
      reasons[#reasons + 1] = string.format(
        "Art. 35(3)(a): '%s' evaluates people (%s) with a %s effect on them", evaluator.id, evaluations, evaluator.effect)
    else
      reasons[#reasons + 1] = string.format(
        "Art. 35(3)(a): '%s' evaluates people (%s) and '%s' decides with a %s effect",
        evaluator.id, evaluations, decider.id, decider.effect)
    end
  end
  if f.sensitive and f.large then
    reasons[#reasons + 1] = string.format(
      "Art. 35(3)(b): %s (a special category) of %d people", f.sensitive.category, system.scale.subjects)
  end
  return reasons
end

--- The EDPB criteria the system meets, as short phrases in the guidelines' order.
function dpia.edpb_criteria(system)
  local f, met = facts(system), {}
  if f.profiler then met[#met + 1] = string.format("evaluation or scoring ('%s')", f.profiler.id) end
  if f.automated then met[#met + 1] = string.format("automated decision with effect ('%s')", f.automated.id) end
  local monitoring = monitoring_of_workers(system, f)
  if monitoring then met[#met + 1] = "systematic monitoring (" .. monitoring .. ")" end
  if f.sensitive then met[#met + 1] = "sensitive data (" .. f.sensitive.category .. ")" end
  if f.large then met[#met + 1] = string.format("large scale (%d people)", system.scale.subjects) end
  if f.external and f.own then
    met[#met + 1] = string.format("datasets combined (%s from %s)", f.external.category,
      f.external.source == "public" and "public sources" or "a third party")
  end
  if f.vulnerable then
    met[#met + 1] = "vulnerable people (" .. f.vulnerable .. ")"
  elseif f.children then
    met[#met + 1] = "vulnerable people (children)"
  end
  if f.first_ai then met[#met + 1] = string.format("innovative technology (AI component '%s')", f.first_ai.id) end
  if f.blocking then met[#met + 1] = string.format("may block a right, service or contract ('%s')", f.blocking.id) end
  return met
end

--- The entries of the CNIL's list the system falls in, as short phrases.
function dpia.cnil_list(system)
  local f, found = facts(system), {}
  if f.hr then found[#found + 1] = string.format("profiling of employees ('%s')", f.hr.id) end
  local monitoring = monitoring_of_workers(system, f)
  if monitoring then found[#found + 1] = "constant monitoring of employees' activity (" .. monitoring .. ")" end
  if f.profiler and f.blocking then
    found[#found + 1] = string.format("profiling that may exclude from a contract ('%s')", f.blocking.id)
  end
  if f.profiler and f.external then
    found[#found + 1] = string.format("profiling with external data (%s)", f.external.category)
  end
  if f.location and f.large then found[#found + 1] = "large-scale location data" end
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
  -- A DPIA on record: its `status` line (also when written empty); else `assessments`, or the system.
  local where = cadre.at(system, "assessments")
  if assessment then where = {assessment, "status"} end
  if system.status == "planned" and (status == "in_progress" or status == "planned") then
    return ctx:warn(where, "a DPIA is required before the system processes data (%s); %s", why, states[status])
  end
  ctx:fail(where, "a DPIA is required (%s), but %s", why, states[status] or status)
end

return dpia
