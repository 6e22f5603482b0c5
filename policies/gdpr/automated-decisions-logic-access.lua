-- GDPR Art. 15(1)(h): a person who asks for access is told of automated decisions about them, with meaningful information about the logic as applied to them.
local profiling = require("profiling")

---@type cadre.Rule
return {
  id = "gdpr.automated-decisions.logic-access",
  title = "Access requests are answered with the logic of the automated decision",
  description = "The right of access includes the existence of automated decision-making, including profiling (Art. 22(1) and (4)), and meaningful information about the logic involved and the significance and envisaged consequences for the person (Art. 15(1)(h)). The Court of Justice holds that the person is entitled to an explanation of the procedure and principles actually applied to their personal data to obtain the result (a score, a refusal), so that they can understand it and contest it (C-203/22 Dun & Bradstreet Austria, 27 Feb 2025).",
  severity = "high",
  references = {
    { "GDPR Art. 15(1)(h)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "CJEU C-203/22 Dun & Bradstreet Austria (27 Feb 2025)", url = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:62022CJ0203" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  remediation = "Set up how access requests are answered for this system: the decision taken, the data used, and how the procedure applied to that data led to it; record it (`notices.logic_on_access: true`).",
  tags = { "automated-decisions", "rights" },
  applies = function(system) return cadre.find(system.ai, profiling.solely_automated) ~= nil end,
  check = function(system, ctx)
    if system.notices and system.notices.logic_on_access == true then return end
    local component = cadre.find(system.ai, profiling.solely_automated)
    ctx:fail(cadre.at(system, "notices.logic_on_access", component),
      "people who ask for access are not told how '%s' reached its decision about them (Art. 15(1)(h), C-203/22)", component.id)
  end,
}
