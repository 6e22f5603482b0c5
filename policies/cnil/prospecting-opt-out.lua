-- CPCE L.34-5 and Code de la consommation L.223-1: every prospecting message or call offers a simple, free way to object.
return {
  id = "cnil.prospecting.opt-out",
  title = "Every prospecting message offers a way to object",
  description = "Each prospecting message states how to object to further messages simply and free of charge (an unsubscribe link, STOP by SMS), and each prospecting call reminds the person that they can object; objections are honoured and kept in an opposition list.",
  severity = "medium",
  references = { "CPCE L.34-5", "Code de la consommation L.223-1", "GDPR Art. 21(2)" },
  confidence = "secondary",
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
