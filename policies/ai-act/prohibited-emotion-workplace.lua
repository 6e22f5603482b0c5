-- AI Act Art. 5(1)(f): inferring the emotions of people in the workplace is prohibited, except for medical or safety reasons.
local calendar = require("calendar")
local classification = require("classification")

---@type cadre.Rule
return {
  id = "ai-act.prohibited.emotion-workplace",
  title = "No emotion recognition of agents",
  description = "Placing on the market, putting into service or using AI systems to infer emotions of a natural person in the areas of workplace and education institutions is prohibited, except where the AI system is intended for medical or safety reasons. The Commission's guidelines give the case of call centres: monitoring agents' emotions (stress, anger, empathy scores from their voice) is prohibited. Inferring customers' emotions is not covered by this ban; it requires the Art. 50(3) notice (ai-act.transparency.emotion-recognition).",
  severity = "critical",
  references = {
    { "AI Act Art. 5(1)(f)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 3(39)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "Commission guidelines on prohibited AI practices (4 Feb 2025)", url = "https://digital-strategy.ec.europa.eu/en/library/commission-publishes-guidelines-prohibited-artificial-intelligence-ai-practices-defined-ai-act" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.prohibitions },
  remediation = "Stop inferring agents' emotions: remove them from `about`, delete the scores, and keep only what the system infers about customers (with the Art. 50(3) notice).",
  tags = { "prohibited", "emotion-recognition", "workplace" },
  applies = function(system)
    return cadre.find(system.ai, classification.emotion_recognition) ~= nil
  end,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      local worker = classification.emotion_recognition(component) and cadre.find(component.about, cadre.people.worker)
      if worker then
        ctx:fail({component, "about"}, "'%s' infers the emotions of workers (%s), at the workplace", component.id, worker)
      end
    end
  end,
}
