-- GDPR Art. 30(1): the record of processing names the controller and DPO, the categories of people and of data (inferences included) for every processing.
local profiling = require("profiling")
local declared = require("declared")

---@type cadre.Rule
return {
  id = "gdpr.record.complete",
  title = "The record of processing is complete",
  description = "Each controller keeps a record of processing activities with (a) its name and contact details and those of its DPO, (b) the purposes, (c) the categories of people and of personal data, (d) the categories of recipients, (e) transfers to third countries, (f) the time limits for erasure and (g) the security measures. Data an AI component infers about people (scores, emotions, performance) is personal data and a category of the record. The Art. 30(5) exemption for organisations under 250 employees does not apply to customer-service processing, which is not occasional. Purposes (b), transfers (e) and time limits (f) are checked by gdpr.purposes.declared, gdpr.transfers.mechanism and gdpr.retention.defined.",
  severity = "medium",
  references = {
    { "GDPR Art. 30(1)(a)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 30(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 30(1)(d)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 30(5)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Name the organisation and its DPO (`organisation`), the subjects of every data item (`subjects`), and declare a data item for each inference an AI component makes about people.",
  tags = { "record", "accountability" },
  applies = function(system) return #system.data > 0 end,
  check = function(system, ctx)
    local organisation = system.organisation
    if organisation == nil then
      ctx:fail(system, "the record names no controller: add `organisation` with its name and DPO")
    elseif organisation.dpo == nil then
      ctx:warn(organisation, "the record gives no contact for the data protection officer (`dpo`)")
    end
    for _, item in ipairs(system.data) do
      if #item.subjects == 0 then
        ctx:fail(item, "%s: the record does not say whom the data is about (`subjects`)", item.category)
      end
    end
    local index = nil
    for _, component in ipairs(system.ai) do
      if #component.about > 0 then
        for _, inference in ipairs(profiling.evaluations(component)) do
          local category = profiling.category[inference]
          index = index or declared.index(system)
          if declared.lookup(index, category, nil) == nil then
            ctx:fail({component, "infers"}, "'%s' infers %s about people, and the record declares no %s data", component.id, inference, category)
          end
        end
      end
    end
  end,
}
