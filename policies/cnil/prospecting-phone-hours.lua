-- Code de la consommation D. 223-9 ff. (décret n° 2022-1313): consumers are called for prospecting between 10:00 and 13:00 and between 14:00 and 20:00 only.
local audience = require("audience")
local schedule = require("schedule")

---@type cadre.Rule
return {
  id = "cnil.prospecting.phone-hours",
  title = "Consumers are called for prospecting from 10:00 to 13:00 and 14:00 to 20:00 only",
  description = "Since 1 March 2023, when décret n° 2022-1313 of 13 October 2022 came into force (Code de la consommation D. 223-9), telephone prospecting of consumers takes place between 10:00 and 13:00 and between 14:00 and 20:00 only. The descriptor gives the ranges the campaign calls in (`prospecting.call_hours`, `HH:MM-HH:MM`); each lies within one of the allowed ranges (pack data `phone_schedule.hours`).",
  severity = "medium",
  references = {
    { "Code de la consommation D. 223-9", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565" },
    { "Décret n° 2022-1313 du 13 octobre 2022 (in force 1 March 2023)", url = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000046421823" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = pack.data.phone_schedule.from },
  remediation = "Call consumers between 10:00 and 13:00 and between 14:00 and 20:00 only, and say so (`prospecting.call_hours: [\"10:00-13:00\", \"14:00-20:00\"]`).",
  tags = { "prospecting", "telephone" },
  applies = audience.calls_consumers,
  check = function(system, ctx)
    local prospecting = system.prospecting
    if #prospecting.call_hours == 0 then
      return ctx:fail(cadre.at(prospecting, "call_hours"), "consumers are called for prospecting, and the descriptor does not say at which hours (`call_hours`)")
    end
    local allowed = pack.data.phone_schedule.hours
    for index, text in ipairs(prospecting.call_hours) do
      local from, to = schedule.range(text)
      if from == nil then
        ctx:fail({prospecting.call_hours, index}, "'%s' is not a range of hours such as 10:00-13:00", text)
      elseif not schedule.within(from, to, allowed) then
        ctx:fail({prospecting.call_hours, index}, "consumers are called for prospecting %s; only %s (D. 223-9 ff.)", text, table.concat(allowed, " and "))
      end
    end
  end,
}
