-- Code de la consommation L.223-1 as rewritten by loi n° 2025-594: from 11 Aug 2026, consumers are called for prospecting only with their prior consent.
local consent = require("consent")
local audience = require("audience")
local has = cadre.has

---@type cadre.Rule
return {
  id = "cnil.prospecting.phone-consent",
  title = "Consumers are called for prospecting only with their prior consent",
  description = "From 11 August 2026, telephone prospecting of consumers requires their prior consent: free, specific, informed, unambiguous and revocable, and the business proves it. Calls about an ongoing contract, including related or complementary products, remain possible. The Bloctel opt-out regime ends; calling a rented list of consumers who never agreed is no longer allowed.",
  severity = "high",
  references = {
    { "Code de la consommation L.223-1", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565" },
    { "Loi n° 2025-594 du 30 juin 2025, art. 13", url = "https://www.legifrance.gouv.fr/eli/loi/2025/6/30/2025-594/jo/texte" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = pack.data.phone_consent_from },
  remediation = "Call only consumers who gave prior consent, and keep its proof (`prospecting.consent: prior_consent`); restrict calls to customers to their ongoing contract and related products.",
  tags = { "prospecting", "telephone", "consent" },
  applies = function(system)
    local prospecting = system.prospecting
    return prospecting ~= nil and has(prospecting.channels, "phone") and audience.consumers(system)
  end,
  check = function(system, ctx)
    local prospecting = system.prospecting
    if prospecting.consent ~= "prior_consent" then
      ctx:fail(cadre.at(prospecting, "consent"),
        "consumers%s are called for prospecting %s; prior consent is required since 11 August 2026",
        audience.note(system), consent.phrase(prospecting.consent))
    end
  end,
}
