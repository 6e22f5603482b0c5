-- AI Act Art. 27(3): once the fundamental rights impact assessment is performed, the deployer notifies the market surveillance authority of its results.
local calendar = require("calendar")

---@type cadre.Rule
return {
  id = "ai-act.fria.notification",
  title = "The authority is notified of the FRIA's results",
  description = "Once the fundamental rights impact assessment has been performed, the deployer notifies the market surveillance authority of its results, submitting the filled-out template of the AI Office as part of the notification.",
  severity = "medium",
  references = {
    { "AI Act Art. 27(3)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Notify the market surveillance authority of the FRIA's results and record it (`assessments.fria.notified: true`).",
  tags = { "high-risk", "fria" },
  applies = function(system)
    local fria = system.assessments and system.assessments.fria
    return fria ~= nil and fria.status == "done"
  end,
  check = function(system, ctx)
    local fria = system.assessments.fria
    if fria.date and fria.date > ctx.as_of then return end
    if fria.notified ~= true then
      ctx:fail(cadre.at(fria, "notified"), "the FRIA %sis done, and the market surveillance authority was not notified of its results",
        fria.ref and ("(" .. fria.ref .. ") ") or "")
    end
  end,
}
