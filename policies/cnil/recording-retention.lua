-- CNIL NS-57 (guidance): recordings of calls made for training, evaluation or service quality are kept six months at most
-- (the pack setting `recording_retention`).
local recording = require("recording")
local retention = require("retention")

---@type cadre.Rule
return {
  id = "cnil.recording.retention",
  title = "Call recordings are kept six months at most",
  description = "Recordings of calls made to train agents, evaluate them or improve service quality are kept six months at most from the recording (the pack setting `recording_retention`, default P6M: a workspace may set its own); analysis documents drawn from them follow their own one-year limit (cnil.recording.analysis-retention). What the stores actually hold is checked by cnil.recording.store-retention. Recordings kept only as evidence of a contract or because a law requires them follow the rules of that purpose instead. NS-57 (CNIL délibération n° 2014-474 of 27 Nov 2014) was a simplified norm: simplified norms lost their legal force on 25 May 2018, when the GDPR became applicable, and the CNIL keeps its rules as guidance on call recording (departures are justified, not forbidden).",
  severity = "high",
  references = {
    { "CNIL délibération n° 2014-474 (NS-57)", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=2014-474" },
    { "CNIL, guidance on listening to and recording calls at work", url = "https://www.cnil.fr/fr/lecoute-et-lenregistrement-des-appels-sur-le-lieu-de-travail" },
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2014-11-27" },
  remediation = "Set the recordings' retention to the `recording_retention` setting (P6M by default) or less (data item and store table), and purge older recordings.",
  tags = { "retention", "recording" },
  applies = function(system) return system:holds("user.content.call_recording") end,
  check = function(system, ctx)
    local limit = pack.settings.recording_retention
    local governed = false
    for _, item in ipairs(system:data_of("user.content.call_recording")) do
      if not recording.evidence_only(system, item) then
        governed = true
        if retention.exceeds(item.retention, limit) then
          ctx:fail({item.retention, "period"}, "recordings kept %s; %s at most (setting `recording_retention`, from CNIL NS-57 guidance)", item.retention.period, limit)
        end
      end
    end
    if not governed then return end
    for _, found in ipairs(system:tables_holding("user.content.call_recording")) do
      if retention.exceeds(found.retention, limit) then
        ctx:fail({found.retention, "period"}, "table %s.%s keeps recordings %s; %s at most (setting `recording_retention`, from CNIL NS-57 guidance)", found.store, found.name, found.retention.period, limit)
      end
    end
  end,
}
