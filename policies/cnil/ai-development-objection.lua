-- CNIL recommendations on AI development (19 Jun 2025): training a model on legitimate interests offers people an easy way to object before their data is used.
local training = require("training")

---@type cadre.Rule
return {
  id = "cnil.ai-development.objection",
  title = "People can object before their data trains a model on legitimate interests",
  description = "Where personal data is used to develop an AI model on the basis of legitimate interests, people have the right to object on grounds relating to their particular situation (GDPR Art. 21(1)). The CNIL's recommendations on AI development count an easy, prior way to object (before the data is used for training, discretionary where possible) among the safeguards that keep the impact on people proportionate, and ask controllers to make the rights effective. Customers whose conversations feed a model can say no, simply, and before.",
  severity = "high",
  references = {
    { "CNIL recommendations on AI system development (legitimate interest sheets, 19 Jun 2025)", url = "https://www.cnil.fr/fr/les-fiches-pratiques-ia" },
    { "GDPR Art. 21(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2025-06-19" },
  remediation = "Offer a simple way to object before the data is used for training (a link in the notice, an opt-out in the account), honour it before each training run, and record it (`notices.objection_offered: true`).",
  tags = { "ai-development", "rights" },
  applies = function(system)
    return cadre.find(system.purposes, training.on_interests) ~= nil
  end,
  check = function(system, ctx)
    if system.notices and system.notices.objection_offered == true then return end
    local purpose = cadre.find(system.purposes, training.on_interests)
    ctx:fail(cadre.at(system, "notices.objection_offered", purpose),
      "purpose '%s' trains a model on legitimate interests, and people have no easy way to object before their data is used", purpose.id)
  end,
}
