-- CPCE L.34-5 and Code de la consommation L.223-1: every prospecting message or call offers a simple, free way to object.
---@type cadre.Rule
return {
  id = "cnil.prospecting.opt-out",
  title = "Every prospecting message offers a way to object",
  description = "Each prospecting message states how to object to further messages simply and free of charge (an unsubscribe link, STOP by SMS), and each prospecting call reminds the person that they can object; objections are honoured and kept in an opposition list.",
  severity = "medium",
  references = {
    { "CPCE L.34-5", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070987" },
    { "Code de la consommation L.223-1", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565" },
    { "GDPR Art. 21(2)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  remediation = "Offer an opt-out in every message and call (`prospecting.opt_out_offered: true`), and keep an opposition list.",
  tags = { "prospecting", "rights" },
  applies = function(system) return system.prospecting ~= nil end,
  check = function(system, ctx)
    local prospecting = system.prospecting
    if prospecting.opt_out_offered ~= true then
      ctx:fail(cadre.at(prospecting, "opt_out_offered"),
        "prospecting messages and calls do not offer a way to object")
    end
  end,
}
