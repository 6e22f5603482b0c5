-- AI Act Art. 26(5): high-risk AI is monitored in use, on the basis of its instructions.
local calendar = require("calendar")
local high_risk = require("high_risk")

---@type cadre.Rule
return {
  id = "ai-act.deployer.monitoring",
  title = "High-risk AI is monitored in use, on the basis of its instructions",
  description = "Deployers monitor the operation of the high-risk AI system on the basis of the instructions for use and, where relevant, inform the provider of what they find. Monitoring means someone watches what the system does in production (error rates, escalations, drifts), not only that it runs.",
  severity = "high",
  references = {
    { "AI Act Art. 26(5)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Monitor the component's operation following the provider's instructions for use (indicators, reviews), and record it (`monitoring: { monitored: true }`).",
  tags = { "high-risk", "deployer", "monitoring" },
  applies = high_risk.any,
  check = high_risk.requires("monitored", "high-risk component '%s' is not monitored in operation on the basis of its instructions for use (Art. 26(5))"),
}
