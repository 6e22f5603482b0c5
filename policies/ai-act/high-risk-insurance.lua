-- AI Act Annex III 5(c): AI used for risk assessment and pricing of life and health insurance is high-risk.
local calendar = require("calendar")
local high_risk = require("high_risk")

---@type cadre.Rule
return {
  id = "ai-act.high-risk.insurance",
  title = "Life and health insurance risk pricing is treated as high-risk (Annex III 5(c))",
  description = "AI systems intended to be used for risk assessment and pricing in relation to natural persons in the case of life and health insurance are high-risk (Annex III 5(c)). The descriptor declares it (`annex_iii: [5c]`) so the deployer duties and the fundamental rights impact assessment are checked.",
  severity = "high",
  references = {
    { "AI Act Annex III 5(c)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 6(3)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Declare the component high-risk (`annex_iii: [5c]`), meet the deployer duties of Art. 26 and carry out the FRIA of Art. 27.",
  tags = { "high-risk", "insurance" },
  applies = high_risk.concerns("5c"),
  check = high_risk.undeclared("5c", "life and health insurance risk and pricing"),
}
