-- CNIL NS-57: staff representatives are consulted before calls are listened to or recorded.
local recording = require("recording")

---@type cadre.Rule
return {
  id = "cnil.recording.representatives",
  title = "Staff representatives are consulted before recording",
  description = "Before putting in place a means of listening to or recording employees' calls, the employer informs and consults the staff representatives (the CSE in France). NS-57 (CNIL délibération n° 2014-474 of 27 Nov 2014) was a simplified norm: simplified norms lost their legal force on 25 May 2018, when the GDPR became applicable, and the CNIL keeps its rules as guidance on call recording (departures are justified, not forbidden).",
  severity = "medium",
  references = {
    { "CNIL délibération n° 2014-474 (NS-57)", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=2014-474" },
    { "CNIL, guidance on listening to and recording calls at work", url = "https://www.cnil.fr/fr/lecoute-et-lenregistrement-des-appels-sur-le-lieu-de-travail" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2014-11-27" },
  remediation = "Consult the staff representatives and record it (`notices.workers_representatives_consulted: true`).",
  tags = { "recording", "employees" },
  applies = recording.records,
  check = function(system, ctx)
    local notices = system.notices
    if notices == nil or notices.workers_representatives_consulted ~= true then
      ctx:fail(cadre.at(system, "notices.workers_representatives_consulted"),
        "staff representatives were not consulted about the recording")
    end
  end,
}
