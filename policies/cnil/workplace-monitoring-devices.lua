-- Code du travail L.1222-4: no information about an employee is collected by a device that was not brought to their knowledge beforehand.
local workplace = require("workplace")

---@type cadre.Rule
return {
  id = "cnil.workplace.monitoring-devices",
  title = "Agents know beforehand of every device that collects data about them",
  description = "No information concerning an employee personally may be collected by a device that has not been brought to their knowledge beforehand (Code du travail L.1222-4). Scores, activity tracking or speech analytics about agents collected without telling them cannot be used against them, and the collection is unlawful. Systems that record calls are covered by the recording rules (cnil.recording.employees-informed).",
  severity = "high",
  references = {
    { "Code du travail L.1222-4", url = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006900861" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Inform each agent individually, before the system is used, that it collects data about them, and record it (`notices.employees_informed: true`).",
  tags = { "workplace", "transparency" },
  applies = function(system) return workplace.monitors(system) ~= nil end,
  check = function(system, ctx)
    if system.notices and system.notices.employees_informed == true then return end
    local what = workplace.monitors(system)
    ctx:fail(cadre.at(system, "notices.employees_informed", what),
      "'%s' collects data about agents, and they were not told beforehand (Code du travail L.1222-4)", what.id)
  end,
}
