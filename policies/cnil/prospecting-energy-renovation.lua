-- Code de la consommation L.223-1 (loi n° 2020-901 of 24 July 2020): telephone prospecting of consumers for energy-renovation work is banned, except within an ongoing contract.
local words = require("words")
local audience = require("audience")
local has = cadre.has

---@type cadre.Rule
return {
  id = "cnil.prospecting.energy-renovation",
  title = "No telephone prospecting for energy-renovation work",
  description = "Since loi n° 2020-901 of 24 July 2020 (in force 26 July 2020), telephone prospecting of consumers for the sale of equipment or work on homes to save energy or produce renewable energy (heat pumps, insulation…) is banned, except for calls within an ongoing contract; a contract concluded after such a call is void. Loi n° 2025-594 of 30 June 2025 extended the ban to every channel (cnil.prospecting.energy-renovation-channels). The descriptor format cannot say what a campaign sells, so this rule looks for energy-renovation terms in what the system says of itself (name, description, purposes) and asks for a review. The ban protects consumers: a campaign whose audience is professionals only (`prospecting.audience: [professionals]`) is not concerned.",
  severity = "high",
  references = {
    { "Code de la consommation L.223-1", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565" },
    { "Loi n° 2020-901 du 24 juillet 2020", url = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042148119" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = pack.data.energy_renovation_phone_ban_from },
  remediation = "Stop calling consumers about energy-renovation work; call only customers about their ongoing contract, and record why (a waiver with the reason).",
  tags = { "prospecting", "energy-renovation", "telephone" },
  applies = function(system)
    local prospecting = system.prospecting
    return prospecting ~= nil and has(prospecting.channels, "phone") and not audience.business_only(system)
  end,
  check = function(system, ctx)
    local term, node = words.in_system(system, pack.data.energy_renovation_terms)
    if term then
      local whom = audience.unknown(system) and " (`prospecting.audience` does not say whom; the ban protects consumers)" or audience.note(system)
      ctx:warn(node, "the system calls consumers%s and mentions '%s': telephone prospecting of consumers for energy-renovation work is banned (Code de la consommation L.223-1, loi n° 2020-901)",
        whom, term)
    end
  end,
}
