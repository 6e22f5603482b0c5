-- CPCE L.34-5: prospecting individuals by email, SMS or automated calls needs their prior consent, except existing customers for similar products (soft opt-in).
local consent = require("consent")
local audience = require("audience")
local has = cadre.has

local electronic = { "email", "sms", "automated_call" }

---@type cadre.Rule
return {
  id = "cnil.prospecting.email-sms-consent",
  title = "Email, SMS and automated-call prospecting of individuals rests on prior consent",
  description = "Direct marketing to individuals by email, text message or automated calling machine requires their prior consent: free, specific, informed and unambiguous. The exception (soft opt-in) covers existing customers, about products or services similar to those they bought, who could object when their details were collected and can object in every message. Professionals may be prospected on an opt-out basis about their professional activity, with an opt-out in every message. The CNIL fined SOLOCAL MARKETING SERVICES (SAN-2025-001) and CALOGA (SAN-2025-002) in 2025 for prospecting without valid consent.",
  severity = "high",
  references = {
    { "CPCE L.34-5", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070987" },
    { "GDPR Art. 6(1)(a)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "CNIL délibération SAN-2025-001", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=SAN-2025-001" },
    { "CNIL délibération SAN-2025-002", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=SAN-2025-002" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Collect prior consent (`prospecting.consent: prior_consent`) before emailing or texting individuals who are not customers; use the soft opt-in only for existing customers and similar products, with an opt-out in every message.",
  tags = { "prospecting", "consent" },
  applies = function(system)
    local prospecting = system.prospecting
    if prospecting == nil then return false end
    for _, channel in ipairs(electronic) do
      if has(prospecting.channels, channel) then return true end
    end
    return false
  end,
  check = function(system, ctx)
    local prospecting = system.prospecting
    local given = prospecting.consent
    local where = cadre.at(prospecting, "consent")
    if audience.consumers(system) and given ~= "prior_consent" then
      ctx:fail(where, "individuals who are not customers%s are prospected by email, SMS or automated calls %s; prior consent is required",
        audience.note(system), consent.phrase(given))
    end
    if audience.customers(system) and given ~= "prior_consent" and given ~= "soft_opt_in" then
      ctx:fail(where, "customers are prospected by email, SMS or automated calls %s; prior consent or the soft opt-in is required",
        consent.phrase(given))
    end
  end,
}
