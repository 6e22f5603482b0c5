-- Code de la consommation L.221-16 (as amended by loi n° 2020-901): a professional calling a consumer to sell says at the start who calls, for whom, and that the call is commercial.
local audience = require("audience")
local has = cadre.has

---@type cadre.Rule
return {
  id = "cnil.prospecting.phone-introduction",
  title = "Prospecting calls start by saying who calls, for whom, and why",
  description = "A professional who calls a consumer with a view to concluding a contract for the sale of goods or services states at the beginning of the conversation, clearly, precisely and understandably, its identity, where applicable the identity of the person on whose behalf it calls, and the commercial nature of the call (Code de la consommation L.221-16, as amended by loi n° 2020-901). A script or a voicebot that opens with the offer does not.",
  severity = "medium",
  references = {
    { "Code de la consommation L.221-16", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565" },
    { "Loi n° 2020-901 du 24 juillet 2020", url = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042148119" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = pack.data.energy_renovation_phone_ban_from },
  remediation = "Open every call with who calls, on whose behalf, and that the call is commercial, and record it (`prospecting.call_introduction: true`).",
  tags = { "prospecting", "telephone", "transparency" },
  applies = function(system)
    local prospecting = system.prospecting
    return prospecting ~= nil and has(prospecting.channels, "phone") and audience.consumers(system)
  end,
  check = function(system, ctx)
    if system.prospecting.call_introduction ~= true then
      ctx:fail(cadre.at(system.prospecting, "call_introduction"),
        "prospecting calls to consumers do not start by saying who calls, for whom, and that the call is commercial (L.221-16)")
    end
  end,
}
