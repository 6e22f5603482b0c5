-- Directive 2011/83 Art. 6(1)(ea) (inserted by Directive 2019/2161) and Code de la consommation L.221-5: consumers are told when a price was personalised on the basis of automated decision-making.
local function personalises(component)
  return component.personalises_prices == true
end

---@type cadre.Rule
return {
  id = "cnil.consumer.personalised-price",
  title = "Consumers are told when an AI personalised their price",
  description = "Before a consumer is bound by a distance or off-premises contract, the trader informs them, where applicable, that the price was personalised on the basis of automated decision-making (Directive 2011/83/EU Art. 6(1)(ea), inserted by Directive (EU) 2019/2161; Code de la consommation L.221-5 in France). An AI sales assistant that adapts the price or the discount it offers to the person (their profile, their propensity, their browsing) personalises prices: the consumer is told, with the offer. A discount offered to everyone is not personalised.",
  severity = "medium",
  references = {
    { "Directive 2011/83/EU Art. 6(1)(ea)", url = "https://eur-lex.europa.eu/eli/dir/2011/83/oj" },
    { "Directive (EU) 2019/2161", url = "https://eur-lex.europa.eu/eli/dir/2019/2161/oj" },
    { "Code de la consommation L.221-5", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Tell the consumer, with the offer, that its price was personalised by automated decision-making, and record it (`notices.personalised_price_disclosed: true`); or offer the same price to everyone.",
  tags = { "consumer", "pricing", "transparency" },
  applies = function(system) return cadre.find(system.ai, personalises) ~= nil end,
  check = function(system, ctx)
    if system.notices and system.notices.personalised_price_disclosed == true then return end
    local component = cadre.find(system.ai, personalises)
    ctx:fail(cadre.at(system, "notices.personalised_price_disclosed", component),
      "'%s' personalises the prices it offers, and consumers are not told the price was personalised by automated decision-making (L.221-5)", component.id)
  end,
}
