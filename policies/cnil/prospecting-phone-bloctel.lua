-- Code de la consommation L.223-1 (until 10 Aug 2026): consumers called for prospecting without consent are screened against the Bloctel opposition list first.
local audience = require("audience")
local has = cadre.has

---@type cadre.Rule
return {
  id = "cnil.prospecting.phone-bloctel",
  title = "Numbers are screened against Bloctel before prospecting calls",
  description = "Until 10 August 2026, consumers may be called for prospecting on an opt-out basis, provided the numbers are first screened against the Bloctel opposition list, except for calls about an ongoing contract. From 11 August 2026 prior consent is required instead (cnil.prospecting.phone-consent) and Bloctel ends.",
  severity = "high",
  references = {
    { "Code de la consommation L.223-1 (before loi n° 2025-594)", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { to = pack.data.bloctel_until },
  remediation = "Screen every campaign file against Bloctel before calling (`prospecting.bloctel_screening: true`), or call only people who consented.",
  tags = { "prospecting", "telephone" },
  applies = function(system)
    local prospecting = system.prospecting
    return prospecting ~= nil and has(prospecting.channels, "phone") and audience.consumers(system)
  end,
  check = function(system, ctx)
    local prospecting = system.prospecting
    if prospecting.consent ~= "prior_consent" and prospecting.bloctel_screening ~= true then
      ctx:fail(cadre.at(prospecting, "bloctel_screening"),
        "consumers%s are called without consent, and the numbers are not screened against Bloctel", audience.note(system))
    end
  end,
}
