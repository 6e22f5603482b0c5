-- CNIL NS-57: recording the agent's screen together with the call is not allowed.
local recording = require("recording")

---@type cadre.Rule
return {
  id = "cnil.recording.screen-capture",
  title = "Agents' screens are not captured with their calls",
  description = "Coupling call recording with a capture of the agent's screen is not allowed: it is a disproportionate monitoring of the employee's work, beyond what training and evaluation need. NS-57 (CNIL délibération n° 2014-474 of 27 Nov 2014) was a simplified norm: simplified norms lost their legal force on 25 May 2018, when the GDPR became applicable, and the CNIL keeps its rules as guidance on call recording (departures are justified, not forbidden).",
  severity = "high",
  references = {
    { "CNIL délibération n° 2014-474 (NS-57)", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=2014-474" },
    { "CNIL, guidance on listening to and recording calls at work", url = "https://www.cnil.fr/fr/lecoute-et-lenregistrement-des-appels-sur-le-lieu-de-travail" },
    { "GDPR Art. 5(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2014-11-27" },
  remediation = "Stop capturing screens (`recording.screen_capture: false`), delete the screen recordings and remove them from the stores.",
  tags = { "recording", "employees", "minimisation" },
  applies = recording.records,
  check = function(system, ctx)
    if system.recording and system.recording.screen_capture == true then
      ctx:fail({system.recording, "screen_capture"}, "agents' screens are captured along with their calls")
    end
    for _, item in ipairs(system:data_of("user.content.screen_recording")) do
      ctx:fail(item, "the system keeps recordings of agents' screens (%s)", item.category)
    end
  end,
}
