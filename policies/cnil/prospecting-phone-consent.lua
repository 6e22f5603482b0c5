-- Code de la consommation L.223-1 as rewritten by loi n° 2025-594: from 11 Aug 2026, consumers are called for prospecting only with their prior consent.
local consent = require("consent")
local has = cadre.has

return {
  id = "cnil.prospecting.phone-consent",
  title = "Consumers are called for prospecting only with their prior consent",
  description = "From 11 August 2026, telephone prospecting of consumers requires their prior consent: free, specific, informed, unambiguous and revocable, and the business proves it. Calls about an ongoing contract, including related or complementary products, remain possible. The Bloctel opt-out regime ends; calling a rented list of consumers who never agreed is no longer allowed.",
  severity = "high",
  references = { "Code de la consommation L.223-1", "Loi n° 2025-594 du 30 juin 2025, art. 13" },
  confidence = "secondary",
  effective = { from = pack.data.phone_consent_from },
  remediation = "Call only consumers who gave prior consent, and keep its proof (`prospecting.consent: prior_consent`); restrict calls to customers to their ongoing contract and related products.",
  tags = { "prospecting", "telephone", "consent" },
  applies = function(system)
    local prospecting = system.prospecting
    return prospecting ~= nil and has(prospecting.channels, "phone") and has(prospecting.audience, "consumers")
  end,
  check = function(system, ctx)
    local prospecting = system.prospecting
    if prospecting.consent ~= "prior_consent" then
      ctx:fail(cadre.at(prospecting, "consent"),
        "consumers are called for prospecting %s; prior consent is required since 11 August 2026",
        consent.phrase(prospecting.consent))
    end
  end,
}
