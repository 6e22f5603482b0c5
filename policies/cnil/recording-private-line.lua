-- CNIL NS-57: agents have a way to make private calls that are never recorded.
local recording = require("recording")

---@type cadre.Rule
return {
  id = "cnil.recording.private-line",
  title = "Agents can make private calls that are not recorded",
  description = "Employees whose calls may be recorded have a means of making private calls that are neither listened to nor recorded, such as a dedicated line. NS-57 (CNIL délibération n° 2014-474 of 27 Nov 2014) was a simplified norm: simplified norms lost their legal force on 25 May 2018, when the GDPR became applicable, and the CNIL keeps its rules as guidance on call recording (departures are justified, not forbidden).",
  severity = "medium",
  references = {
    { "CNIL délibération n° 2014-474 (NS-57)", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=2014-474" },
    { "CNIL, guidance on listening to and recording calls at work", url = "https://www.cnil.fr/fr/lecoute-et-lenregistrement-des-appels-sur-le-lieu-de-travail" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2014-11-27" },
  remediation = "Give agents a line that is never recorded (`recording.private_line: true`).",
  tags = { "recording", "employees" },
  applies = recording.records,
  check = function(system, ctx)
    local section = system.recording
    if section == nil or section.private_line == nil then
      ctx:warn(cadre.at(system, "recording"), "the system records calls, and does not say whether agents have a line for private calls (`recording.private_line`)")
    elseif section.private_line ~= true then
      ctx:fail({section, "private_line"}, "agents have no line for private calls that is not recorded")
    end
  end,
}
