-- GDPR Art. 5(1)(b) and 30(1)(d): processors receive only personal data the system declares, for its declared purposes.
local declared = require("declared")

---@type cadre.Rule
return {
  id = "gdpr.recipients.declared-data",
  title = "Processors receive only declared data",
  description = "Personal data disclosed to a recipient is processed for the purposes it was collected for. Every category a processor receives is a data item of the descriptor, with its purposes; a category sent to a processor that the descriptor does not declare is processed for no declared purpose and is missing from the record of processing.",
  severity = "medium",
  references = {
    { "GDPR Art. 5(1)(b)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 30(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 30(1)(d)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Declare a data item for each category the processor receives (with its purposes), or stop sending it.",
  tags = { "purpose-limitation", "record", "processors" },
  applies = function(system) return #system.processors > 0 end,
  check = function(system, ctx)
    local categories = declared.index(system)
    for _, processor in ipairs(system.processors) do
      for index, category in ipairs(processor.receives) do
        if declared.lookup(categories, category, nil) == nil then
          ctx:fail({processor.receives, index}, "%s receives %s, which the system does not declare", processor.name, category)
        end
      end
    end
  end,
}
