-- GDPR Art. 13(2)(f) and 14(2)(g): people are told of automated decisions with meaningful information about the logic involved, their significance and consequences.
local profiling = require("profiling")

---@type cadre.Rule
return {
  id = "gdpr.automated-decisions.logic-notice",
  title = "The notice explains the logic of automated decisions",
  description = "Where a system takes decisions based solely on automated processing, including profiling, with legal or similarly significant effects (Art. 22(1) and (4)), the information notice tells people that it does, and gives meaningful information about the logic involved, as well as the significance and the envisaged consequences of such processing for them (Art. 13(2)(f); Art. 14(2)(g) for data obtained elsewhere). The Court of Justice reads \"meaningful information about the logic\" as explaining the procedure and principles actually applied,, in a form the person can understand (C-203/22 Dun & Bradstreet Austria, 27 Feb 2025).",
  severity = "high",
  references = {
    { "GDPR Art. 13(2)(f)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 14(2)(g)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "CJEU C-203/22 Dun & Bradstreet Austria (27 Feb 2025)", url = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:62022CJ0203" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  remediation = "Explain in the notice that decisions are automated, the procedure and principles the system applies (which data, which factors weigh most), and what follows for the person; record it (`notices.automated_decision_logic: true`).",
  tags = { "automated-decisions", "transparency" },
  applies = function(system) return cadre.find(system.ai, profiling.solely_automated) ~= nil end,
  check = function(system, ctx)
    if system.notices and system.notices.automated_decision_logic == true then return end
    local component = cadre.find(system.ai, profiling.solely_automated)
    ctx:fail(cadre.at(system, "notices.automated_decision_logic", component),
      "'%s' decides with a %s effect and no human involvement, and the notice gives no meaningful information about its logic (Art. 13(2)(f), 14(2)(g))",
      component.id, component.effect)
  end,
}
