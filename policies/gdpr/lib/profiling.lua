-- What AI components infer about people, which of those inferences evaluate a person (profiling,
-- GDPR Art. 4(4)), and which components decide with a legal or similarly significant effect (Art. 22).
local profiling = {}

--- The data category each inference of `infers` produces (docs/descriptors.md, AI component).
profiling.category = {
  emotion = "user.inference.emotion",
  stress = "user.inference.emotion",
  sentiment = "user.inference.sentiment",
  intent = "user.inference.intent",
  satisfaction = "user.inference.satisfaction",
  churn_risk = "user.inference.churn_risk",
  propensity = "user.inference.propensity",
  creditworthiness = "user.inference.creditworthiness",
  insurance_risk = "user.inference.insurance_risk",
  fraud_risk = "user.inference.fraud_risk",
  vulnerability = "user.inference.vulnerability",
  personality = "user.inference.personality",
  age = "user.inference.demographic",
  gender = "user.inference.demographic",
  performance = "user.workplace.performance",
  identity = "user.biometric",
}

-- Inferences that evaluate personal aspects of someone (behaviour, reliability, situation, work,
-- feelings). What a contact is about (topic, intent, language, tone of a text) does not.
local evaluative = {
  emotion = true, stress = true, satisfaction = true, churn_risk = true, propensity = true,
  creditworthiness = true, insurance_risk = true, fraud_risk = true, vulnerability = true,
  personality = true, age = true, gender = true, performance = true,
}

--- The inferences of `component` that evaluate a person, in the descriptor's order.
function profiling.evaluations(component)
  local found = {}
  for _, inference in ipairs(component.infers) do
    if evaluative[inference] then found[#found + 1] = inference end
  end
  return found
end

--- Whether `component` profiles people: it evaluates personal aspects of the people it is about.
function profiling.profiles(component)
  if #component.about == 0 then return false end
  for _, inference in ipairs(component.infers) do
    if evaluative[inference] then return true end
  end
  return false
end

--- Whether `component`'s decisions have a legal or similarly significant effect on people.
function profiling.has_effect(component)
  return component.effect == "significant" or component.effect == "legal"
end

--- Whether `component` takes decisions based solely on automated processing with such an effect.
function profiling.solely_automated(component)
  return component.decides == "solely_automated" and profiling.has_effect(component)
end

return profiling
