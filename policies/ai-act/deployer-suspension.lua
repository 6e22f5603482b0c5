-- AI Act Art. 26(5): high-risk AI can be suspended when it presents a risk.
local calendar = require("calendar")
local high_risk = require("high_risk")

---@type cadre.Rule
return {
  id = "ai-act.deployer.suspension",
  title = "High-risk AI can be suspended when it presents a risk",
  description = "Where deployers have reason to consider that using the high-risk AI system in accordance with the instructions may result in a risk to health, safety or fundamental rights, they inform the provider or distributor and the market surveillance authority without undue delay, and suspend the use of the system. That needs a way to stop it (a fallback to agents) and a procedure that says when and who decides.",
  severity = "high",
  references = {
    { "AI Act Art. 26(5)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Set a procedure (and a fallback) to suspend the component when it presents a risk and inform the provider and the authority, and record it (`monitoring: { suspension_procedure: true }`).",
  tags = { "high-risk", "deployer", "monitoring" },
  applies = high_risk.any,
  check = high_risk.requires("suspension_procedure", "nothing says how the use of high-risk component '%s' is suspended when it presents a risk, nor who informs the provider and the authority (Art. 26(5))"),
}
