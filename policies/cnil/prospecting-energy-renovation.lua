-- Code de la consommation L.223-1 as rewritten by loi n° 2025-594: cold calling for energy-renovation work is banned, on every channel, from 11 Aug 2026.
local words = require("words")

return {
  id = "cnil.prospecting.energy-renovation",
  title = "No cold prospecting for energy-renovation work",
  description = "From 11 August 2026, unsolicited prospecting for energy-renovation work (heat pumps, insulation…) is banned on every channel. The descriptor format cannot yet say what a campaign sells, so this rule looks for energy-renovation terms in what the system says of itself (name, description, purposes) and asks for a review.",
  severity = "high",
  references = { "Code de la consommation L.223-1", "Loi n° 2025-594 du 30 juin 2025, art. 13" },
  confidence = "secondary",
  effective = { from = pack.data.phone_consent_from },
  remediation = "Stop unsolicited prospecting for energy-renovation work; offer it only to people who asked for it.",
  tags = { "prospecting", "energy-renovation" },
  applies = function(system) return system.prospecting ~= nil end,
  check = function(system, ctx)
    local term, node = words.in_system(system, pack.data.energy_renovation_terms)
    if term then
      ctx:warn(node, "the system prospects and mentions '%s': cold prospecting for energy-renovation work is banned", term)
    end
  end,
}
