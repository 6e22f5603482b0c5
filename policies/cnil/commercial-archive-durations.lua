-- CNIL Délibération 2021-131: archived commercial data is kept no longer than the limitation period or legal duration that justifies it (5 years for contract evidence, 10 for accounting documents).
local framework = require("framework")

---@type cadre.Rule
return {
  id = "cnil.commercial.archive-durations",
  title = "Archives last no longer than the legal durations that justify them",
  description = "After their active period, commercial data may be kept in an intermediate archive with restricted access, for the time a legal rule requires: five years for evidence of a contract (limitation period, Code de commerce L.110-4), ten years for accounting documents (Code de commerce L.123-22). Longer archives have no basis in the framework.",
  severity = "medium",
  references = {
    { "CNIL Délibération 2021-131 (commercial management)", url = "https://www.cnil.fr/fr/questions-reponses-sur-les-referentiels-relatifs-la-gestion-des-activites-commerciales-et-des" },
    { "Code de commerce L.110-4", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000005634379" },
    { "Code de commerce L.123-22", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000005634379" },
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2022-04-10" },
  remediation = "Shorten the archive to the legal duration that justifies it (P5Y for contract evidence, P10Y for accounting), and name it in `archive.reason`.",
  tags = { "retention", "archive" },
  applies = function(system)
    return framework.applies(system) and cadre.find(system.data, function(item)
      return item.retention ~= nil and item.retention.archive ~= nil and item.retention.archive.period ~= nil
    end) ~= nil
  end,
  check = function(system, ctx)
    for _, item in ipairs(system.data) do
      local archive = item.retention and item.retention.archive
      if archive and archive.period then
        if cadre.duration(archive.period):can_exceed("P10Y") then
          ctx:fail({archive, "period"}, "%s archived %s; ten years at most (accounting documents)", item.category, archive.period)
        elseif cadre.duration(archive.period):can_exceed("P5Y") and framework.item_only(system, item, framework.evidence) then
          ctx:fail({archive, "period"}, "%s archived %s as contract evidence; five years at most", item.category, archive.period)
        end
      end
    end
  end,
}
