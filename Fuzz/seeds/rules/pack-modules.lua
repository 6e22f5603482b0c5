-- Seed: a rule of the AI Act pack that uses its library and data.
local calendar = require("calendar")
local high_risk = require("high_risk")
return {
  id = "ai-act.fuzz.modules",
  title = "The pack's modules and data",
  severity = "high",
  references = { "AI Act Art. 6" },
  effective = { from = calendar.dates.annex_iii },
  applies = function(system) return high_risk.any(system) end,
  check = function(system, ctx)
    for key, value in pairs(pack.data) do ctx:info(system, "%s: %s", key, type(value)) end
    for name, value in pairs(pack.settings) do ctx:info(system, "%s = %s", name, value) end
  end,
}
