-- Code du travail L.2312-38: the social and economic committee (CSE) is informed and consulted before means of monitoring employees' activity are introduced.
local workplace = require("workplace")

---@type cadre.Rule
return {
  id = "cnil.workplace.cse-consultation",
  title = "Staff representatives are consulted before agents' activity is monitored",
  description = "The social and economic committee (CSE) is informed and consulted, prior to the decision to implement them in the company, on the means or techniques allowing the monitoring of employees' activity (Code du travail L.2312-38). An AI that scores or tracks agents is such a means. Systems that record calls are covered by the recording rules (cnil.recording.representatives); the AI Act adds its own duty for high-risk systems (Art. 26(7), ai-act.deployer.workers-informed).",
  severity = "high",
  references = {
    { "Code du travail L.2312-38", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Inform and consult the CSE before deciding to deploy the system, and record it (`notices.workers_representatives_consulted: true`).",
  tags = { "workplace" },
  applies = function(system) return workplace.monitors(system) ~= nil end,
  check = function(system, ctx)
    if system.notices and system.notices.workers_representatives_consulted == true then return end
    local what = workplace.monitors(system)
    ctx:fail(cadre.at(system, "notices.workers_representatives_consulted", what),
      "'%s' monitors agents' activity, and the CSE was not consulted before (Code du travail L.2312-38)", what.id)
  end,
}
