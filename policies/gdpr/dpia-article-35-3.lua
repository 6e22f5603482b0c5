-- GDPR Art. 35(1) and (3): a DPIA is carried out before processing that evaluates people with significant effects or handles special categories on a large scale.
local dpia = require("dpia")
local profiling = require("profiling")

---@type cadre.Rule
return {
  id = "gdpr.dpia.article-35-3",
  title = "A DPIA precedes the processing Art. 35(3) names",
  description = "A data protection impact assessment is required in particular for (a) a systematic and extensive evaluation of personal aspects based on automated processing, including profiling, on which decisions with legal or similarly significant effects are based, and (b) processing on a large scale of special categories of data or of data on criminal offences. It is carried out before the processing and contains at least what Art. 35(7) lists.",
  severity = "high",
  references = {
    { "GDPR Art. 35(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 35(3)(a)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 35(3)(b)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 35(7)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Carry out the DPIA (Art. 35(7): description, necessity and proportionality, risks, measures) before the processing, and record it in `assessments.dpia` (status done, date, ref).",
  tags = { "dpia" },
  applies = function(system)
    return cadre.find(system.ai, profiling.has_effect) ~= nil or dpia.sensitive_item(system) ~= nil
  end,
  check = function(system, ctx)
    local reasons = dpia.article_35_3(system)
    if #reasons > 0 then dpia.require(system, ctx, table.concat(reasons, "; ")) end
  end,
}
