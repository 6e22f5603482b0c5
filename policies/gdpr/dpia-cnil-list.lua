-- GDPR Art. 35(4) and the CNIL's list (Délibération 2018-327): the processing operations listed always require a DPIA.
local dpia = require("dpia")

---@type cadre.Rule
return {
  id = "gdpr.dpia.cnil-list",
  title = "A DPIA precedes processing on the CNIL's list",
  description = "Under Art. 35(4) the CNIL lists processing operations for which a DPIA is always required in France (Délibération 2018-327 of 11 October 2018). For customer service they include profiling for human resources purposes, constant monitoring of employees' activity, profiling that may lead to excluding someone from a contract or suspending or terminating it, profiling with data from external sources, and large-scale location data.",
  severity = "high",
  references = {
    { "GDPR Art. 35(4)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "CNIL Délibération 2018-327 (list of processing requiring a DPIA)", url = "https://www.cnil.fr/fr/listes-des-traitements-pour-lesquels-une-aipd-est-requise-ou-non" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  remediation = "Carry out the DPIA before the processing and record it in `assessments.dpia` (status done, date, ref).",
  tags = { "dpia", "cnil" },
  applies = function(system)
    return (#system.data > 0) or (#system.ai > 0)
  end,
  check = function(system, ctx)
    local found = dpia.cnil_list(system)
    if #found > 0 then dpia.require(system, ctx, "CNIL list: " .. table.concat(found, ", ")) end
  end,
}
