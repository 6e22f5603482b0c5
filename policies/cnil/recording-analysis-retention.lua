-- CNIL NS-57 (guidance): documents drawn from listening to calls (evaluation grids, reports) are kept one year at most
-- (the pack setting `recording_analysis_retention`).
local recording = require("recording")
local retention = require("retention")

---@type cadre.Rule
return {
  id = "cnil.recording.analysis-retention",
  title = "Call analysis documents are kept one year at most",
  description = "Documents produced from listening to or recording calls, such as evaluation grids and reports on agents, are kept one year at most (the pack setting `recording_analysis_retention`, default P1Y: a workspace may set its own). NS-57 (CNIL délibération n° 2014-474 of 27 Nov 2014) was a simplified norm: simplified norms lost their legal force on 25 May 2018, when the GDPR became applicable, and the CNIL keeps its rules as guidance on call recording (departures are justified, not forbidden).",
  severity = "medium",
  references = {
    { "CNIL délibération n° 2014-474 (NS-57)", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=2014-474" },
    { "CNIL, guidance on listening to and recording calls at work", url = "https://www.cnil.fr/fr/lecoute-et-lenregistrement-des-appels-sur-le-lieu-de-travail" },
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2014-11-27" },
  remediation = "Set the evaluation documents' retention to the `recording_analysis_retention` setting (P1Y by default) or less, and purge older ones.",
  tags = { "retention", "recording", "employees" },
  applies = function(system)
    return recording.records(system) and system:holds("user.workplace.quality_evaluation")
  end,
  check = function(system, ctx)
    local limit = pack.settings.recording_analysis_retention
    for _, item in ipairs(system:data_of("user.workplace.quality_evaluation")) do
      if retention.exceeds(item.retention, limit) then
        ctx:fail({item.retention, "period"}, "evaluation documents kept %s; %s at most (setting `recording_analysis_retention`, from CNIL NS-57 guidance)", item.retention.period, limit)
      end
    end
    for _, found in ipairs(system:tables_holding("user.workplace.quality_evaluation")) do
      if retention.exceeds(found.retention, limit) then
        ctx:fail({found.retention, "period"}, "table %s.%s keeps evaluations %s; %s at most (setting `recording_analysis_retention`, from CNIL NS-57 guidance)", found.store, found.name, found.retention.period, limit)
      end
    end
  end,
}
