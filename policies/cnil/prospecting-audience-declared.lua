-- CPCE L.34-5, Code de la consommation L.223-1: whether prospecting needs consent depends on whom it addresses, so a prospecting system says whom it prospects.
local audience = require("audience")

---@type cadre.Rule
return {
  id = "cnil.prospecting.audience-declared",
  title = "A prospecting system says whom it prospects",
  description = "The rules on prospecting depend on whom it addresses: consumers need prior consent for emails, text messages and automated calls (CPCE L.34-5) and, from 11 August 2026, for telephone calls (Code de la consommation L.223-1); existing customers may be contacted on the soft opt-in about similar products; professionals on an opt-out basis about their professional activity. A prospecting system declares its audience (`prospecting.audience`). When it does not, the pack treats the people its data calls prospects (`subjects: [prospect]`) as consumers, prospects being people; with neither, the consent rules cannot be checked, and this rule says so.",
  severity = "medium",
  references = {
    { "CPCE L.34-5", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070987" },
    { "Code de la consommation L.223-1", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Say whom the system prospects: `prospecting: { audience: [consumers] }` (or `existing_customers`, `professionals`).",
  tags = { "prospecting" },
  applies = function(system) return system.prospecting ~= nil end,
  check = function(system, ctx)
    if audience.unknown(system) then
      ctx:warn(system.prospecting, "the system prospects and does not say whom it prospects (`prospecting.audience`), and no data is about prospects: whether consent is required cannot be checked")
    end
  end,
}
