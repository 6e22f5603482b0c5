-- Code du travail L.1222-3: employees are told beforehand of the methods and techniques used to evaluate them.
local workplace = require("workplace")

---@type cadre.Rule
return {
  id = "cnil.workplace.evaluation-methods",
  title = "Agents are told beforehand how they are evaluated",
  description = "Employees are expressly informed, before they are used, of the methods and techniques of professional evaluation applied to them, and those methods are relevant to the purpose pursued (Code du travail L.1222-3). An AI that scores agents' calls or chats (quality, productivity, sentiment) is such a technique: agents are told what it measures and how the scores are used. The CNIL's guidance on employees' data says the same. It applies to systems that record calls too: the recording rules check that agents are told their calls are recorded and that their representatives are consulted (cnil.recording.employees-informed, .representatives), not how an AI scoring those calls evaluates them.",
  severity = "high",
  references = {
    { "Code du travail L.1222-3", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Tell the agents, before use, what the system evaluates, how, and what the scores are used for, and record it (`notices.evaluation_methods_explained: true`).",
  tags = { "workplace", "transparency" },
  applies = function(system) return workplace.evaluator(system) ~= nil end,
  check = function(system, ctx)
    if system.notices and system.notices.evaluation_methods_explained == true then return end
    local component = workplace.evaluator(system)
    ctx:fail(cadre.at(system, "notices.evaluation_methods_explained", component),
      "'%s' evaluates agents (%s), and they were not told beforehand how they are evaluated (Code du travail L.1222-3)",
      component.id, table.concat(component.infers, ", "))
  end,
}
