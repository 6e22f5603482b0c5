-- CNIL NS-57: employees whose calls are listened to or recorded are informed beforehand.
local recording = require("recording")

---@type cadre.Rule
return {
  id = "cnil.recording.employees-informed",
  title = "Agents are informed before their calls are recorded",
  description = "Employees are informed individually, before it is put in place, that their calls may be listened to or recorded: the purposes, how and when it happens, who listens, how long recordings are kept, and their rights. Monitoring of employees they were not told about is unfair processing. NS-57 (CNIL délibération n° 2014-474 of 27 Nov 2014) was a simplified norm: simplified norms lost their legal force on 25 May 2018, when the GDPR became applicable, and the CNIL keeps its rules as guidance on call recording (departures are justified, not forbidden).",
  severity = "high",
  references = {
    { "CNIL délibération n° 2014-474 (NS-57)", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=2014-474" },
    { "CNIL, guidance on listening to and recording calls at work", url = "https://www.cnil.fr/fr/lecoute-et-lenregistrement-des-appels-sur-le-lieu-de-travail" },
    { "GDPR Art. 13", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2014-11-27" },
  remediation = "Inform the agents individually before recording (`notices.employees_informed: true`), in the onboarding and in a note they acknowledge.",
  tags = { "recording", "employees", "transparency" },
  applies = recording.records,
  check = function(system, ctx)
    local notices = system.notices
    if notices == nil or notices.employees_informed ~= true then
      ctx:fail(cadre.at(system, "notices.employees_informed"),
        "agents are not informed beforehand that their calls are recorded")
    end
  end,
}
