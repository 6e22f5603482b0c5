-- CNIL Délibération 2021-131: data about a prospect who is not a customer is kept three years at most from collection or the prospect's last contact.
local framework = require("framework")
local retention = require("retention")

local starts = { collection = true, last_contact = true }

---@type cadre.Rule
return {
  id = "cnil.commercial.prospect-retention",
  title = "Prospects' data is kept three years from their last contact",
  description = "Data about a prospect who is not a customer is kept for prospecting three years at most from its collection or from the prospect's last contact (a click in an email counts, an opened email does not); after that the prospect is asked whether they still want to hear from the organisation, and the data is deleted without a positive answer.",
  severity = "high",
  references = {
    { "CNIL Délibération 2021-131 (commercial management)", url = "https://www.cnil.fr/fr/questions-reponses-sur-les-referentiels-relatifs-la-gestion-des-activites-commerciales-et-des" },
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2022-04-10" },
  remediation = "Keep prospects' data P3Y at most, counted `from: last_contact` (or collection), and purge or ask again at the end.",
  tags = { "retention", "prospecting" },
  applies = function(system)
    return framework.applies(system)
      and cadre.find(system.data, function(item) return framework.about(item, "prospect") end) ~= nil
  end,
  check = function(system, ctx)
    for _, item in ipairs(system.data) do
      local r = item.retention
      if framework.about(item, "prospect") and r and r.period then
        if retention.exceeds(r, "P3Y") then
          ctx:fail({r, "period"}, "prospects' %s kept %s; three years at most", item.category, r.period)
        elseif r.from ~= nil and not starts[r.from] then
          ctx:fail({r, "from"}, "prospects' %s is kept from %s; a prospect's data runs from collection or last contact", item.category, r.from:gsub("_", " "))
        end
      end
    end
  end,
}
