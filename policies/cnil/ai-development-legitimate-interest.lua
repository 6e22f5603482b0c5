-- CNIL recommendations on AI development (19 Jun 2025): developing a model on legitimate interests requires a documented test of its three cumulative conditions.
local training = require("training")

---@type cadre.Rule
return {
  id = "cnil.ai-development.legitimate-interest",
  title = "Training AI on legitimate interests meets the three conditions, documented",
  description = "Legitimate interests can be the basis for developing an AI model only if three cumulative conditions are met and documented: the interest pursued is legitimate, the processing is necessary for it (no less intrusive way, minimised data), and it does not disproportionately affect the people whose data is used, in view of their reasonable expectations and the safeguards (pseudonymisation, an easy right to object before training).",
  severity = "high",
  references = {
    { "CNIL recommendations on AI system development (legitimate interest sheets, 19 Jun 2025)", url = "https://www.cnil.fr/fr/les-fiches-pratiques-ia" },
    { "GDPR Art. 6(1)(f)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2025-06-19" },
  remediation = "Document the three conditions in a legitimate-interest assessment and give its reference in `legitimate_interest_assessment`; offer an easy objection before the data is used for training.",
  tags = { "ai-development", "legitimate-interests" },
  applies = function(system)
    return cadre.find(system.purposes, training.on_interests) ~= nil
  end,
  check = function(system, ctx)
    for _, purpose in ipairs(system.purposes) do
      if training.purpose(purpose) and purpose.legal_basis == "legitimate_interests" and purpose.legitimate_interest_assessment == nil then
        ctx:fail({purpose, "legal_basis"}, "purpose '%s' trains a model on legitimate interests with no documented assessment of the three conditions", purpose.id)
      end
    end
  end,
}
