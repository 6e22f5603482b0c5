-- GDPR Art. 44-49: personal data leaves the EEA only under an adequacy decision, appropriate safeguards or a derogation.
local eea = require("eea")

local valid = { adequacy = true, dpf = true, scc = true, bcr = true, derogation = true }

local function mechanism_problem(processor)
  local transfer = processor.transfer
  if transfer == nil or not valid[transfer] then
    return string.format("%s processes data in %s with no transfer mechanism", processor.name, processor.country)
  end
  if transfer == "dpf" and processor.country ~= "US" then
    return string.format("%s relies on the EU-US Data Privacy Framework, which covers US companies only, for data in %s", processor.name, processor.country)
  end
  return nil
end

local function processor_in(system, country)
  for _, processor in ipairs(system.processors) do
    if processor.country == country and mechanism_problem(processor) == nil then return processor end
  end
  return nil
end

---@type cadre.Rule
return {
  id = "gdpr.transfers.mechanism",
  title = "Transfers outside the EEA rest on adequacy, safeguards or a derogation",
  description = "A transfer of personal data to a third country takes place only on the basis of an adequacy decision (Art. 45(3), including the EU-US Data Privacy Framework for certified US companies), of appropriate safeguards (Art. 46(2): standard contractual clauses, binding corporate rules…), or of a derogation for a specific situation (Art. 49). Every processor, store or model hosted outside the EEA is covered by one of these.",
  severity = "critical",
  references = {
    { "GDPR Art. 44", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 45(3)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 46(2)(b)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 46(2)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 49(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Give each processor outside the EEA its `transfer` mechanism (adequacy, dpf, scc, bcr, derogation), put the clauses in place, or keep the data in the EEA.",
  tags = { "transfers", "processors" },
  applies = function(system)
    return #system:processors_outside_eea() > 0
      or cadre.find(system.stores, function(store) return store.region ~= nil and not eea.inside(store.region) end) ~= nil
      or cadre.find(system.ai, function(component)
        return component.model ~= nil and component.model.hosted_in ~= nil and not eea.inside(component.model.hosted_in)
      end) ~= nil
  end,
  check = function(system, ctx)
    for _, processor in ipairs(system:processors_outside_eea()) do
      local problem = mechanism_problem(processor)
      if problem then ctx:fail(cadre.at(processor, "transfer"), "%s", problem) end
    end
    for _, store in ipairs(system.stores) do
      if store.region and not eea.inside(store.region) and processor_in(system, store.region) == nil then
        ctx:fail({store, "region"}, "store '%s' is hosted in %s, and no processor there has a transfer mechanism", store.id, store.region)
      end
    end
    for _, component in ipairs(system.ai) do
      local region = component.model and component.model.hosted_in
      if region and not eea.inside(region) and processor_in(system, region) == nil then
        ctx:fail({component.model, "hosted_in"}, "the model of '%s' runs in %s, and no processor there has a transfer mechanism", component.id, region)
      end
    end
  end,
}
