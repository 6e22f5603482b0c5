-- Code de la consommation L.221-16 (as amended by loi n° 2020-901), until Bloctel ends: a professional calling a consumer to sell tells them they can register free of charge on the opposition list.
local audience = require("audience")
local has = cadre.has

---@type cadre.Rule
return {
  id = "cnil.prospecting.phone-bloctel-reminder",
  title = "Prospecting calls tell consumers they can register on Bloctel",
  description = "Since loi n° 2020-901 (in force 26 July 2020), a professional who calls a consumer to sell also tells them that they can register free of charge on the telephone opposition list (Bloctel) if they do not want to be prospected by telephone (Code de la consommation L.221-16). The duty follows the opt-out regime: from 11 August 2026 telephone prospecting of consumers needs their prior consent and Bloctel ends (loi n° 2025-594), so the rule applies until 10 August 2026.",
  severity = "low",
  references = {
    { "Code de la consommation L.221-16", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565" },
    { "Loi n° 2020-901 du 24 juillet 2020", url = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042148119" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = pack.data.energy_renovation_phone_ban_from, to = pack.data.bloctel_until },
  remediation = "Tell every consumer called that they can register free of charge on Bloctel, and record it (`prospecting.bloctel_reminder: true`).",
  tags = { "prospecting", "telephone", "transparency" },
  applies = function(system)
    local prospecting = system.prospecting
    return prospecting ~= nil and has(prospecting.channels, "phone") and audience.consumers(system)
  end,
  check = function(system, ctx)
    if system.prospecting.bloctel_reminder ~= true then
      ctx:fail(cadre.at(system.prospecting, "bloctel_reminder"),
        "prospecting calls to consumers do not tell them they can register free of charge on Bloctel (L.221-16)")
    end
  end,
}
