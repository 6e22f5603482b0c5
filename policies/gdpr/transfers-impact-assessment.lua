-- GDPR Art. 46 as read in CJEU C-311/18 (Schrems II): a transfer on standard contractual clauses or binding corporate rules rests on an assessment of the destination's law and, where needed, supplementary measures.
local eea = require("eea")

local safeguards = { scc = "standard contractual clauses", bcr = "binding corporate rules" }

local function on_safeguards(processor)
  return processor.country ~= nil and not eea.inside(processor.country) and safeguards[processor.transfer] ~= nil
end

---@type cadre.Rule
return {
  id = "gdpr.transfers.impact-assessment",
  title = "Transfers on contractual clauses rest on a transfer impact assessment",
  description = "Appropriate safeguards (Art. 46) must ensure, in practice, a level of protection essentially equivalent to that in the EU. The exporter verifies, case by case, whether the law and practice of the destination country (access by public authorities in particular) impinge on the effectiveness of the standard contractual clauses or binding corporate rules, and adopts supplementary measures where needed, or does not transfer (C-311/18 Schrems II, 16 Jul 2020; EDPB Recommendations 01/2020). The assessment is documented.",
  severity = "high",
  references = {
    { "GDPR Art. 46(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "CJEU C-311/18 Data Protection Commissioner v Facebook Ireland and Schrems (16 Jul 2020)", url = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:62018CJ0311" },
    { "EDPB Recommendations 01/2020 on supplementary measures", url = "https://www.edpb.europa.eu/our-work-tools/our-documents/recommendations/recommendations-012020-measures-supplement-transfer_en" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2020-07-16" },
  remediation = "Assess the destination's law and practice for this transfer, adopt supplementary measures where needed (encryption the recipient cannot lift…), document it and give its reference (`transfer_impact_assessment`).",
  tags = { "transfers", "processors" },
  applies = function(system) return cadre.find(system.processors, on_safeguards) ~= nil end,
  check = function(system, ctx)
    for _, processor in ipairs(system.processors) do
      if on_safeguards(processor) and processor.transfer_impact_assessment == nil then
        ctx:fail(cadre.at(processor, "transfer_impact_assessment"),
          "%s receives data in %s on %s, with no transfer impact assessment (C-311/18)", processor.name, processor.country, safeguards[processor.transfer])
      end
    end
  end,
}
