-- Code de la consommation L.223-1 as amended by loi n° 2025-594: prospecting for energy-renovation work is banned on every channel, not only by telephone.
local words = require("words")
local has = cadre.has

local others = { "email", "sms", "automated_call", "post" }

-- The first channel of `prospecting` other than the telephone, or nil.
local function other_channel(prospecting)
  for _, channel in ipairs(others) do
    if has(prospecting.channels, channel) then return channel end
  end
  return nil
end

---@type cadre.Rule
return {
  id = "cnil.prospecting.energy-renovation-channels",
  title = "No cold prospecting for energy-renovation work, on any channel",
  description = "Loi n° 2025-594 of 30 June 2025 extended the ban on prospecting for energy-renovation work (heat pumps, insulation…), which loi n° 2020-901 set for the telephone, to every channel: emails, text messages, automated calls, letters. The pack takes the extension to apply from 11 August 2026 with the rest of the law's article 13 (pack data `energy_renovation_all_channels_from`; not checked separately, README.md). The descriptor format cannot say what a campaign sells, so this rule looks for energy-renovation terms in what the system says of itself and asks for a review.",
  severity = "high",
  references = {
    { "Code de la consommation L.223-1", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565" },
    { "Loi n° 2025-594 du 30 juin 2025, art. 13", url = "https://www.legifrance.gouv.fr/eli/loi/2025/6/30/2025-594/jo/texte" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = pack.data.energy_renovation_all_channels_from },
  remediation = "Stop unsolicited prospecting for energy-renovation work on every channel; offer it only to people who asked for it.",
  tags = { "prospecting", "energy-renovation" },
  applies = function(system)
    return system.prospecting ~= nil and other_channel(system.prospecting) ~= nil
  end,
  check = function(system, ctx)
    local term, node = words.in_system(system, pack.data.energy_renovation_terms)
    if term then
      ctx:warn(node, "the system prospects by %s and mentions '%s': prospecting for energy-renovation work is banned on every channel (loi n° 2025-594)",
        other_channel(system.prospecting):gsub("_", " "), term)
    end
  end,
}
