-- GDPR Art. 22(1)-(2): a decision based solely on automated processing with a legal or similarly significant effect rests on contract, law or explicit consent.
local profiling = require("profiling")

---@type cadre.Rule
return {
  id = "gdpr.automated-decisions.basis",
  title = "Solely automated decisions with significant effects rest on an Art. 22(2) exception",
  description = "People have the right not to be subject to a decision based solely on automated processing, including profiling, which produces legal effects concerning them or similarly significantly affects them (refusing a contract, setting a price, deciding who is served first). Such a decision is allowed only when it is necessary for a contract with the person, authorised by Union or Member State law, or based on the person's explicit consent.",
  severity = "high",
  references = {
    { "GDPR Art. 22(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 22(2)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Put a person in the loop who reviews each decision (`decides: assists`), or record the Art. 22(2) exception in `automated_decision_basis` (contract, law or explicit_consent).",
  tags = { "automated-decisions", "profiling" },
  applies = function(system) return cadre.find(system.ai, profiling.solely_automated) ~= nil end,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      if profiling.solely_automated(component) and component.automated_decision_basis == nil then
        ctx:fail({component, "decides"}, "'%s' decides with no human involvement and a %s effect, on no Art. 22(2) exception", component.id, component.effect)
      end
    end
  end,
}
