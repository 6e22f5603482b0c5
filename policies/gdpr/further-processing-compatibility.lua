-- GDPR Art. 5(1)(b) and 6(4): reusing call recordings, transcripts or chats to train AI or for analytics is compatible with their first purpose, or rests on consent or law.
local reuse = require("reuse")

---@type cadre.Rule
return {
  id = "gdpr.further-processing.compatibility",
  title = "Reusing conversations to train AI or for analytics passes the compatibility test",
  description = "Data collected for one purpose (answering customers, evaluating agents) is not further processed in a manner incompatible with it (Art. 5(1)(b)). Unless the new purpose rests on the person's consent or on a law, the controller assesses compatibility (Art. 6(4)): the link between the purposes, the context of collection and the reasonable expectations of the people, the nature of the data, the consequences for them, and safeguards such as encryption or pseudonymisation. Reusing call recordings, transcripts or chat conversations to train or improve a model, or for analytics, is such a further processing; the CNIL's recommendations on AI development (2024-2025) ask for the same test when a controller reuses its own data. A purpose that reuses data says so (`further_processing: true`); one that trains a model on conversations collected to serve customers is taken for a reuse. The test is documented (`compatibility_assessment`).",
  severity = "high",
  references = {
    { "GDPR Art. 6(4)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 5(1)(b)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "CNIL recommendations on AI system development (2024-2025)", url = "https://www.cnil.fr/fr/les-fiches-pratiques-ia" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Assess whether the new purpose is compatible with the first (Art. 6(4) criteria), document it in the purpose's `compatibility_assessment`; or ask for consent, or keep the conversations out of training and analytics.",
  tags = { "purposes", "reuse", "ai-development" },
  applies = function(system) return #reuse.found(system) > 0 end,
  check = function(system, ctx)
    for _, found in ipairs(reuse.found(system)) do
      local purpose = found.purpose
      if purpose.legal_basis ~= "consent" and purpose.legal_basis ~= "legal_obligation" and purpose.compatibility_assessment == nil then
        ctx:fail({found.item.purposes, found.index},
          "%s collected for another purpose is reused for '%s' (%s), with no compatibility assessment (Art. 6(4))",
          found.item.category, purpose.id, found.why)
      end
    end
  end,
}
