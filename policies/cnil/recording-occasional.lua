-- CNIL NS-57: calls are recorded occasionally, for training and evaluation; permanent or systematic recording is not allowed unless a law requires it.
local recording = require("recording")

---@type cadre.Rule
return {
  id = "cnil.recording.occasional",
  title = "Calls are recorded occasionally, not systematically",
  description = "Listening to and recording calls for training, evaluation or service quality is proportionate only when it is occasional: a sample of calls. Permanent or systematic recording of every call is not allowed unless a law requires it. The CNIL fined COSMOSPACE (SAN-2024-014) and TELEMAQUE (SAN-2024-015) in September 2024, among other breaches, for recording every call. NS-57 (CNIL délibération n° 2014-474 of 27 Nov 2014) was a simplified norm: simplified norms lost their legal force on 25 May 2018, when the GDPR became applicable, and the CNIL keeps its rules as guidance on call recording (departures are justified, not forbidden).",
  severity = "high",
  references = {
    { "CNIL délibération n° 2014-474 (NS-57)", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=2014-474" },
    { "CNIL, guidance on listening to and recording calls at work", url = "https://www.cnil.fr/fr/lecoute-et-lenregistrement-des-appels-sur-le-lieu-de-travail" },
    { "GDPR Art. 5(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "CNIL délibération SAN-2024-014", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=SAN-2024-014" },
    { "CNIL délibération SAN-2024-015", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=SAN-2024-015" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2014-11-27" },
  remediation = "Record a sample of calls (`recording.mode: occasional`), or only on demand; document the law that requires more if one does.",
  tags = { "recording", "minimisation" },
  applies = recording.records,
  check = function(system, ctx)
    local mode = system.recording and system.recording.mode
    if mode == nil then
      return ctx:warn(cadre.at(system, "recording"), "the system records calls, and does not say which (`recording.mode`)")
    end
    if mode == "systematic" and not recording.required_by_law(system) then
      ctx:fail({system.recording, "mode"}, "every call is recorded; recording for training and evaluation must be occasional")
    end
  end,
}
