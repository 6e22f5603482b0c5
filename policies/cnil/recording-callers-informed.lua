-- CNIL NS-57: callers are told before the call is recorded, and can object to it.
local recording = require("recording")

---@type cadre.Rule
return {
  id = "cnil.recording.callers-informed",
  title = "Callers are told about the recording beforehand and can object",
  description = "People calling or called are informed, before the recording starts, that the call may be listened to or recorded, for which purposes, and of their rights; they can object to the recording simply, for instance by pressing a key or telling the agent, and the call then goes on unrecorded. NS-57 (CNIL délibération n° 2014-474 of 27 Nov 2014) was a simplified norm: simplified norms lost their legal force on 25 May 2018, when the GDPR became applicable, and the CNIL keeps its rules as guidance on call recording (departures are justified, not forbidden).",
  severity = "high",
  references = {
    { "CNIL délibération n° 2014-474 (NS-57)", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=2014-474" },
    { "CNIL, guidance on listening to and recording calls at work", url = "https://www.cnil.fr/fr/lecoute-et-lenregistrement-des-appels-sur-le-lieu-de-travail" },
    { "GDPR Art. 13", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2014-11-27" },
  remediation = "Announce the recording at the start of the call (`notices.recording_announcement: true`) and offer a simple way to object (`notices.objection_offered: true`).",
  tags = { "recording", "transparency" },
  applies = recording.records,
  check = function(system, ctx)
    local notices = system.notices
    if notices == nil or notices.recording_announcement ~= true then
      ctx:fail(cadre.at(system, "notices.recording_announcement"),
        "callers are not told before their call is recorded")
    end
    if notices == nil or notices.objection_offered ~= true then
      ctx:fail(cadre.at(system, "notices.objection_offered"),
        "callers cannot object to the recording")
    end
  end,
}
