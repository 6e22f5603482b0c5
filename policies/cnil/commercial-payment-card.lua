-- CNIL (Délibération 2018-303, framework 2021-131): payment card data is kept until the payment completes, then 13 months (15 for deferred debit) as dispute evidence, longer only with consent.
local framework = require("framework")

local function consented(system, item)
  return framework.item_serves(system, item, function(p) return p.legal_basis == "consent" end)
end

local function total(r)
  local period = cadre.duration(r.period)
  local archive = r.archive and r.archive.period and cadre.duration(r.archive.period)
  if archive == nil then return period.text end
  -- Both durations in their own units: years and months add up, days and time add up.
  local months, seconds = period.months + archive.months, period.seconds + archive.seconds
  local text = "P" .. (months > 0 and months .. "M" or "")
  if seconds > 0 then text = text .. (seconds % 86400 == 0 and (seconds // 86400) .. "D" or "T" .. seconds .. "S") end
  return text == "P" and "P0D" or text
end

---@type cadre.Rule
return {
  id = "cnil.commercial.payment-card",
  title = "Payment card data is kept only for the payment and the dispute window",
  description = "Card data is kept until the payment is complete (plus the withdrawal period for distance sales), then as evidence in case of dispute for 13 months after the debit (15 months for deferred-debit cards), in an intermediate archive. Keeping the card to ease later purchases needs the cardholder's consent. The security code (CVV) is never kept after the transaction (cnil.commercial.cvv).",
  severity = "high",
  references = {
    { "CNIL délibération n° 2018-303 du 6 septembre 2018 (payment cards)", url = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000037477764" },
    { "CNIL Délibération 2021-131 (commercial management)", url = "https://www.cnil.fr/fr/questions-reponses-sur-les-referentiels-relatifs-la-gestion-des-activites-commerciales-et-des" },
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2022-04-10" },
  remediation = "Keep card data until the payment completes and archive it P13M after the debit (P15M for deferred debit); keep cards for later purchases only with consent (a purpose with `legal_basis: consent`).",
  tags = { "retention", "payment" },
  applies = function(system) return system:holds("user.financial.credit_card") end,
  check = function(system, ctx)
    for _, item in ipairs(system:data_of("user.financial.credit_card")) do
      local r = item.retention
      if r and r.period and not consented(system, item) then
        local kept = total(r)
        if cadre.duration(kept):can_exceed("P15M") then
          ctx:fail({r, "period"}, "card data kept %s in all; 13 months after the debit (15 for deferred debit) unless the cardholder consents", kept)
        elseif cadre.duration(kept):can_exceed("P13M") then
          ctx:warn({r, "period"}, "card data kept %s in all: more than 13 months is justified only for deferred-debit cards", kept)
        end
      end
    end
  end,
}
