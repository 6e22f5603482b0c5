-- CNIL (Délibération 2018-303): the card security code (CVV) is never kept after the transaction.
local words = require("words")

---@type cadre.Rule
return {
  id = "cnil.commercial.cvv",
  title = "The card security code is never stored",
  description = "The visual cryptogram (CVV, CVC) of a payment card is used for the transaction only and never kept afterwards, not even with the card number for later purchases or as dispute evidence. A store column that holds it keeps what must never be kept.",
  severity = "critical",
  references = {
    { "CNIL délibération n° 2018-303 du 6 septembre 2018 (payment cards)", url = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000037477764" },
    { "GDPR Art. 5(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2022-04-10" },
  remediation = "Drop the column and delete the codes; take payments through a payment service provider that never hands the code back.",
  tags = { "payment", "stores" },
  applies = function(system) return #system.stores > 0 end,
  check = function(system, ctx)
    local terms = pack.data.card_security_code_columns
    for _, store in ipairs(system.stores) do
      for _, t in ipairs(store.tables) do
        for column in pairs(t.columns) do
          if words.find(column, terms) then
            ctx:fail({t.columns, column}, "column '%s' of %s.%s looks like a card security code", column, store.id, t.name)
          end
        end
      end
    end
  end,
}
