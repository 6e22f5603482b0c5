-- Code de la consommation D. 223-9 ff. (décret n° 2022-1313): consumers are called for prospecting on weekdays only, never at weekends or on public holidays.
local audience = require("audience")

---@type cadre.Rule
return {
  id = "cnil.prospecting.phone-days",
  title = "Consumers are called for prospecting on weekdays only",
  description = "Since 1 March 2023, when décret n° 2022-1313 of 13 October 2022 came into force (Code de la consommation D. 223-9), telephone prospecting of consumers takes place from Monday to Friday only: never on Saturdays, Sundays or public holidays. The descriptor says on which days the campaign calls (`prospecting.call_days`).",
  severity = "medium",
  references = {
    { "Code de la consommation D. 223-9", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565" },
    { "Décret n° 2022-1313 du 13 octobre 2022 (in force 1 March 2023)", url = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000046421823" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = pack.data.phone_schedule.from },
  remediation = "Call consumers from Monday to Friday only, not on public holidays, and say so (`prospecting.call_days: [monday, tuesday, wednesday, thursday, friday]`).",
  tags = { "prospecting", "telephone" },
  applies = audience.calls_consumers,
  check = function(system, ctx)
    local prospecting = system.prospecting
    if #prospecting.call_days == 0 then
      return ctx:fail(cadre.at(prospecting, "call_days"), "consumers are called for prospecting, and the descriptor does not say on which days (`call_days`)")
    end
    local allowed = {}
    for _, day in ipairs(pack.data.phone_schedule.days) do allowed[day] = true end
    for index, day in ipairs(prospecting.call_days) do
      if not allowed[day] then
        ctx:fail({prospecting.call_days, index}, "consumers are called for prospecting on %s; weekdays only, not at weekends or on public holidays (D. 223-9 ff.)",
          day == "public_holidays" and "public holidays" or day .. "s")
      end
    end
  end,
}
