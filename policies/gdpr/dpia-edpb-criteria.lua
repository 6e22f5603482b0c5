-- GDPR Art. 35(1) with the EDPB guidelines (WP248 rev.01): processing that meets two or more of the nine criteria requires a DPIA in principle.
local dpia = require("dpia")

---@type cadre.Rule
return {
  id = "gdpr.dpia.edpb-criteria",
  title = "A DPIA precedes processing meeting two or more EDPB criteria",
  description = "The EDPB lists nine criteria of processing likely to result in a high risk: evaluation or scoring, automated decision with legal or similar effect, systematic monitoring, sensitive or highly personal data, large scale, matching or combining datasets, data about vulnerable people (employees included), innovative technology such as AI, and processing that prevents people from exercising a right or using a service or contract. Processing that meets two or more of them requires a DPIA in principle; a controller who decides otherwise documents why.",
  severity = "high",
  references = {
    { "GDPR Art. 35(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "EDPB WP248 rev.01 (DPIA guidelines), III.B.a", url = "https://ec.europa.eu/newsroom/article29/items/611236" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  remediation = "Carry out the DPIA before the processing and record it in `assessments.dpia`; a system that meets the criteria but is judged not to need one is a documented exception (a waiver with its reason).",
  tags = { "dpia" },
  applies = function(system)
    return (#system.data > 0) or (#system.ai > 0)
  end,
  check = function(system, ctx)
    local met = dpia.edpb_criteria(system)
    if #met >= 2 then
      dpia.require(system, ctx, string.format("%d EDPB criteria: %s", #met, table.concat(met, ", ")))
    end
  end,
}
