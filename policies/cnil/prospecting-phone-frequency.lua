-- Code de la consommation D. 223-9 ff. (décret n° 2022-1313): a consumer receives at most four prospecting calls in 30 days.
local audience = require("audience")

---@type cadre.Rule
return {
  id = "cnil.prospecting.phone-frequency",
  title = "A consumer gets at most four prospecting calls in 30 days",
  description = "Since 1 March 2023, when décret n° 2022-1313 of 13 October 2022 came into force (Code de la consommation D. 223-9), a consumer may be solicited by telephone for prospecting at most four times in a period of 30 consecutive days, calls that were not answered included. The descriptor gives the most calls its dialler makes to one person in 30 days (`prospecting.max_calls_per_30_days`).",
  severity = "medium",
  references = {
    { "Code de la consommation D. 223-9", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565" },
    { "Décret n° 2022-1313 du 13 octobre 2022 (in force 1 March 2023)", url = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000046421823" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = pack.data.phone_schedule.from },
  remediation = "Cap the dialler at four calls per person in 30 days, attempts included, and say so (`prospecting.max_calls_per_30_days: 4`).",
  tags = { "prospecting", "telephone" },
  applies = audience.calls_consumers,
  check = function(system, ctx)
    local prospecting = system.prospecting
    local most = prospecting.max_calls_per_30_days
    local limit = pack.data.phone_schedule.max_calls_per_30_days
    if most == nil then
      ctx:fail(cadre.at(prospecting, "max_calls_per_30_days"), "consumers are called for prospecting, and nothing caps the calls to one person (`max_calls_per_30_days`); %d in 30 days at most", limit)
    elseif most > limit then
      ctx:fail({prospecting, "max_calls_per_30_days"}, "consumers may get %d prospecting calls in 30 days; %d at most (D. 223-9 ff.)", most, limit)
    end
  end,
}
