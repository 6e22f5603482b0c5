-- What an AI component is under the AI Act: an emotion recognition system (Art. 3(39)), a system
-- interacting directly with people (Art. 50(1)), a high-risk use case of Annex III (1(c), 4(b),
-- 5(b), 5(c)), a profiling system (Art. 6(3)).
local matches = cadre.taxonomy.matches
local has = cadre.has

local classification = {}

local biometric_inputs = { "voice", "image", "video" }

--- Whether `component` infers emotions or intentions from biometric data (voice, face): an
--- emotion recognition system. Sentiment read from text is not.
function classification.emotion_recognition(component)
  if component.kind == "emotion_recognition" then return true end
  if not (has(component.infers, "emotion") or has(component.infers, "stress")) then return false end
  for _, input in ipairs(biometric_inputs) do
    if has(component.inputs, input) then return true end
  end
  return false
end

--- Whether `component` converses with people outside the organisation without a person in
--- between (a tool drafting replies an agent reviews and sends does not: Commission Art. 50 guidelines).
function classification.direct_interaction(component)
  return cadre.find(component.interacts_with, cadre.people.outsider) ~= nil
end

--- Whether some AI component of `system` interacts with people directly (Art. 50(1)).
function classification.interacts_directly(system)
  return cadre.find(system.ai, classification.direct_interaction) ~= nil
end

-- Inferences that evaluate a person: profiling (GDPR Art. 4(4), to which AI Act Art. 6(3) refers).
local evaluative = {
  emotion = true, stress = true, satisfaction = true, churn_risk = true, propensity = true,
  creditworthiness = true, insurance_risk = true, fraud_risk = true, vulnerability = true,
  personality = true, age = true, gender = true, performance = true,
}

--- The first inference of `component` that evaluates people, or nil.
function classification.evaluation(component)
  if #component.about == 0 then return nil end
  for _, inference in ipairs(component.infers) do
    if evaluative[inference] then return inference end
  end
  return nil
end

-- What a component evaluates about workers that makes it Annex III 4(b). Emotions are not among
-- them: recognising emotions is Annex III 1(c), and at the workplace it is prohibited (Art. 5(1)(f)).
local worker_evaluations = { performance = true, personality = true }

--- Whether `component` recognises the emotions of someone who is not a worker (or of people it
--- does not name): Annex III 1(c). Workers' emotions are prohibited instead (Art. 5(1)(f)).
function classification.emotion_recognition_of_others(component)
  if not classification.emotion_recognition(component) then return false end
  if #component.about == 0 then return true end
  return cadre.find(component.about, function(subject) return not cadre.people.worker(subject) end) ~= nil
end

--- The Annex III points `component` falls under by what it infers, each as `{point, reason}`.
function classification.points(system, component)
  local found = {}
  if classification.emotion_recognition_of_others(component) then
    found[#found + 1] = {point = "1c", reason = "it recognises emotions from biometric data (Art. 3(39))"}
  end
  if cadre.find(component.about, cadre.people.worker) then
    for _, inference in ipairs(component.infers) do
      if worker_evaluations[inference] then
        found[#found + 1] = {point = "4b", reason = "it evaluates workers (" .. inference .. ")"}
        break
      end
    end
  end
  if has(component.infers, "creditworthiness") then
    found[#found + 1] = {point = "5b", reason = "it assesses creditworthiness"}
  end
  if has(component.infers, "insurance_risk") then
    found[#found + 1] = {point = "5c", reason = "it assesses insurance risk"}
  end
  return found
end

--- Whether `component` declares Annex III point `point`.
function classification.declares(component, point)
  return has(component.annex_iii, point)
end

--- Whether `component` is a high-risk system of Annex III: declared, or found by what it infers.
function classification.high_risk(system, component)
  if #component.annex_iii > 0 then return true end
  return #classification.points(system, component) > 0
end

--- The first high-risk component of `system`, or nil.
function classification.first_high_risk(system)
  return cadre.find(system.ai, function(component) return classification.high_risk(system, component) end)
end

-- Data uses of Annex III areas, with their points.
local areas = {
  {use = "employment.evaluation", point = "4b"},
  {use = "employment.monitoring", point = "4b"},
  {use = "employment.task_allocation", point = "4b"},
  {use = "finance.credit_assessment", point = "5b"},
  {use = "finance.insurance_pricing", point = "5c"},
}

--- The Annex III point whose area a purpose of `component` serves (by data use), or nil.
function classification.area(system, component)
  for _, purpose in ipairs(system:purposes_of(component)) do
    for _, use in ipairs(purpose.uses) do
      for _, area in ipairs(areas) do
        if matches(use, area.use) then return area.point, use end
      end
    end
  end
  return nil
end

--- Whether `component`'s purposes declare a data use matching one of `uses`.
function classification.serves(system, component, uses)
  for _, purpose in ipairs(system:purposes_of(component)) do
    for _, declared in ipairs(purpose.uses) do
      for _, use in ipairs(uses) do
        if matches(declared, use) then return declared end
      end
    end
  end
  return nil
end

return classification
