-- GDPR Art. 5(1)(b): personal data is collected for specified, explicit purposes, so a system that processes it declares each purpose and what it covers.
---@type cadre.Rule
return {
  id = "gdpr.purposes.declared",
  title = "The purposes of the processing are specified and explicit",
  description = "Personal data is collected for specified, explicit and legitimate purposes and not further processed in a manner incompatible with them (purpose limitation). A system that processes personal data declares its purposes; each purpose says in a sentence what it is and which data uses it covers, so that the record of processing, the information notice and the legal basis can be tied to it.",
  severity = "high",
  references = {
    { "GDPR Art. 5(1)(b)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 30(1)(b)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Declare the system's `purposes`, each with a `description` and its data `uses` (fideslang data uses such as `essential.service.operations.support`).",
  tags = { "purpose-limitation", "record" },
  applies = function(system) return #system.data > 0 end,
  check = function(system, ctx)
    if #system.purposes == 0 then
      return ctx:fail(system.data, "the system processes %d categories of personal data but declares no purpose", #system.data)
    end
    for _, purpose in ipairs(system.purposes) do
      if purpose.description == nil then
        ctx:fail(purpose, "purpose '%s' does not say what it is: add a `description`", purpose.id)
      end
      if #purpose.uses == 0 then
        ctx:fail(purpose, "purpose '%s' names no data use: add its `uses`", purpose.id)
      end
    end
  end,
}
