-- CNIL Délibération 2021-131: customers' data is used for prospecting three years at most after the end of the commercial relationship.
local framework = require("framework")
local retention = require("retention")

local function prospecting_customer_item(system, item)
  return framework.about(item, "customer") and framework.item_serves(system, item, framework.prospecting)
end

---@type cadre.Rule
return {
  id = "cnil.commercial.former-customer-retention",
  title = "Former customers' data is used for prospecting three years at most",
  description = "Customers' data may be used for prospecting until three years after the end of the commercial relationship (the end of the contract or the customer's last purchase or contact). Data kept longer for other reasons (contract evidence, accounting) is archived and no longer used for prospecting. The CNIL judged four years after a customer's last purchase excessive (SAN-2020-008, 18 Nov 2020).",
  severity = "high",
  references = {
    { "CNIL Délibération 2021-131 (commercial management)", url = "https://www.cnil.fr/fr/questions-reponses-sur-les-referentiels-relatifs-la-gestion-des-activites-commerciales-et-des" },
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "CNIL délibération SAN-2020-008", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=SAN-2020-008" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2022-04-10" },
  remediation = "Stop using customers' data for prospecting P3Y after the end of the relationship: a separate retention for the prospecting purpose, or archive the data beyond it.",
  tags = { "retention", "prospecting" },
  applies = function(system)
    return framework.applies(system)
      and cadre.find(system.data, function(item) return prospecting_customer_item(system, item) end) ~= nil
  end,
  check = function(system, ctx)
    for _, item in ipairs(system.data) do
      if prospecting_customer_item(system, item) and retention.exceeds(item.retention, "P3Y") then
        ctx:fail({item.retention, "period"}, "customers' %s is used for prospecting and kept %s; three years at most after the relationship ends (the CNIL judged four years excessive, SAN-2020-008)", item.category, item.retention.period)
      end
    end
  end,
}
